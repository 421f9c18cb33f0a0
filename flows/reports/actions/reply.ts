import { type Text, t } from '../../../src/core/messages.js';
import { findWaitingReportOf } from '../../../src/db/queries/report-lists.js';
import { findReportByTicket, listHistory } from '../../../src/db/queries/reports.js';
import { reportAccess } from '../../../src/domain/report/access.js';
import { parseTicket } from '../../../src/domain/report/ticket.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { placeOf as placeOf_ } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import { loadReply, reply } from '../declarations.js';
import { moveReport } from './moves.js';

/** Actions of the reporter's replies; `villages` names the village in the staff's notices. */
export function createReportReplyActions(villages: VillageIndexSource): ActionImplementation[] {
  const placeOf = async (code: string): Promise<Text | string> => {
    const village = (await villages()).directory.get(code);
    return village ? t('profile:village.place', { ...placeOf_(village) }) : code;
  };
  return [
    /** The report to answer for, with the staff's question or closing note; outcome = status. */
    implement(loadReply, async ({ tx, contact }, input) => {
      const typed = input.ticket.trim();
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
      return {
        outcome: report.status,
        ticket: report.ticket,
        note: last?.note ?? null,
        aboutReport: report.id,
      };
    }),
    implement(reply, async (ctx, { ticket, answer, note }) => {
      const move = { by: 'reporter', answer } as const;
      return moveReport(ctx, { ticket, move, note, placeOf });
    }),
  ];
}
