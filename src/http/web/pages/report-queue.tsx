/** The reports queue: filters, paging, CSV and XLSX. */
import type { Hono } from 'hono';
import { categoryName, statusName } from '../../../../flows/reports/text.js';
import { t } from '../../../core/messages.js';
import { listReportQueue, type QueueFilters } from '../../../db/queries/report-queue.js';
import type { ReportRow } from '../../../db/queries/reports.js';
import { formatDate } from '../../../domain/dates.js';
import { REPORT_CATEGORY_IDS } from '../../../domain/report/categories.js';
import { isOverdue, OVERDUE_STATUSES } from '../../../domain/report/overdue.js';
import { REPORT_STATUSES } from '../../../domain/report/status.js';
import { EXPORT_MAX_ROWS, type ExportFormat, sendTable } from '../export.js';
import { Checkbox, SelectField } from '../fields.js';
import { Exports, Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { villageName } from './words.js';

/** Reports on one page of the queue. */
export const QUEUE_PAGE_SIZE = 20;

const AREA_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.[123]\d{3})?)?)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The queue's filters as read from the address; unknown values are ignored. */
export interface QueueQuery {
  filters: QueueFilters;
  overdue: boolean;
  page: number;
  /** The filters as a query string (no page), for links. */
  query: string;
  raw: Record<string, string>;
}

/** Reads the filters from the query string. */
export function readQueueQuery(query: Record<string, string>): QueueQuery {
  const filters: QueueFilters = {};
  const raw: Record<string, string> = {};
  const status = query.status ?? '';
  if ((REPORT_STATUSES as readonly string[]).includes(status)) filters.status = raw.status = status;
  const category = query.kategori ?? '';
  if ((REPORT_CATEGORY_IDS as readonly string[]).includes(category)) {
    filters.category = raw.kategori = category;
  }
  const area = (query.wilayah ?? '').trim();
  if (AREA_CODE.test(area)) filters.area = raw.wilayah = area;
  // Dates are days in Indonesia's western time (WIB, UTC+7), as the lists show them.
  if (DAY.test(query.dari ?? '')) {
    raw.dari = query.dari as string;
    filters.from = new Date(`${raw.dari}T00:00:00+07:00`);
  }
  if (DAY.test(query.sampai ?? '')) {
    raw.sampai = query.sampai as string;
    filters.until = new Date(new Date(`${raw.sampai}T00:00:00+07:00`).getTime() + 86_400_000);
  }
  const overdue = query.lewat === '1';
  if (overdue) raw.lewat = '1';
  const page = Math.max(1, Number.parseInt(query.hal ?? '1', 10) || 1);
  return { filters, overdue, page, query: new URLSearchParams(raw).toString(), raw };
}

/** The rows of the queue for `viewer`: one page, or all of them (up to the export limit). */
export async function loadQueue(
  deps: WebDeps,
  viewer: Viewer,
  q: QueueQuery,
  all = false,
): Promise<{ rows: ReportRow[]; total: number }> {
  const now = deps.clock.now();
  const rules = { calendar: deps.calendar, sla: deps.sla };
  if (q.overdue) {
    const statuses = q.filters.status ? undefined : OVERDUE_STATUSES;
    const found = await listReportQueue(deps.db, {
      scope: viewer.scope,
      filters: { ...q.filters, ...(statuses ? { statuses } : {}) },
      limit: EXPORT_MAX_ROWS,
      offset: 0,
    });
    const late = found.rows.filter((row) => isOverdue(row, now, rules));
    const offset = all ? 0 : (q.page - 1) * QUEUE_PAGE_SIZE;
    return {
      rows: late.slice(offset, all ? undefined : offset + QUEUE_PAGE_SIZE),
      total: late.length,
    };
  }
  return listReportQueue(deps.db, {
    scope: viewer.scope,
    filters: q.filters,
    limit: all ? EXPORT_MAX_ROWS : QUEUE_PAGE_SIZE,
    offset: all ? 0 : (q.page - 1) * QUEUE_PAGE_SIZE,
  });
}

