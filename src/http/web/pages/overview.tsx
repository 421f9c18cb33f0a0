/** The overview: the area's reports by status and overdue, and questionnaire completeness. */
import type { Hono } from 'hono';
import { statusName } from '../../../../flows/reports/text.js';
import { t } from '../../../core/messages.js';
import { countReportsByStatus } from '../../../db/queries/report-queue.js';
import { FINAL_STATUSES, REPORT_STATUSES } from '../../../domain/report/status.js';
import { Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { WebDeps, WebEnv } from '../types.js';
import { ProgrammePanels } from './overview-panels.js';
import { loadQueue, readQueueQuery } from './report-queue.js';
import { areaScores } from './village-data.js';

/** Adds the overview page (`/web`). */
export function mountOverview(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(WEB_BASE, async (c) => {
    const viewer = c.get('viewer');
    const tr = viewer.tr;
    const counts = await countReportsByStatus(deps.db, { scope: viewer.scope });
    const open = REPORT_STATUSES.filter((s) => !FINAL_STATUSES.includes(s)).reduce(
      (sum, status) => sum + (counts[status] ?? 0),
      0,
    );
    const overdue = (await loadQueue(deps, viewer, readQueueQuery({ lewat: '1' }))).total;
    const scores = await areaScores(deps, viewer.scope);
    const results = [...scores.values()].flat();
    const shown = results.filter((r) => r.score !== null).length;
    const share = (part: number, whole: number) =>
      whole === 0 ? 0 : Math.round((100 * part) / whole);
    const kMean =
      results.length === 0
        ? 0
        : results.reduce((sum, r) => sum + r.kader.completeness, 0) / results.length;
    const area =
      viewer.scope.type === 'everywhere'
        ? tr(t('web:common.area_everywhere'))
        : viewer.scope.areaCode;
    return c.html(
      <Page viewer={viewer} title={tr(t('web:overview.title'))}>
        <p class="muted">{tr(t('web:common.area', { area }))}</p>
        <div class="card">
          <h2>{tr(t('web:overview.by_status'))}</h2>
          <p>
            <strong>{tr(t('web:overview.open'))}:</strong> <span id="open">{open}</span> ·{' '}
            <a href={`${WEB_BASE}/laporan?lewat=1`}>
              <strong>{tr(t('web:overview.overdue'))}:</strong> <span id="overdue">{overdue}</span>
            </a>
          </p>
          <DataTable
            viewer={viewer}
            id="by-status"
            header={[tr(t('web:reports.status')), tr(t('web:overview.count'))]}
            rows={REPORT_STATUSES.map((status) => [
              <a href={`${WEB_BASE}/laporan?status=${status}`}>{tr(statusName(status))}</a>,
              counts[status] ?? 0,
            ])}
          />
        </div>
        <div class="card" id="questionnaire">
          <h2>{tr(t('web:overview.questionnaire'))}</h2>
          <p>{tr(t('web:overview.villages_answered', { count: scores.size }))}</p>
          <p>
            {tr(
              t('web:overview.pillars_shown', {
                shown,
                total: results.length,
                percent: share(shown, results.length),
              }),
            )}
          </p>
          <p>{tr(t('web:overview.k_completeness', { percent: Math.round(100 * kMean) }))}</p>
        </div>
        <ProgrammePanels deps={deps} viewer={viewer} />
      </Page>,
    );
  });
}
