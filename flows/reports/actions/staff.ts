import { t } from '../../../src/core/messages.js';
import { listOpenReportsIn } from '../../../src/db/queries/report-lists.js';
import { findReportByTicket } from '../../../src/db/queries/reports.js';
import { reportAccess } from '../../../src/domain/report/access.js';
import { isReportStatus, staffMovesFrom } from '../../../src/domain/report/status.js';
import { parseTicket } from '../../../src/domain/report/ticket.js';
import { staffScope } from '../../../src/domain/staff-scope.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { ReportTimers } from '../../../src/runtime/jobs/report-sla.js';
import { moveByStaff, staffList, staffOpen } from '../declarations.js';
import { REPORT_PAGE_SIZE } from '../status.js';
import { moveReport } from './moves.js';
import { listItemText, reportAttachments, reportDetailText } from './view.js';

/** Actions of /kelola. */
export function createReportStaffActions(deps: {
  villages: VillageIndexSource;
  reportTimers: ReportTimers;
}): ActionImplementation[] {
  return [
    implement(staffList, async ({ tx, contact }, { page }) => {
      const scope = staffScope(contact);
      if (scope.type === 'none') return { outcome: 'not_staff' };
      const offset = page * REPORT_PAGE_SIZE;
      const found = await listOpenReportsIn(tx, { scope, limit: REPORT_PAGE_SIZE, offset });
      if (found.total === 0) return { outcome: 'empty' };
      const { directory } = await deps.villages();
      const items = found.rows.map((row) => ({
        ticket: row.ticket,
        label: t('report-staff:item', {
          item: listItemText(row),
          village: directory.get(row.villageCode)?.name ?? row.villageCode,
        }),
      }));
      const to = offset + found.rows.length;
      return {
        outcome: 'listed',
        page,
        items,
        from: offset + 1,
        to,
        total: found.total,
        more: to < found.total,
      };
    }),
    implement(staffOpen, async ({ tx, contact }, { ticket: typed }) => {
      if (staffScope(contact).type === 'none') return { outcome: 'not_staff' };
      const ticket = parseTicket(typed);
      if (!ticket) return { outcome: 'refused', reason: 'bad_ticket', ticket: typed };
      const report = await findReportByTicket(tx, { ticket });
      const access = report ? reportAccess(report, contact) : undefined;
      if (!report || access?.type !== 'staff') {
        return { outcome: 'refused', reason: 'no_access', ticket };
      }
      const text = await reportDetailText(tx, deps.villages, report, access);
      const attachments = await reportAttachments(tx, report, access.content);
      const moves =
        access.manage && isReportStatus(report.status) ? [...staffMovesFrom(report.status)] : [];
      return { outcome: 'opened', ticket, text, moves, attachments };
    }),
    implement(moveByStaff, async (ctx, { ticket, to, reason, note }) => {
      const move = { by: 'staff' as const, to, ...(reason ? { reason } : {}) };
      return moveReport(ctx, { ticket, move, note, timers: deps.reportTimers });
    }),
  ];
}