/** Adds the queue's page and its exports. */
export function mountReportQueue(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(`${WEB_BASE}/laporan`, async (c) => {
    const viewer = c.get('viewer');
    const q = readQueueQuery(c.req.query());
    const { rows, total } = await loadQueue(deps, viewer, q);
    const { directory } = await deps.villages();
    const now = deps.clock.now();
    const tr = viewer.tr;
    const pages = Math.ceil(total / QUEUE_PAGE_SIZE);
    return c.html(
      <Page viewer={viewer} title={tr(t('web:reports.title'))}>
        <form class="filters card" method="get" action={`${WEB_BASE}/laporan`}>
          <SelectField
            label={tr(t('web:reports.status'))}
            name="status"
            values={REPORT_STATUSES}
            selected={q.raw.status}
            optionLabel={(status) => tr(statusName(status))}
            none={tr(t('web:common.all'))}
          />
          <SelectField
            label={tr(t('web:reports.category'))}
            name="kategori"
            values={REPORT_CATEGORY_IDS}
            selected={q.raw.kategori}
            optionLabel={(id) => tr(categoryName(id))}
            none={tr(t('web:common.all'))}
          />
          <label>
            {tr(t('web:reports.area'))}
            <input
              name="wilayah"
              value={q.raw.wilayah ?? ''}
              placeholder={tr(t('web:reports.area_hint'))}
            />
          </label>
          <label>
            {tr(t('web:reports.from'))}
            <input type="date" name="dari" value={q.raw.dari ?? ''} />
          </label>
          <label>
            {tr(t('web:reports.to'))}
            <input type="date" name="sampai" value={q.raw.sampai ?? ''} />
          </label>
          <Checkbox
            name="lewat"
            value="1"
            checked={q.overdue}
            label={tr(t('web:reports.overdue'))}
          />
          <button class="primary" type="submit">
            {tr(t('web:common.filter'))}
          </button>
        </form>
        <Exports viewer={viewer} path={`${WEB_BASE}/laporan`} query={q.query} />
        <DataTable
          viewer={viewer}
          id="reports"
          header={[
            tr(t('web:reports.ticket')),
            tr(t('web:reports.status')),
            tr(t('web:reports.category')),
            tr(t('web:reports.village')),
            tr(t('web:reports.date')),
          ]}
          rows={rows.map((row) => [
            <a href={`${WEB_BASE}/laporan/${row.ticket}`}>{row.ticket}</a>,
            <>
              {tr(statusName(row.status))}{' '}
              {isOverdue(row, now, { calendar: deps.calendar, sla: deps.sla }) ? (
                <span class="badge">{tr(t('web:reports.overdue_badge'))}</span>
              ) : null}
            </>,
            tr(categoryName(row.category)),
            villageName(directory, row.villageCode),
            formatDate(row.createdAt),
          ])}
          paging={{
            page: q.page,
            pages,
            total,
            href: (page) =>
              `${WEB_BASE}/laporan?${new URLSearchParams({ ...q.raw, hal: String(page) })}`,
          }}
        />
      </Page>,
    );
  });

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(`${WEB_BASE}/laporan.${format}`, async (c) => {
      const viewer = c.get('viewer');
      const q = readQueueQuery(c.req.query());
      const { rows } = await loadQueue(deps, viewer, q, true);
      const { directory } = await deps.villages();
      const now = deps.clock.now();
      const tr = viewer.tr;
      return sendTable(c, format, {
        name: `laporan-${now.toISOString().slice(0, 10)}`,
        header: [
          tr(t('web:reports.ticket')),
          tr(t('web:reports.status')),
          tr(t('web:reports.category')),
          tr(t('web:reports.village_code')),
          tr(t('web:reports.village')),
          tr(t('web:reports.date')),
          tr(t('web:reports.overdue_badge')),
        ],
        rows: rows.map((row) => [
          row.ticket,
          tr(statusName(row.status)),
          tr(categoryName(row.category)),
          row.villageCode,
          villageName(directory, row.villageCode),
          row.createdAt.toISOString(),
          isOverdue(row, now, { calendar: deps.calendar, sla: deps.sla }),
        ]),
      });
    });
  }
}
