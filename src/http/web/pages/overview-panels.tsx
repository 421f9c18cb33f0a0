/**
 * The overview's programme panels: the next trainings the viewer is invited to or manages,
 * and the recent broadcasts that reached their area (an admin's: every one).
 */
import { t } from '../../../core/messages.js';
import { type BroadcastRow, listRecentBroadcasts } from '../../../db/queries/broadcasts.js';
import type { StaffScope } from '../../../domain/staff-scope.js';
import { regionWithin } from '../../../domain/training/access.js';
import { WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps } from '../types.js';
import { mainText, stateText } from './broadcast-report.js';
import { sessionsFor, sessionWhen } from './trainings.js';

/** Rows of each panel. */
export const PANEL_ROWS = 5;
/** Recent broadcasts looked through for those of the area. */
const BROADCASTS_SCANNED = 200;

/** True when a broadcast's audience overlaps the scope's area (no region: everywhere). */
function reaches(row: BroadcastRow, scope: Exclude<StaffScope, { type: 'none' }>): boolean {
  if (scope.type === 'everywhere') return true;
  const region = (row.audience as { regionCode?: string | null } | null)?.regionCode ?? null;
  if (region === null) return true;
  return regionWithin(region, scope.areaCode) || regionWithin(scope.areaCode, region);
}

/** The two panels. */
export async function ProgrammePanels(props: { deps: WebDeps; viewer: Viewer }) {
  const { deps, viewer } = props;
  const tr = viewer.tr;
  const sessions = await sessionsFor(deps, viewer, PANEL_ROWS);
  const recent = (await listRecentBroadcasts(deps.db, { limit: BROADCASTS_SCANNED }))
    .filter((row) => reaches(row, viewer.scope))
    .slice(0, PANEL_ROWS);
  const mine = (row: BroadcastRow) =>
    viewer.contact.role === 'admin' || row.senderId === viewer.contact.id;
  return (
    <>
      <div class="card" id="upcoming-trainings">
        <h2>
          <a href={`${WEB_BASE}/pelatihan`}>{tr(t('web:overview.trainings'))}</a>
        </h2>
        <DataTable
          viewer={viewer}
          id="overview-trainings"
          empty={tr(t('web:trainings.none'))}
          header={[tr(t('web:trainings.name')), tr(t('web:trainings.starts'))]}
          rows={sessions.map((s) => [
            <a href={`${WEB_BASE}/pelatihan/${s.id}`}>{s.title}</a>,
            sessionWhen(viewer, s),
          ])}
        />
      </div>
      <div class="card" id="recent-broadcasts">
        <h2>
          <a href={`${WEB_BASE}/siaran`}>{tr(t('web:overview.broadcasts'))}</a>
        </h2>
        <DataTable
          viewer={viewer}
          id="overview-broadcasts"
          empty={tr(t('web:broadcasts.none'))}
          header={[
            tr(t('web:broadcasts.number')),
            tr(t('web:broadcasts.state')),
            tr(t('web:broadcasts.text')),
          ]}
          rows={recent.map((row) => [
            mine(row) ? (
              <a href={`${WEB_BASE}/siaran/${row.number}`}>#{row.number}</a>
            ) : (
              `#${row.number}`
            ),
            stateText(viewer, row),
            mainText(row).slice(0, 80),
          ])}
        />
      </div>
    </>
  );
}
