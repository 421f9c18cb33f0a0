/**
 * One report: what the viewer may see of it (src/domain/report/access.ts, as in the chat),
 * its photos, its pin as a map link, its history, and the staff's moves through the chat's
 * own action (`report.move`), so the reporter is told exactly as when staff move it by chat.
 */
import type { Context, Hono } from 'hono';
import type { MoveResult } from '../../../../flows/reports/declarations.js';
import { moveByStaff } from '../../../../flows/reports/declarations.js';
import { categoryName, reasonName, statusName, typeName } from '../../../../flows/reports/text.js';
import { t } from '../../../core/messages.js';
import { getContact } from '../../../db/queries/contacts.js';
import {
  findReportByTicket,
  listHistory,
  type ReportRow,
  reportMediaIds,
} from '../../../db/queries/reports.js';
import { formatDate } from '../../../domain/dates.js';
import { mapLink } from '../../../domain/map-link.js';
import { type ReportAccess, reportAccess } from '../../../domain/report/access.js';
import { isOverdue } from '../../../domain/report/overdue.js';
import {
  isReportStatus,
  REJECT_REASONS,
  REPORT_STATUSES,
  staffMovesFrom,
} from '../../../domain/report/status.js';
import { parseTicket } from '../../../domain/report/ticket.js';
import { Csrf, Page, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { villageName } from './words.js';

/** Longest note a move may carry, in characters (as the chat's note step). */
export const MOVE_NOTE_MAX_CHARS = 1000;

type StaffAccess = Extract<ReportAccess, { type: 'staff' }>;

/** The report and the viewer's access, or undefined when they may not see it (a 404). */
async function visibleReport(
  deps: WebDeps,
  viewer: Viewer,
  typed: string,
): Promise<{ report: ReportRow; access: StaffAccess } | undefined> {
  const ticket = parseTicket(typed);
  const report = ticket ? await findReportByTicket(deps.db, { ticket }) : undefined;
  if (!report) return undefined;
  const access = reportAccess(report, viewer.contact);
  return access.type === 'staff' ? { report, access } : undefined;
}

/** The page that says a thing is not there (or not in the viewer's area: the same answer). */
export function notFound(c: Context<WebEnv>) {
  const viewer = c.get('viewer');
  return c.html(
    <Page viewer={viewer} title={viewer.tr(t('web:common.not_found'))}>
      <p class="card">{viewer.tr(t('web:common.not_found_body'))}</p>
    </Page>,
    404,
  );
}

function Flash(props: { viewer: Viewer; query: Record<string, string> }) {
  const { viewer, query } = props;
  if (query.pindah && isReportStatus(query.pindah)) {
    const text = t('web:reports.moved', {
      ticket: query.tiket ?? '',
      status: statusName(query.pindah),
    });
    return (
      <p class="ok" role="status">
        {viewer.tr(text)}
      </p>
    );
  }
  const refusals = [
    'not_found',
    'no_access',
    'read_only',
    'not_allowed',
    'reason_required',
    'reason_unexpected',
    'not_waiting',
  ] as const;
  const refusal = refusals.find((reason) => reason === query.tolak);
  if (refusal) {
    const reason = t(`web:reports.refusals.${refusal}`);
    return (
      <p class="err" role="alert">
        {viewer.tr(t('web:reports.refused', { reason }))}
      </p>
    );
  }
  return null;
}

/** Adds the detail page, its photos and the move. */
export function mountReportDetail(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(`${WEB_BASE}/laporan/:ticket`, async (c) => {
    const viewer = c.get('viewer');
    const found = await visibleReport(deps, viewer, c.req.param('ticket'));
    if (!found) return notFound(c);
    const { report, access } = found;
    const tr = viewer.tr;
    const { directory } = await deps.villages();
    const history = await listHistory(deps.db, { reportId: report.id });
    const photos = access.content ? await reportMediaIds(deps.db, { reportId: report.id }) : [];
    const reporter = access.reporter
      ? await reporterName(deps, report)
      : tr(t('web:reports.hidden'));
    const moves =
      access.manage && isReportStatus(report.status) ? staffMovesFrom(report.status) : [];
    const overdue = isOverdue(report, deps.clock.now(), { calendar: deps.calendar, sla: deps.sla });
    const pin =
      report.latitude !== null && report.longitude !== null
        ? { latitude: report.latitude, longitude: report.longitude }
        : null;
    return c.html(
      <Page viewer={viewer} title={report.ticket}>
        <Flash viewer={viewer} query={c.req.query()} />
        <div class="card">
          <dl>
            <dt>{tr(t('web:reports.status'))}</dt>
            <dd id="status">
              {tr(statusName(report.status))}
              {report.rejectReason ? ` (${tr(reasonName(report.rejectReason))})` : ''}{' '}
              {overdue ? <span class="badge">{tr(t('web:reports.overdue_badge'))}</span> : null}
            </dd>
            <dt>{tr(t('web:reports.type'))}</dt>
            <dd>{tr(typeName(report.type))}</dd>
            <dt>{tr(t('web:reports.category'))}</dt>
            <dd>{tr(categoryName(report.category))}</dd>
            <dt>{tr(t('web:reports.village'))}</dt>
            <dd>
              {villageName(directory, report.villageCode)} ({report.villageCode})
            </dd>
            <dt>{tr(t('web:reports.date'))}</dt>
            <dd>{formatDate(report.createdAt)}</dd>
            <dt>{tr(t('web:reports.reporter'))}</dt>
            <dd>{reporter}</dd>
            <dt>{tr(t('web:reports.description'))}</dt>
            <dd>{access.content ? report.description : tr(t('web:reports.confidential'))}</dd>
            <dt>{tr(t('web:reports.location'))}</dt>
            <dd>
              {pin ? (
                <a href={mapLink(pin)} rel="noreferrer" target="_blank">
                  {tr(t('web:reports.map'))}
                </a>
              ) : (
                tr(t('web:reports.no_location'))
              )}
              {report.landmark ? ` · ${tr(t('web:reports.landmark'))}: ${report.landmark}` : ''}
            </dd>
          </dl>
          {photos.length > 0 ? <h2>{tr(t('web:reports.photos'))}</h2> : null}
          {photos.map((_, index) => (
            <img
              class="photo"
              src={`${WEB_BASE}/laporan/${report.ticket}/foto/${index + 1}`}
              alt={`${tr(t('web:reports.photos'))} ${index + 1}`}
              loading="lazy"
            />
          ))}
        </div>
        <div class="card">
          <h2>{tr(t('web:reports.history'))}</h2>
          <ul id="history">
            {history.map((row) => (
              <li>
                {formatDate(row.createdAt)}: {tr(statusName(row.toStatus))}
                {row.reason ? ` (${tr(reasonName(row.reason))})` : ''}
                {access.content && row.note ? ` · “${row.note}”` : ''}
              </li>
            ))}
          </ul>
        </div>
        <MoveForm viewer={viewer} report={report} access={access} moves={moves} />
      </Page>,
    );
  });

  app.get(`${WEB_BASE}/laporan/:ticket/foto/:n`, async (c) => {
    const viewer = c.get('viewer');
    const found = await visibleReport(deps, viewer, c.req.param('ticket'));
    if (!found?.access.content) return notFound(c);
    const photos = await reportMediaIds(deps.db, { reportId: found.report.id });
    const mediaId = photos[Number.parseInt(c.req.param('n'), 10) - 1];
    const bytes = mediaId ? await deps.readMedia(mediaId) : undefined;
    if (!bytes) return notFound(c);
    c.header('Content-Type', 'image/jpeg');
    c.header('Cache-Control', 'private, no-store');
    return c.body(new Uint8Array(bytes));
  });

  app.post(`${WEB_BASE}/laporan/:ticket/pindah`, async (c) => {
    const viewer = c.get('viewer');
    const found = await visibleReport(deps, viewer, c.req.param('ticket'));
    if (!found) return notFound(c);
    const ticket = found.report.ticket;
    const form = await c.req.parseBody();
    const to = REPORT_STATUSES.find((status) => status === form.to);
    const reason = REJECT_REASONS.find((value) => value === form.reason) ?? null;
    const note =
      typeof form.note === 'string' ? form.note.trim().slice(0, MOVE_NOTE_MAX_CHARS) : '';
    const back = `${WEB_BASE}/laporan/${ticket}`;
    if (!to) return c.redirect(`${back}?tolak=not_allowed`, 303);
    const done = await deps.perform({
      contactId: viewer.contact.id,
      action: moveByStaff.name,
      input: { ticket, to, reason: to === 'DITOLAK' ? reason : null, note: note || null },
      channel: 'web',
    });
    if (done.type === 'gone') return notFound(c);
    const result = done.result as MoveResult;
    if (result.outcome === 'moved') {
      return c.redirect(
        `${back}?${new URLSearchParams({ pindah: result.to, tiket: ticket })}`,
        303,
      );
    }
    return c.redirect(`${back}?tolak=${result.reason}`, 303);
  });
}

async function reporterName(deps: WebDeps, report: ReportRow): Promise<string> {
  if (report.residentName) return report.residentName;
  const contact = report.contactId
    ? await getContact(deps.db, { contactId: report.contactId })
    : undefined;
  return contact?.displayName ?? '–';
}

function MoveForm(props: {
  viewer: Viewer;
  report: ReportRow;
  access: StaffAccess;
  moves: readonly string[];
}) {
  const { viewer, report, access, moves } = props;
  const tr = viewer.tr;
  if (!access.manage) return <p class="card muted">{tr(t('web:reports.read_only'))}</p>;
  if (moves.length === 0) return <p class="card muted">{tr(t('web:reports.no_moves'))}</p>;
  return (
    <form class="card" method="post" action={`${WEB_BASE}/laporan/${report.ticket}/pindah`}>
      <h2>{tr(t('web:reports.move'))}</h2>
      <Csrf viewer={viewer} />
      <label>
        {tr(t('web:reports.move_to'))}
        <select name="to">
          {moves.map((status) => (
            <option value={status}>{tr(statusName(status))}</option>
          ))}
        </select>
      </label>
      {moves.includes('DITOLAK') ? (
        <label>
          {tr(t('web:reports.reason'))}
          <select name="reason">
            <option value="">–</option>
            {REJECT_REASONS.map((reason) => (
              <option value={reason}>{tr(reasonName(reason))}</option>
            ))}
          </select>
        </label>
      ) : null}
      <label>
        {tr(t('web:reports.note'))}
        <textarea name="note" rows={3} maxlength={MOVE_NOTE_MAX_CHARS} />
      </label>
      <p>
        <button class="primary" type="submit">
          {tr(t('web:reports.move_button'))}
        </button>
      </p>
    </form>
  );
}
