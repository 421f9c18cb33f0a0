import { t } from '../../../src/core/messages.js';
import { listReportsOf } from '../../../src/db/queries/report-lists.js';
import { findReportByTicket } from '../../../src/db/queries/reports.js';
import { reportAccess } from '../../../src/domain/report/access.js';
import { parseTicket } from '../../../src/domain/report/ticket.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import { myReports, reportStatus } from '../declarations.js';
import { REPORT_PAGE_SIZE } from '../status.js';
import { listItemText, reportDetailText } from './view.js';

/** Actions of /status and "laporan saya". */
export function createReportStatusActions(deps: {
  villages: VillageIndexSource;
}): ActionImplementation[] {
  return [
    implement(reportStatus, async ({ tx, contact }, input) => {
      const typed = input.ticket.trim();
      if (!typed) return { outcome: 'ask' };
      const ticket = parseTicket(typed);
      if (!ticket) return { outcome: 'bad_ticket', text: t('report:status.bad_ticket', { typed }) };
      const report = await findReportByTicket(tx, { ticket });
      const access = report ? reportAccess(report, contact) : { type: 'none' as const };
      // The same answer for another person's ticket and for none: a ticket reveals nothing.
      if (!report || access.type === 'none') {
        return { outcome: 'not_found', text: t('report:status.not_found', { ticket }) };
      }
      const text = await reportDetailText(tx, deps.villages, report, access);
      return { outcome: 'shown', ticket, text };
    }),
    implement(myReports, async ({ tx, contact }, { page }) => {
      const offset = page * REPORT_PAGE_SIZE;
      const found = await listReportsOf(tx, {
        contactId: contact.id,
        limit: REPORT_PAGE_SIZE,
        offset,
      });
      if (found.total === 0) return { outcome: 'empty' };
      const items = found.rows.map((row) => ({ ticket: row.ticket, label: listItemText(row) }));
      return {
        outcome: 'listed',
        page,
        items,
        from: offset + 1,
        to: offset + found.rows.length,
        total: found.total,
        more: offset + found.rows.length < found.total,
      };
    }),
  ];
}
