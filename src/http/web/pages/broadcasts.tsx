/**
 * Broadcasts: the recent ones (an admin's: all; a sender's: their own), and a broadcast's
 * page: its progress (broadcast-report.tsx), moving, cancelling or stopping it through the
 * chat's own actions. Composing is in broadcast-compose.tsx.
 */
import type { Context, Hono } from 'hono';
import {
  cancelBroadcast,
  rescheduleBroadcast,
  stopBroadcast,
} from '../../../../flows/broadcasts/declarations.js';
import { t } from '../../../core/messages.js';
import { listRecentBroadcasts } from '../../../db/queries/broadcasts.js';
import { formatLocalTime } from '../../../domain/local-time.js';
import { act } from '../act.js';
import { type ExportFormat, sendTable } from '../export.js';
import { Csrf, Exports, Page } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import {
  BROADCASTS,
  mainText,
  mountReachExports,
  NotReached,
  Progress,
  stateText,
  visible,
  zoneOf,
} from './broadcast-report.js';
import { notFound } from './report-detail.js';

/** Most broadcasts listed. */
export const BROADCASTS_LISTED = 100;

/** The broadcasts the viewer sees: an admin all, anyone else their own. */
export function broadcastsFor(deps: WebDeps, viewer: Viewer, limit = BROADCASTS_LISTED) {
  const senderId = viewer.contact.role === 'admin' ? undefined : viewer.contact.id;
  return listRecentBroadcasts(deps.db, { senderId, limit });
}

const FLASHES = [
  'started',
  'scheduled',
  'rescheduled',
  'invalid',
  'stopped',
  'cancelled',
  'too_late',
  'gone',
] as const;

/** A scheduled broadcast's new time, typed as in the chat ("besok 08:00"). */
function Reschedule(props: { viewer: Viewer; number: number }) {
  const tr = props.viewer.tr;
  return (
    <form class="card filters" method="post" action={`${BROADCASTS}/${props.number}/waktu`}>
      <Csrf viewer={props.viewer} />
      <label>
        {tr(t('web:broadcasts.new_time'))}
        <input name="when" required placeholder="besok 08:00" />
      </label>
      <button class="primary" type="submit">
        {tr(t('web:broadcasts.reschedule'))}
      </button>
    </form>
  );
}

async function broadcastPage(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const tr = viewer.tr;
  const row = await visible(c, deps);
  if (!row) return notFound(c);
  const flash = FLASHES.find((f) => f === c.req.query('hasil'));
  const base = `${BROADCASTS}/${row.number}`;
  return c.html(
    <Page viewer={viewer} title={tr(t('web:broadcasts.one', { number: row.number }))}>
      {flash ? (
        <p class={['too_late', 'gone', 'invalid'].includes(flash) ? 'err' : 'ok'} role="status">
          {tr(t(`web:broadcasts.flash.${flash}`, { number: row.number }))}
        </p>
      ) : null}
      <p>
        <a href={BROADCASTS}>{tr(t('web:broadcasts.back'))}</a>
      </p>
      <dl class="card">
        <dt>{tr(t('web:broadcasts.start'))}</dt>
        <dd>{formatLocalTime(row.startAt, zoneOf(row))}</dd>
        <dt>{tr(t('web:broadcasts.text'))}</dt>
        <dd style="white-space:pre-line">{mainText(row)}</dd>
      </dl>
      <Progress deps={deps} viewer={viewer} row={row} />
      {row.state === 'scheduled' ? <Reschedule viewer={viewer} number={row.number} /> : null}
      {row.state === 'running' || row.state === 'scheduled' ? (
        <form method="post" action={`${base}/${row.state === 'running' ? 'hentikan' : 'batal'}`}>
          <Csrf viewer={viewer} />
          <button type="submit" id="stop">
            {tr(t(row.state === 'running' ? 'web:broadcasts.stop' : 'web:broadcasts.cancel'))}
          </button>
        </form>
      ) : null}
      {row.state === 'done' || row.state === 'stopped' ? (
        <NotReached deps={deps} viewer={viewer} row={row} />
      ) : null}
    </Page>,
  );
}

