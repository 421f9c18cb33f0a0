/**
 * The programme's lists: upcoming trainings the viewer is invited to or manages (the
 * training capability's own query and area rules), and recent broadcasts (an admin's: all;
 * anyone else's: their own), each with CSV and XLSX.
 */
import type { Hono } from 'hono';
import { t } from '../../../core/messages.js';
import { type BroadcastRow, listRecentBroadcasts } from '../../../db/queries/broadcasts.js';
import { type ExportFormat, sendTable } from '../export.js';
import { Exports, Page, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';

/** Most broadcasts listed. */
export const BROADCASTS_LISTED = 100;

const when = (date: Date, timeZone: string) =>
  new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    date,
  );

function broadcastsFor(deps: WebDeps, viewer: Viewer): Promise<BroadcastRow[]> {
  const senderId = viewer.contact.role === 'admin' ? undefined : viewer.contact.id;
  return listRecentBroadcasts(deps.db, { senderId, limit: BROADCASTS_LISTED });
}

function mainText(row: BroadcastRow): string {
  const texts = (row.texts ?? {}) as Record<string, string | undefined>;
  return texts[row.mainLanguage] ?? Object.values(texts).find(Boolean) ?? '';
}

function broadcastRow(row: BroadcastRow) {
  return [
    row.number,
    row.state,
    when(row.startAt, 'Asia/Jakarta'),
    mainText(row).slice(0, 160),
    row.counts ? JSON.stringify(row.counts) : '',
  ];
}

/** A list page: its title, exports, and a table. */
function ListPage(props: {
  viewer: Viewer;
  title: string;
  path: string;
  header: string[];
  rows: (string | number)[][];
  empty: string;
  id: string;
}) {
  return (
    <Page viewer={props.viewer} title={props.title}>
      <Exports viewer={props.viewer} path={props.path} query="" />
      <div class="card scroll">
        {props.rows.length === 0 ? (
          <p>{props.empty}</p>
        ) : (
          <table id={props.id}>
            <thead>
              <tr>
                {props.header.map((title) => (
                  <th>{title}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {props.rows.map((row) => (
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
    </Page>
  );
}

/** Adds the trainings and broadcasts pages and their exports. */
export function mountProgramme(app: Hono<WebEnv>, deps: WebDeps): void {
  const lists = {
    siaran: {
      id: 'broadcasts',
      title: t('web:broadcasts.title'),
      empty: t('web:broadcasts.none'),
      header: [
        t('web:broadcasts.number'),
        t('web:broadcasts.state'),
        t('web:broadcasts.start'),
        t('web:broadcasts.text'),
        t('web:broadcasts.counts'),
      ],
      rows: async (viewer: Viewer) => (await broadcastsFor(deps, viewer)).map(broadcastRow),
    },
  };
  for (const [name, list] of Object.entries(lists)) {
    const path = `${WEB_BASE}/${name}`;
    app.get(path, async (c) => {
      const viewer = c.get('viewer');
      return c.html(
        <ListPage
          viewer={viewer}
          id={list.id}
          title={viewer.tr(list.title)}
          path={path}
          header={list.header.map(viewer.tr)}
          rows={await list.rows(viewer)}
          empty={viewer.tr(list.empty)}
        />,
      );
    });
    for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
      app.get(`${path}.${format}`, async (c) => {
        const viewer = c.get('viewer');
        return sendTable(c, format, {
          name: `${name}-${deps.clock.now().toISOString().slice(0, 10)}`,
          header: list.header.map(viewer.tr),
          rows: await list.rows(viewer),
        });
      });
    }
  }
}
