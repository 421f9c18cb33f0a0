import { z } from 'zod';
import { type Json, t } from '../../../src/core/messages.js';
import { textAsJson } from '../../../src/core/text-lines.js';
import { listOpenReportsIn } from '../../../src/db/queries/report-lists.js';
import { findReportByTicket } from '../../../src/db/queries/reports.js';
import { reportAccess } from '../../../src/domain/report/access.js';
import {
  isReportStatus,
  REJECT_REASONS,
  staffMovesFrom,
} from '../../../src/domain/report/status.js';
import { parseTicket } from '../../../src/domain/report/ticket.js';
import { staffScope } from '../../../src/domain/staff-scope.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import type { ReportTimers } from '../../../src/runtime/jobs/report-sla.js';
import type { ActionHandler } from '../../../src/runtime/types.js';
import { REPORT_PAGE_SIZE } from '../status.js';
import { moveReport, moveResultJson } from './moves.js';
import { listItemText, reportAttachments, reportDetailText } from './view.js';

const moveInput = z.object({
  ticket: z.string(),
  to: z.string().refine(isReportStatus),
  reason: z.enum(REJECT_REASONS).nullable(),
  note: z.string().nullable(),
});

/** Actions of /kelola. */
export function createReportStaffActions(deps: {
  villages: VillageIndexSource;
  reportTimers: ReportTimers;
}): Record<string, ActionHandler> {
  return {
    'report.staff_list': async ({ tx, contact, input }): Promise<Json> => {
      const scope = staffScope(contact);
      if (scope.type === 'none') return { outcome: 'not_staff' };
      const { page } = z.object({ page: z.number().int().min(0) }).parse(input);
      const offset = page * REPORT_PAGE_SIZE;
      const found = await listOpenReportsIn(tx, { scope, limit: REPORT_PAGE_SIZE, offset });
      if (found.total === 0) return { outcome: 'empty' };
      const { directory } = await deps.villages();
      const items = found.rows.map((row) => ({
        ticket: row.ticket,
        label: textAsJson(
          t('report-staff:item', {
            item: listItemText(row),
            village: directory.get(row.villageCode)?.name ?? row.villageCode,
          }),
        ),
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
    },
    'report.staff_open': async ({ tx, contact, input }): Promise<Json> => {
      const typed = z.object({ ticket: z.string() }).parse(input).ticket;
      if (staffScope(contact).type === 'none') return { outcome: 'not_staff' };
      const ticket = parseTicket(typed);
      if (!ticket) return { outcome: 'refused', reason: 'bad_ticket', ticket: typed };
      const report = await findReportByTicket(tx, { ticket });
      const access = report ? reportAccess(report, contact) : undefined;
      if (!report || access?.type !== 'staff')
        return { outcome: 'refused', reason: 'no_access', ticket };
      const text = await reportDetailText(tx, deps.villages, report, access);
      const attachments = await reportAttachments(tx, report, access.content);
      const moves =
        access.manage && isReportStatus(report.status) ? [...staffMovesFrom(report.status)] : [];
      return {
        outcome: 'opened',
        ticket,
        text: textAsJson(text),
        moves,
        attachments: attachments as unknown as Json,
      };
    },
    'report.move': async (ctx) => {
      const { ticket, to, reason, note } = moveInput.parse(ctx.input);
      const move = { by: 'staff' as const, to, ...(reason ? { reason } : {}) };
      const timers = deps.reportTimers;
      return moveResultJson(await moveReport(ctx, { ticket, move, note, timers }));
    },
  };
}
