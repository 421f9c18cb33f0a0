/**
 * Broadcasts: the recent ones (an admin's: all; a sender's: their own), a broadcast's page
 * whose progress updates itself (htmx polls a fragment while it is scheduled or running,
 * counted from its rows), stopping or cancelling it through the chat's own actions, the
 * final report, and the "not reached" list by village (CSV and XLSX). Composing is in
 * broadcast-compose.tsx.
 */
import type { Context, Hono } from 'hono';
import { cancelBroadcast, stopBroadcast } from '../../../../flows/broadcasts/declarations.js';
import { t } from '../../../core/messages.js';
import {
  type BroadcastTally,
  reachByVillage,
  tallyBroadcast,
} from '../../../db/queries/broadcast-report.js';
import { type BroadcastRow, listRecentBroadcasts } from '../../../db/queries/broadcasts.js';
import { getBroadcastByNumber } from '../../../db/queries/web-broadcasts.js';
import { formatLocalTime } from '../../../domain/local-time.js';
import { act } from '../act.js';
import { type ExportFormat, sendTable } from '../export.js';
import { Csrf, Exports, Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { villageName } from './words.js';

/** Most broadcasts listed. */
export const BROADCASTS_LISTED = 100;
/** How often a broadcast's page asks for its progress, in seconds. */
export const PROGRESS_POLL_S = 2;

const BROADCASTS = `${WEB_BASE}/siaran`;
const STATES = ['scheduled', 'running', 'done', 'stopped', 'cancelled'] as const;

/** The broadcasts the viewer sees: an admin all, anyone else their own. */
export function broadcastsFor(deps: WebDeps, viewer: Viewer, limit = BROADCASTS_LISTED) {
  const senderId = viewer.contact.role === 'admin' ? undefined : viewer.contact.id;
  return listRecentBroadcasts(deps.db, { senderId, limit });
}

/** The broadcast's main text. */
export function mainText(row: BroadcastRow): string {
  const texts = (row.texts ?? {}) as Record<string, string | undefined>;
  return texts.main ?? Object.values(texts).find(Boolean) ?? '';
}

/** The broadcast's state in words. */
export function stateText(viewer: Viewer, row: BroadcastRow): string {
  const state = STATES.find((s) => s === row.state) ?? 'scheduled';
  return viewer.tr(t(`web:broadcasts.states.${state}`));
}

const zoneOf = (row: BroadcastRow) =>
  row.zone === 'WITA' || row.zone === 'WIT' ? row.zone : 'WIB';

async function visible(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const number = Number.parseInt(c.req.param('number') ?? '', 10);
  const row = Number.isSafeInteger(number)
    ? await getBroadcastByNumber(deps.db, { number })
    : undefined;
  if (!row) return undefined;
  return viewer.contact.role === 'admin' || row.senderId === viewer.contact.id ? row : undefined;
}

const open = (row: BroadcastRow) => row.state === 'scheduled' || row.state === 'running';

function Tally(props: { viewer: Viewer; tally: BroadcastTally }) {
  const { viewer, tally } = props;
  const skipped = Object.values(tally.skipped).reduce((sum, n) => sum + n, 0);
  return (
    <dl>
      <dt>{viewer.tr(t('web:broadcasts.sent'))}</dt>
      <dd id="sent">{tally.sent}</dd>
      <dt>{viewer.tr(t('web:broadcasts.pending'))}</dt>
      <dd id="pending">{tally.waiting + tally.open}</dd>
      <dt>{viewer.tr(t('web:broadcasts.failed'))}</dt>
      <dd id="failed">
        {tally.failed}
        {tally.failedReasons.length > 0
          ? ` (${tally.failedReasons.map((r) => `${r.reason}: ${r.count}`).join(', ')})`
          : ''}
      </dd>
      <dt>{viewer.tr(t('web:broadcasts.skipped'))}</dt>
      <dd id="skipped">
        {skipped}
        {skipped > 0
          ? ` (${Object.entries(tally.skipped)
              .map(
                ([reason, n]) =>
                  `${viewer.tr(t(`web:broadcasts.reasons.${reasonKey(reason)}`))}: ${n}`,
              )
              .join(', ')})`
          : ''}
      </dd>
    </dl>
  );
}

const REASONS = [
  'gone',
  'no_consent',
  'opted_out',
  'no_address',
  'unreachable',
  'stopped',
] as const;
const reasonKey = (reason: string) => REASONS.find((r) => r === reason) ?? 'gone';

/** The progress box: polls itself while the broadcast is open; the final report after. */
async function Progress(props: { deps: WebDeps; viewer: Viewer; row: BroadcastRow }) {
  const { deps, viewer, row } = props;
  const tally = await tallyBroadcast(deps.db, { bulkId: row.id });
  const polling = open(row)
    ? {
        'hx-get': `${BROADCASTS}/${row.number}/kemajuan`,
        'hx-trigger': `every ${PROGRESS_POLL_S}s`,
        'hx-swap': 'outerHTML',
      }
    : {};
  return (
    <div id="progress" class="card" data-state={row.state} {...polling}>
      <h2>{viewer.tr(t(open(row) ? 'web:broadcasts.progress' : 'web:broadcasts.report'))}</h2>
      <p>
        <strong id="state">{stateText(viewer, row)}</strong>
      </p>
      <Tally viewer={viewer} tally={tally} />
    </div>
  );
}

async function NotReached(props: { deps: WebDeps; viewer: Viewer; row: BroadcastRow }) {
  const { deps, viewer, row } = props;
  const tr = viewer.tr;
  const { directory } = await deps.villages();
  const rows = (await reachByVillage(deps.db, { bulkId: row.id })).filter((r) => r.notReached > 0);
  return (
    <>
      <h2>{tr(t('web:broadcasts.not_reached'))}</h2>
      <Exports viewer={viewer} path={`${BROADCASTS}/${row.number}/belum`} query="" />
      <DataTable
        viewer={viewer}
        id="not-reached"
        empty={tr(t('web:broadcasts.all_reached'))}
        header={reachHeader(viewer)}
        rows={rows.map((r) => [
          r.villageCode ? villageName(directory, r.villageCode) : '–',
          r.audience,
          r.sent,
          r.notReached,
          r.failed + r.unreachable,
          r.optedOut,
          r.noConsent + r.noAddress,
          r.notSentYet,
        ])}
      />
    </>
  );
}

function reachHeader(viewer: Viewer): string[] {
  return (
    [
      'village',
      'audience',
      'sent',
      'not_reached_n',
      'failed',
      'opted_out',
      'no_consent',
      'not_yet',
    ] as const
  ).map((key) => viewer.tr(t(`web:broadcasts.reach.${key}`)));
}

const FLASHES = ['started', 'scheduled', 'stopped', 'cancelled', 'too_late', 'gone'] as const;

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
        <p class={flash === 'too_late' || flash === 'gone' ? 'err' : 'ok'} role="status">
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
  for (const [step, action, done] of [
    ['hentikan', stopBroadcast, 'stopped'],
    ['batal', cancelBroadcast, 'cancelled'],
  ] as const) {
    app.post(`${BROADCASTS}/:number{[0-9]+}/${step}`, async (c) => {
      const row = await visible(c, deps);
      if (!row) return notFound(c);
      const result = await act<{ outcome: string }>(deps, c.get('viewer'), action, { id: row.id });
      const outcome = result?.outcome === done ? done : (result?.outcome ?? 'gone');
      const flash = FLASHES.find((f) => f === outcome) ?? 'gone';
      return c.redirect(`${BROADCASTS}/${row.number}?hasil=${flash}`, 303);
    });
  }
  mountExports(app, deps);
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
        header: listHeader(viewer),
        rows: rows.map((row) => [row.number, row.state, row.startAt.toISOString(), mainText(row)]),
      });
    });
    app.get(`${BROADCASTS}/:number{[0-9]+}/belum.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const row = await visible(c, deps);
      if (!row) return notFound(c);
      const { directory } = await deps.villages();
      const rows = await reachByVillage(deps.db, { bulkId: row.id });
      return sendTable(c, format, {
        name: `siaran-${row.number}-belum-terjangkau`,
        header: [viewer.tr(t('web:people.village_code')), ...reachHeader(viewer)],
        rows: rows
          .filter((r) => r.notReached > 0)
          .map((r) => [
            r.villageCode ?? '',
            r.villageCode ? villageName(directory, r.villageCode) : '',
            r.audience,
            r.sent,
            r.notReached,
            r.failed + r.unreachable,
            r.optedOut,
            r.noConsent + r.noAddress,
            r.notSentYet,
          ]),
      });
    });
  }
}
