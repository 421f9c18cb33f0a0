/**
 * A person's own page: their role, village, and the areas that role gives them (reports
 * they see or move, trainings they run, broadcasts they send), with a role request still
 * waiting. Staff see the people of their area; anyone else is a 404.
 */
import type { Hono } from 'hono';
import { sendScope } from '../../../../flows/broadcasts/actions/compose.js';
import { t } from '../../../core/messages.js';
import { getContact } from '../../../db/queries/contacts.js';
import { pendingRequestOf } from '../../../db/queries/role-requests.js';
import { formatDate } from '../../../domain/dates.js';
import { roleName } from '../../../domain/roles.js';
import { scopeCovers, staffScope } from '../../../domain/staff-scope.js';
import { trainingArea } from '../../../domain/training/access.js';
import { Page, WEB_BASE } from '../layout.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';
import { villageName } from './words.js';

type Area = { type: 'none' } | { type: 'everywhere' } | { type: 'area'; code: string };

/** An area in words: everywhere, a region code with its level, or none. */
function areaText(viewer: Viewer, area: Area): string {
  if (area.type === 'everywhere') return viewer.tr(t('web:common.area_everywhere'));
  if (area.type === 'none') return '–';
  return area.code;
}

/** Adds a person's page (`/web/orang/:id`). */
export function mountPerson(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(`${WEB_BASE}/orang/:id`, async (c) => {
    const viewer = c.get('viewer');
    const tr = viewer.tr;
    const person = await getContact(deps.db, { contactId: c.req.param('id') });
    const village = person?.villageCode ?? '';
    const inArea = viewer.scope.type === 'everywhere' || scopeCovers(viewer.scope, village);
    // Warga are shown to admins only (who decide their role requests).
    const shown = person?.role !== 'warga' || viewer.contact.role === 'admin';
    if (!person || person.deletedAt || !inArea || !shown) return notFound(c);
    const { directory } = await deps.villages();
    const scope = staffScope(person);
    const reports: Area =
      scope.type === 'area' ? { type: 'area', code: scope.areaCode } : { type: scope.type };
    const training = trainingArea(person);
    const send = sendScope(person);
    const pending = await pendingRequestOf(deps.db, { contactId: person.id });
    return c.html(
      <Page viewer={viewer} title={person.displayName ?? '?'}>
        <p>
          <a href={`${WEB_BASE}/orang`}>{tr(t('web:people.back'))}</a>
        </p>
        <dl class="card" id="person">
          <dt>{tr(t('web:people.role'))}</dt>
          <dd id="role">{tr(roleName(person.role))}</dd>
          <dt>{tr(t('web:people.village'))}</dt>
          <dd>{village ? `${villageName(directory, village)} (${village})` : '–'}</dd>
          <dt>{tr(t('web:people.language'))}</dt>
          <dd>{person.language === 'en' ? 'English' : 'Bahasa Indonesia'}</dd>
          <dt>{tr(t('web:people.registered'))}</dt>
          <dd>{person.registeredAt ? formatDate(person.registeredAt) : '–'}</dd>
          <dt>{tr(t('web:people.reports_area'))}</dt>
          <dd id="reports-area">
            {areaText(viewer, reports)}
            {scope.type === 'area' && scope.access === 'read'
              ? ` (${tr(t('web:people.read_only'))})`
              : ''}
          </dd>
          <dt>{tr(t('web:people.training_area'))}</dt>
          <dd id="training-area">
            {areaText(
              viewer,
              training.type === 'area' ? { type: 'area', code: training.code } : training,
            )}
          </dd>
          <dt>{tr(t('web:people.broadcast_area'))}</dt>
          <dd id="broadcast-area">
            {areaText(
              viewer,
              send
                ? send.type === 'regency'
                  ? { type: 'area', code: send.code }
                  : send
                : { type: 'none' },
            )}
          </dd>
          {pending ? (
            <>
              <dt>{tr(t('web:people.pending'))}</dt>
              <dd>
                {tr(roleName(pending.role))} · {formatDate(pending.createdAt)}
              </dd>
            </>
          ) : null}
        </dl>
      </Page>,
    );
  });
}
