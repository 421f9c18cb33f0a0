/** The audit log, for admins: who did what, when, before and after; CSV and XLSX. */
import type { Hono } from 'hono';
import { t } from '../../../core/messages.js';
import { type AuditRow, listAudit } from '../../../db/queries/audit.js';
import { EXPORT_MAX_ROWS, type ExportFormat, sendTable } from '../export.js';
import { Exports, Page, WEB_BASE } from '../layout.js';
import { DataTable } from '../table.js';
import type { Viewer, WebDeps, WebEnv } from '../types.js';
import { notFound } from './report-detail.js';

/** Entries on one page. */
export const AUDIT_PAGE_SIZE = 50;

const json = (value: unknown) =>
  value === null || value === undefined ? '' : JSON.stringify(value);

function who(viewer: Viewer, row: AuditRow): string {
  return row.actorName ?? viewer.tr(t('web:audit.erased'));
}

/** Adds the audit log page and its exports (admins only; others get a 404). */
export function mountAudit(app: Hono<WebEnv>, deps: WebDeps): void {
  app.get(`${WEB_BASE}/audit`, async (c) => {
    const viewer = c.get('viewer');
    if (viewer.contact.role !== 'admin') return notFound(c);
    const tr = viewer.tr;
    const page = Math.max(1, Number.parseInt(c.req.query('hal') ?? '1', 10) || 1);
    const { rows, total } = await listAudit(deps.db, {
      limit: AUDIT_PAGE_SIZE,
      offset: (page - 1) * AUDIT_PAGE_SIZE,
    });
    return c.html(
      <Page viewer={viewer} title={tr(t('web:audit.title'))}>
        <Exports viewer={viewer} path={`${WEB_BASE}/audit`} query="" />
        <DataTable
          viewer={viewer}
          id="audit"
          header={[
            tr(t('web:audit.when')),
            tr(t('web:audit.who')),
            tr(t('web:audit.what')),
            tr(t('web:audit.subject')),
            tr(t('web:audit.before')),
            tr(t('web:audit.after')),
          ]}
          rows={rows.map((row) => [
            row.createdAt.toISOString().replace('T', ' ').slice(0, 19),
            <>
              {who(viewer, row)} <span class="muted">({row.channel})</span>
            </>,
            row.action,
            row.subject,
            <code>{json(row.before)}</code>,
            <code>{json(row.after)}</code>,
          ])}
          paging={{
            page,
            pages: Math.ceil(total / AUDIT_PAGE_SIZE),
            total,
            href: (n) => `${WEB_BASE}/audit?hal=${n}`,
          }}
        />
      </Page>,
    );
  });

  for (const format of ['csv', 'xlsx'] as const satisfies readonly ExportFormat[]) {
    app.get(`${WEB_BASE}/audit.${format}`, async (c) => {
      const viewer = c.get('viewer');
      if (viewer.contact.role !== 'admin') return notFound(c);
      const tr = viewer.tr;
      const { rows } = await listAudit(deps.db, { limit: EXPORT_MAX_ROWS, offset: 0 });
      return sendTable(c, format, {
        name: `audit-${deps.clock.now().toISOString().slice(0, 10)}`,
        header: [
          tr(t('web:audit.when')),
          tr(t('web:audit.who')),
          tr(t('web:people.role')),
          tr(t('web:audit.channel')),
          tr(t('web:audit.what')),
          tr(t('web:audit.subject')),
          tr(t('web:audit.before')),
          tr(t('web:audit.after')),
        ],
        rows: rows.map((row) => [
          row.createdAt.toISOString(),
          who(viewer, row),
          row.actorRole,
          row.channel,
          row.action,
          row.subject,
          json(row.before),
          json(row.after),
        ]),
      });
    });
  }
}
