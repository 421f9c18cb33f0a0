/**
 * Moving a report, by staff or by its reporter, in the transaction of their message:
 * the workflow decides (src/domain/report/status.ts), the move and its history row are
 * written, and the other side is told through the outbox in the same transaction, so a
 * notification is never lost and never sent twice for one move.
 */
import type { Outbound, Text } from '../../../src/core/messages.js';
import { t } from '../../../src/core/messages.js';
import { getContact } from '../../../src/db/queries/contacts.js';
import { loadConversationForUpdate } from '../../../src/db/queries/conversations.js';
import { notifyContact } from '../../../src/db/queries/notifications.js';
import {
  staffToNotify,
  staffWhoAsked,
  staffWhoMoved,
} from '../../../src/db/queries/report-lists.js';
import {
  addHistory,
  findReportByTicket,
  type ReportRow,
  setReportStatus,
} from '../../../src/db/queries/reports.js';
import { isRegistered, PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy.js';
import { reportAccess } from '../../../src/domain/report/access.js';
import {
  decideMove,
  isReportStatus,
  type ReportMove,
  type ReportStatus,
} from '../../../src/domain/report/status.js';
import {
  type ActionEffect,
  trigger,
  type WithEffects,
  withEffects,
} from '../../../src/runtime/action.js';
import type { ReportTimers } from '../../../src/runtime/jobs/report-sla.js';
import type { ActionContext } from '../../../src/runtime/types.js';
import type { MoveResult } from '../declarations.js';
import { REPORT_REPLY_FLOW } from '../reply.js';
import { reasonName, statusName } from '../text.js';

/** Who may ask for `move` on `report`, or why not. */
function accessProblem(ctx: ActionContext, report: ReportRow, move: ReportMove) {
  const access = reportAccess(report, ctx.contact);
  if (move.by === 'reporter') return access.type === 'owner' ? undefined : 'no_access';
  if (access.type !== 'staff') return 'no_access';
  return access.manage ? undefined : 'read_only';
}

type Refusal = Extract<MoveResult, { outcome: 'refused' }>;

function refusal(
  ticket: string,
  report: ReportRow | undefined,
  reason: Refusal['reason'],
  allowed: readonly ReportStatus[] = [],
): Refusal {
  return {
    outcome: 'refused',
    ticket,
    reason,
    status: report?.status ?? null,
    allowed: [...allowed],
  };
}

/**
 * Decides and applies a move of the report `ticket`, notifying the other side; `timers`
 * starts the service-level timer a move may start (staff marking it SELESAI). A question
 * to the reporter comes back as a trigger effect, which the runtime starts in this
 * transaction.
 */
export async function moveReport(
  ctx: ActionContext,
  params: {
    ticket: string;
    move: ReportMove;
    note: string | null;
    timers?: ReportTimers;
    /** The village a code names, as staff read it in the reporter's notices. */
    placeOf?: (code: string) => Promise<Text | string>;
  },
): Promise<WithEffects<MoveResult>> {
  const { ticket, move } = params;
  if (move.by === 'staff') await lockReporterConversation(ctx, ticket);
  const report = await findReportByTicket(ctx.tx, { ticket, lock: true });
  if (!report || !isReportStatus(report.status)) {
    return withEffects(refusal(ticket, report, 'not_found'), []);
  }
  const problem = accessProblem(ctx, report, move);
  if (problem) return withEffects(refusal(ticket, report, problem), []);
  const decision = decideMove({ status: report.status, infoFrom: toStatus(report.infoFrom) }, move);
  if (decision.type === 'refused') {
    return withEffects(refusal(ticket, report, decision.reason, decision.allowed), []);
  }
  const now = ctx.clock.now();
  if (!(await setReportStatus(ctx.tx, { reportId: report.id, ...decision, now }))) {
    throw new Error(`report ${report.id} changed under its row lock`);
  }
  await addHistory(ctx.tx, {
    reportId: report.id,
    fromStatus: decision.from,
    toStatus: decision.to,
    actorKind: move.by,
    actorId: ctx.contact.id,
    note: params.note,
    reason: decision.rejectReason,
    now,
  });
  await params.timers?.moved(ctx.tx, report, decision.to, now);
  const after = { ...report, status: decision.to, rejectReason: decision.rejectReason };
  const effects = move.by === 'staff' ? await tellReporter(ctx, after, params.note) : [];
  if (move.by === 'reporter') {
    const place = (await params.placeOf?.(report.villageCode)) ?? report.villageCode;
    await tellStaff(ctx, after, place);
  }
  ctx.logger.info(
    { reportId: report.id, from: decision.from, to: decision.to, by: move.by },
    'report moved',
  );
  return withEffects({ outcome: 'moved', ticket, from: decision.from, to: decision.to }, effects);
}

/**
 * Locks the reporter's conversation before the report: their own messages lock it first
 * (the runtime does) and may then lock the report, so a staff move taking the two the
 * other way round could deadlock with them on PostgreSQL.
 */
async function lockReporterConversation(ctx: ActionContext, ticket: string): Promise<void> {
  const report = await findReportByTicket(ctx.tx, { ticket });
  if (report?.contactId && report.contactId !== ctx.contact.id) {
    await loadConversationForUpdate(ctx.tx, { contactId: report.contactId });
  }
}

function toStatus(value: string | null): ReportStatus | null {
  return isReportStatus(value) ? value : null;
}

/**
 * What the reporter reads about a move that needs no answer. The staff's note carries
 * `aboutReport` (not shown): /hapusdata of the resident of an assisted report finds the
 * kader's copy by it (src/db/queries/erasure.ts).
 */
function movedMessage(report: ReportRow, note: string | null): Outbound {
  const texts: Text[] = [
    report.status === 'DITOLAK' && report.rejectReason
      ? t('report:notify.rejected', {
          ticket: report.ticket,
          reason: reasonName(report.rejectReason),
        })
      : t('report:notify.moved', { ticket: report.ticket, status: statusName(report.status) }),
  ];
  if (note) texts.push(t('report:notify.moved_note', { note, aboutReport: report.id }));
  return { texts };
}

/**
 * Tells the reporter, in their language at send time, on their channel. A question
 * (PERLU_INFO) or "is it fixed?" (SELESAI) opens the reply flow on top of whatever they
 * are doing (a trigger effect); when that cannot be, they are told how to answer with
 * /jawab instead.
 */
async function tellReporter(
  ctx: ActionContext,
  report: ReportRow,
  note: string | null,
): Promise<ActionEffect[]> {
  const reporterId = report.contactId;
  const reporter = reporterId ? await getContact(ctx.tx, { contactId: reporterId }) : undefined;
  // Consent withdrawn or data deleted: processing for them stops, messages too.
  if (!reporterId || !reporter || reporter.deletedAt || !isRegistered(reporter)) return [];
  if (report.status === 'PERLU_INFO' || report.status === 'SELESAI') {
    const later = t('report:notify.reply_later', { ticket: report.ticket });
    const message = movedMessage(report, note);
    return [
      trigger({
        contactId: reporterId,
        flow: REPORT_REPLY_FLOW,
        args: report.ticket,
        mode: 'push',
        otherwise: [{ texts: [...message.texts, later] }],
      }),
    ];
  }
  const now = ctx.clock.now();
  await notifyContact(ctx.tx, {
    contactId: reporterId,
    messages: [movedMessage(report, note)],
    now,
  });
  return [];
}

/**
 * Tells the area's staff, and whoever moved it before, of the reporter's answer, naming
 * the village (`place`); "answered your question" goes only to the one who asked it.
 */
async function tellStaff(ctx: ActionContext, report: ReportRow, place: Text | string) {
  const area = await staffToNotify(ctx.tx, {
    villageCode: report.villageCode,
    consentVersion: PRIVACY_NOTICE_VERSION,
  });
  const movers = await staffWhoMoved(ctx.tx, { reportId: report.id });
  const kind =
    report.status === 'DITUTUP'
      ? 'closed'
      : report.status === 'DIBUKA_KEMBALI'
        ? 'reopened'
        : 'answered';
  const asker =
    kind === 'answered' ? await staffWhoAsked(ctx.tx, { reportId: report.id }) : undefined;
  const textFor = (contactId: string): Text => {
    const which = kind === 'answered' && contactId !== asker ? 'answered_other' : kind;
    return t(`report-staff:notify.${which}`, {
      ticket: report.ticket,
      status: statusName(report.status),
      village: place,
    });
  };
  const now = ctx.clock.now();
  for (const contactId of new Set([...movers, ...area])) {
    if (contactId === ctx.contact.id) continue;
    await notifyContact(ctx.tx, { contactId, messages: [{ texts: [textFor(contactId)] }], now });
  }
}
