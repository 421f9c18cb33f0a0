/**
 * People: role requests an admin approves or refuses (through the chat's own `roles.decide`,
 * so the person is told in the chat the same way), and the staff of the area with their
 * role and village.
 */
import type { Hono } from 'hono';
import { decideRoleRequest } from '../../../../flows/account/declarations.js';
import { t } from '../../../core/messages.js';
import { listPendingRequests } from '../../../db/queries/role-requests.js';
import { listStaffIn } from '../../../db/queries/web-people.js';
import { formatDate } from '../../../domain/dates.js';
import { roleName } from '../../../domain/roles.js';
import { EXPORT_MAX_ROWS, type ExportFormat, sendTable } from '../export.js';
import { Csrf, Exports, Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { villageName } from './words.js';

type Decided = { outcome: 'gone' } | { outcome: 'confirmed' | 'rejected'; name: string };

function Flash(props: { viewer: Viewer; query: Record<string, string> }) {
  const { viewer, query } = props;
  const name = query.nama ?? '';
  if (query.putus === 'confirmed' || query.putus === 'rejected') {
    return (
      <p class="ok" role="status">
        {viewer.tr(t(`web:people.decided_${query.putus}`, { name }))}
      </p>
    );
  }
  if (query.putus === 'gone') return <p class="err">{viewer.tr(t('web:people.decided_gone'))}</p>;
  return null;
}

/** Adds the people page, the decisions and the exports. */
export function mountPeople(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(`${WEB_BASE}/orang`, async (c) => {
    const viewer = c.get('viewer');
    const tr = viewer.tr;
    const { directory } = await deps.villages();
    const isAdmin = viewer.contact.role === 'admin';
    const requests = isAdmin ? await listPendingRequests(deps.db) : [];
    const staff = await listStaffIn(deps.db, { scope: viewer.scope, limit: EXPORT_MAX_ROWS });
    return c.html(
      <Page viewer={viewer} title={tr(t('web:people.title'))}>
        <Flash viewer={viewer} query={c.req.query()} />
        {isAdmin ? (
          <div class="card" id="requests">
            <h2>{tr(t('web:people.requests'))}</h2>
            {requests.length === 0 ? <p>{tr(t('web:people.no_requests'))}</p> : null}
            {requests.map((request) => (
              <form
                method="post"
                action={`${WEB_BASE}/orang/permintaan/${request.id}`}
                class="request"
              >
                <Csrf viewer={viewer} />
                <p>
                  <a href={`${WEB_BASE}/orang/${request.contactId}`}>
                    <strong>{request.displayName ?? '?'}</strong>
                  </a>{' '}
                  · {tr(t('web:people.requested'))} {tr(roleName(request.role))} ·{' '}
                  {request.villageCode ? villageName(directory, request.villageCode) : '–'} ·{' '}
                  {formatDate(request.createdAt)}
                </p>
                <button class="primary" type="submit" name="decision" value="confirmed">
                  {tr(t('web:people.approve'))}
                </button>{' '}
                <button type="submit" name="decision" value="rejected">
                  {tr(t('web:people.refuse'))}
                </button>
              </form>
            ))}
          </div>
        ) : null}
        <h2>{tr(t('web:people.staff'))}</h2>
        <Exports viewer={viewer} path={`${WEB_BASE}/orang`} query="" />
        <DataTable
          viewer={viewer}
          id="staff"
          header={[tr(t('web:people.name')), tr(t('web:people.role')), tr(t('web:people.village'))]}
          rows={staff.map((person) => [
            <a href={`${WEB_BASE}/orang/${person.id}`}>{person.displayName ?? '?'}</a>,
            tr(roleName(person.role)),
            <>
              {person.villageCode ? villageName(directory, person.villageCode) : '–'}
              <br />
              <span class="muted">{person.villageCode ?? ''}</span>
            </>,
          ])}
        />
      </Page>,
    );
  });

  app.post(`${WEB_BASE}/orang/permintaan/:id`, async (c) => {
    const viewer = c.get('viewer');
    if (viewer.contact.role !== 'admin') return notFound(c);
    const form = await c.req.parseBody();
    const decision =
      form.decision === 'confirmed'
        ? 'confirmed'
        : form.decision === 'rejected'
          ? 'rejected'
          : undefined;
    if (!decision) return c.redirect(`${WEB_BASE}/orang`, 303);
    const done = await deps.perform({
      contactId: viewer.contact.id,
      action: decideRoleRequest.name,
      input: { requestId: c.req.param('id'), decision },
      channel: 'web',
    });
    const result: Decided = done.type === 'done' ? (done.result as Decided) : { outcome: 'gone' };
    const query = new URLSearchParams({
      putus: result.outcome,
      ...(result.outcome === 'gone' ? {} : { nama: result.name }),
    });
    return c.redirect(`${WEB_BASE}/orang?${query}`, 303);
  });

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(`${WEB_BASE}/orang.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const tr = viewer.tr;
      const { directory } = await deps.villages();
      const staff = await listStaffIn(deps.db, { scope: viewer.scope, limit: EXPORT_MAX_ROWS });
      return sendTable(c, format, {
        name: `petugas-${deps.clock.now().toISOString().slice(0, 10)}`,
        header: [
          tr(t('web:people.name')),
          tr(t('web:people.role')),
          tr(t('web:people.village_code')),
          tr(t('web:people.village')),
        ],
        rows: staff.map((person) => [
          person.displayName ?? '',
          tr(roleName(person.role)),
          person.villageCode ?? '',
          person.villageCode ? villageName(directory, person.villageCode) : '',
        ]),
      });
    });
  }
}