/** Adds the broadcasts list, a broadcast's page, its progress, stop and cancel, and exports. */
export function mountBroadcasts(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(BROADCASTS, async (c) => {
    const viewer = c.get('viewer');
    const tr = viewer.tr;
    const rows = await broadcastsFor(deps, viewer);
    const maySend =
      viewer.contact.role === 'admin' ||
      (viewer.contact.role === 'duta_digital' && viewer.contact.villageCode !== null);
    return c.html(
      <Page viewer={viewer} title={tr(t('web:broadcasts.title'))}>
        {maySend ? (
          <p>
            <a href={`${BROADCASTS}/baru`}>{tr(t('web:broadcasts.compose'))}</a>
          </p>
        ) : null}
        <Exports viewer={viewer} path={BROADCASTS} query="" />
        <DataTable
          viewer={viewer}
          id="broadcasts"
          empty={tr(t('web:broadcasts.none'))}
          header={listHeader(viewer)}
          rows={rows.map((row) => [
            <a href={`${BROADCASTS}/${row.number}`}>#{row.number}</a>,
            stateText(viewer, row),
            formatLocalTime(row.startAt, zoneOf(row)),
            mainText(row).slice(0, 160),
          ])}
        />
      </Page>,
    );
  });
  app.get(`${BROADCASTS}/:number{[0-9]+}`, (c) => broadcastPage(c, deps));
  app.get(`${BROADCASTS}/:number{[0-9]+}/kemajuan`, async (c) => {
    const row = await visible(c, deps);
    if (!row) return notFound(c);
    return c.html(<Progress deps={deps} viewer={c.get('viewer')} row={row} />);
  });
  for (const [step, done] of [
    ['hentikan', 'stopped'],
    ['batal', 'cancelled'],
  ] as const) {
    app.post(`${BROADCASTS}/:number{[0-9]+}/${step}`, async (c) => {
      const row = await visible(c, deps);
      if (!row) return notFound(c);
      const viewer = c.get('viewer');
      const result =
        step === 'hentikan'
          ? await act(deps, viewer, stopBroadcast, { id: row.id })
          : await act(deps, viewer, cancelBroadcast, { id: row.id });
      const outcome = result?.outcome === done ? done : (result?.outcome ?? 'gone');
      const flash = FLASHES.find((f) => f === outcome) ?? 'gone';
      return c.redirect(`${BROADCASTS}/${row.number}?hasil=${flash}`, 303);
    });
  }
  app.post(`${BROADCASTS}/:number{[0-9]+}/waktu`, async (c) => {
    const row = await visible(c, deps);
    if (!row) return notFound(c);
    const when = String((await c.req.parseBody()).when ?? '');
    const input = { id: row.id, when };
    const result = await act(deps, c.get('viewer'), rescheduleBroadcast, input);
    const flash = FLASHES.find((f) => f === result?.outcome) ?? 'gone';
    return c.redirect(`${BROADCASTS}/${row.number}?hasil=${flash}`, 303);
  });
  mountExports(app, deps);
  mountReachExports(app, deps);
}

function listHeader(viewer: Viewer): string[] {
  return (['number', 'state', 'start', 'text'] as const).map((key) =>
    viewer.tr(t(`web:broadcasts.${key}`)),
  );
}

function mountExports(app: Hono<WebEnv>, deps: WebDeps): void {
  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(`${BROADCASTS}.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const rows = await broadcastsFor(deps, viewer);
      return sendTable(c, format, {
        name: `siaran-${deps.clock.now().toISOString().slice(0, 10)}`,
        header: [...listHeader(viewer), viewer.tr(t('web:broadcasts.counts'))],
        rows: rows.map((row) => [
          row.number,
          row.state,
          row.startAt.toISOString(),
          mainText(row),
          row.counts ? JSON.stringify(row.counts) : '',
        ]),
      });
    });
  }
}
