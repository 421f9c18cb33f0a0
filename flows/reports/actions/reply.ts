import { z } from 'zod';
import type { Json } from '../../../src/core/messages.js';
import { findWaitingReportOf } from '../../../src/db/queries/report-lists.js';
import { findReportByTicket, listHistory } from '../../../src/db/queries/reports.js';
import { reportAccess } from '../../../src/domain/report/access.js';
import { parseTicket } from '../../../src/domain/report/ticket.js';
import type { ActionHandler } from '../../../src/runtime/types.js';
import { moveReport, moveResultJson } from './moves.js';

const replyInput = z.object({
  ticket: z.string(),
  answer: z.enum(['info', 'fixed', 'not_fixed']),
  note: z.string().nullable(),
});

/** Actions of the reporter's replies. */
export const reportReplyActions: Record<string, ActionHandler> = {
  /** The report to answer for, with the staff's question or closing note; outcome = status. */
  'report.reply_load': async ({ tx, contact, input }): Promise<Json> => {
    const typed = String((input as { ticket?: unknown }).ticket ?? '').trim();
    const ticket = typed ? parseTicket(typed) : undefined;
    const report = ticket
      ? await findReportByTicket(tx, { ticket })
      : typed
        ? undefined
        : await findWaitingReportOf(tx, { contactId: contact.id });
    if (!report || reportAccess(report, contact).type !== 'owner') {
      return {
        outcome: 'refused',
        reason: typed ? 'not_found' : 'none_waiting',
        ticket: ticket ?? typed,
      };
    }
    if (report.status !== 'PERLU_INFO' && report.status !== 'SELESAI') {
      return {
        outcome: 'refused',
        reason: 'not_waiting',
        ticket: report.ticket,
        status: report.status,
      };
    }
    const history = await listHistory(tx, { reportId: report.id });
    const last = history.filter((row) => row.toStatus === report.status).at(-1);
    // `aboutReport`: /hapusdata of an assisted report's resident finds this copy of the note.
    return {
      outcome: report.status,
      ticket: report.ticket,
      note: last?.note ?? null,
      aboutReport: report.id,
    };
  },
  'report.reply': async (ctx) => {
    const { ticket, answer, note } = replyInput.parse(ctx.input);
    const move =
      answer === 'info'
        ? ({ by: 'reporter', answer: 'info' } as const)
        : ({ by: 'reporter', answer } as const);
    return moveResultJson(await moveReport(ctx, { ticket, move, note }));
  },
};
