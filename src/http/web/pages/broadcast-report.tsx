/**
 * What a broadcast's page shows of it: its state, the progress box that polls itself while
 * it is scheduled or running (counted from its rows), the final report, and the "not
 * reached" list by village with its CSV and XLSX.
 */
import type { Context, Hono } from 'hono';
import { t } from '../../../core/messages.js';
import {
  type BroadcastTally,
  reachByVillage,
  tallyBroadcast,
  type VillageReach,
} from '../../../db/queries/broadcast-report.js';
import type { BroadcastRow } from '../../../db/queries/broadcasts.js';
import { getBroadcastByNumber } from '../../../db/queries/web-broadcasts.js';
import { type ExportFormat, sendTable } from '../export.js';
import { Exports, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { villageName } from './words.js';

/** How often a broadcast's page asks for its progress, in seconds. */
export const PROGRESS_POLL_S = 2;

/** Where the broadcasts live. */
export const BROADCASTS = `${WEB_BASE}/siaran`;
const STATES = ['scheduled', 'running', 'done', 'stopped', 'cancelled'] as const;

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

/** The zone a broadcast's times are shown in. */
export const zoneOf = (row: BroadcastRow) =>
  row.zone === 'WITA' || row.zone === 'WIT' ? row.zone : 'WIB';

/** The broadcast `:number` names, when the viewer may see it (an admin, or its sender). */
export async function visible(c: Context<WebEnv>, deps: WebDeps) {
  const viewer = c.get('viewer');
  const number = Number.parseInt(c.req.param('number') ?? '', 10);
  const row = Number.isSafeInteger(number)
    ? await getBroadcastByNumber(deps.db, { number })
    : undefined;
  if (!row) return undefined;
  return viewer.contact.role === 'admin' || row.senderId === viewer.contact.id ? row : undefined;
}

/** True while it is scheduled or running. */
export const open = (row: BroadcastRow) => row.state === 'scheduled' || row.state === 'running';

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
export async function Progress(props: { deps: WebDeps; viewer: Viewer; row: BroadcastRow }) {
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

export async function NotReached(props: { deps: WebDeps; viewer: Viewer; row: BroadcastRow }) {
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
          ...reachCells(r),
        ])}
      />
    </>
  );
}

/** A village's reach after its name, in the order of {@link reachHeader}. */
function reachCells(r: VillageReach): number[] {
  return [
    r.audience,
    r.sent,
    r.notReached,
    r.failed + r.unreachable,
    r.optedOut,
    r.noConsent + r.noAddress,
    r.notSentYet,
  ];
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

/** Adds the not-reached list's CSV and XLSX. */
export function mountReachExports(app: Hono<WebEnv>, deps: WebDeps): void {
  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
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
            ...reachCells(r),
          ]),
      });
    });
  }
}
