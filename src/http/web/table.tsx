/**
 * The one table of the admin web: a card that scrolls sideways inside itself (so the page
 * never does, even at 360 px), a header row, the rows or a line saying there are none, and
 * the pager below when the list has pages. Every list page uses it.
 */
import type { Child } from 'hono/jsx';
import { t } from '../../core/messages.js';
import type { Viewer } from './types.js';

/** Paging of a list: the page shown, how many there are, and each page's address. */
export interface Paging {
  page: number;
  pages: number;
  total: number;
  href: (page: number) => string;
}

/** "Page 2 of 5" with links to the neighbours. */
export function Pager(props: { viewer: Viewer } & Paging) {
  const { viewer, page, pages } = props;
  return (
    <p class="pager">
      {page > 1 ? <a href={props.href(page - 1)}>{viewer.tr(t('web:common.previous'))}</a> : null}{' '}
      {viewer.tr(t('web:common.page', { page, pages: Math.max(pages, 1), total: props.total }))}{' '}
      {page < pages ? <a href={props.href(page + 1)}>{viewer.tr(t('web:common.next'))}</a> : null}
    </p>
  );
}

/**
 * A table: `header` cells and `rows` of cells (text or markup), `empty` shown instead when
 * there are no rows, and `paging` for a pager under it.
 */
export function DataTable(props: {
  viewer: Viewer;
  id: string;
  header: readonly Child[];
  rows: readonly (readonly Child[])[];
  empty?: string;
  paging?: Paging;
}) {
  const { viewer, rows } = props;
  return (
    <>
      <div class="card scroll">
        {rows.length === 0 ? (
          <p>{props.empty ?? viewer.tr(t('web:common.none'))}</p>
        ) : (
          <table id={props.id}>
            <thead>
              <tr>
                {props.header.map((cell) => (
                  <th>{cell}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr>
                  {row.map((cell) => (
                    <td>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {props.paging ? <Pager viewer={viewer} {...props.paging} /> : null}
    </>
  );
}
