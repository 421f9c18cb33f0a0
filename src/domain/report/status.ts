/**
 * The status workflow of a report (DOMAIN.md §4.3, issue 7), as a pure function over
 * the report's status. Staff move a report along this table, and nothing else:
 *
 * | from           | staff may move it to                          |
 * | -------------- | --------------------------------------------- |
 * | DITERIMA       | DIVERIFIKASI, DITOLAK, PERLU_INFO             |
 * | DIVERIFIKASI   | DITERUSKAN, DIPROSES, DITOLAK, PERLU_INFO     |
 * | DITERUSKAN     | DIPROSES, PERLU_INFO                          |
 * | DIPROSES       | SELESAI, PERLU_INFO                           |
 * | DIBUKA_KEMBALI | DIPROSES                                      |
 *
 * The reporter moves it too: their answer to PERLU_INFO returns it to the status it came
 * from; at SELESAI, "fixed" closes it (DITUTUP) and "not fixed" reopens it
 * (DIBUKA_KEMBALI). DITOLAK needs a reason and ends the report, as DITUTUP does.
 */

/** Every status, in workflow order. */
export const REPORT_STATUSES = [
  'DITERIMA',
  'DIVERIFIKASI',
  'DITERUSKAN',
  'DIPROSES',
  'PERLU_INFO',
  'SELESAI',
  'DIBUKA_KEMBALI',
  'DITUTUP',
  'DITOLAK',
] as const;

/** A report status. */
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** Why a report is rejected (DITOLAK). */
export const REJECT_REASONS = ['duplikat', 'tidak_jelas', 'bukan_kewenangan', 'spam'] as const;

/** A reason of rejection. */
export type RejectReason = (typeof REJECT_REASONS)[number];

/** The reason recorded when the scheduler closes a report its reporter left unanswered. */
export const AUTO_CLOSE_REASON = 'otomatis';

/** The status of a new report: received, ticket issued. */
export const INITIAL_STATUS: ReportStatus = 'DITERIMA';

/** Statuses that end a report: nothing moves it any more. */
export const FINAL_STATUSES: readonly ReportStatus[] = ['DITUTUP', 'DITOLAK'];

const STAFF_MOVES: Record<ReportStatus, readonly ReportStatus[]> = {
  DITERIMA: ['DIVERIFIKASI', 'DITOLAK', 'PERLU_INFO'],
  DIVERIFIKASI: ['DITERUSKAN', 'DIPROSES', 'DITOLAK', 'PERLU_INFO'],
  DITERUSKAN: ['DIPROSES', 'PERLU_INFO'],
  DIPROSES: ['SELESAI', 'PERLU_INFO'],
  DIBUKA_KEMBALI: ['DIPROSES'],
  PERLU_INFO: [],
  SELESAI: [],
  DITUTUP: [],
  DITOLAK: [],
};

/** Where a report stands, as far as the workflow cares. */
export interface WorkflowState {
  status: ReportStatus;
  /** While PERLU_INFO: the status it came from, to return to once the reporter answers. */
  infoFrom: ReportStatus | null;
}

/** A move someone asks for. */
export type ReportMove =
  | { by: 'staff'; to: ReportStatus; reason?: RejectReason }
  /** The reporter answered the question of PERLU_INFO. */
  | { by: 'reporter'; answer: 'info' }
  /** The reporter's verdict at SELESAI. */
  | { by: 'reporter'; answer: 'fixed' | 'not_fixed' };

/** Why a move is refused. */
export type RefusalReason =
  /** The table has no such move from this status. */
  | 'not_allowed'
  /** DITOLAK without a reason. */
  | 'reason_required'
  /** A reason given for a move other than DITOLAK. */
  | 'reason_unexpected'
  /** The reporter answered, but the report is not waiting for that answer. */
  | 'not_waiting';

/** What {@link decideMove} answers: the new state, or why not. */
export type MoveDecision =
  | {
      type: 'allowed';
      from: ReportStatus;
      to: ReportStatus;
      infoFrom: ReportStatus | null;
      rejectReason: RejectReason | null;
    }
  | {
      type: 'refused';
      reason: RefusalReason;
      from: ReportStatus;
      /** What staff may do from here instead (empty when nothing). */
      allowed: readonly ReportStatus[];
    };

/** True for a known status name. */
export function isReportStatus(value: unknown): value is ReportStatus {
  return typeof value === 'string' && (REPORT_STATUSES as readonly string[]).includes(value);
}

/** True for a known reason of rejection. */
export function isRejectReason(value: unknown): value is RejectReason {
  return typeof value === 'string' && (REJECT_REASONS as readonly string[]).includes(value);
}

/** True while the report is not closed or rejected. */
export function isOpen(status: ReportStatus): boolean {
  return !FINAL_STATUSES.includes(status);
}

/** The statuses staff may move a report to from `status`, in table order. */
export function staffMovesFrom(status: ReportStatus): readonly ReportStatus[] {
  return STAFF_MOVES[status];
}

/** Decides a move against the table; never throws on a move that is merely not allowed. */
export function decideMove(state: WorkflowState, move: ReportMove): MoveDecision {
  const from = state.status;
  const refuse = (reason: RefusalReason): MoveDecision => ({
    type: 'refused',
    reason,
    from,
    allowed: STAFF_MOVES[from],
  });
  const allow = (to: ReportStatus, extra: Partial<WorkflowState> & { reason?: RejectReason }) =>
    ({
      type: 'allowed',
      from,
      to,
      infoFrom: extra.infoFrom ?? null,
      rejectReason: extra.reason ?? null,
    }) as const;

  if (move.by === 'reporter') {
    if (move.answer === 'info') {
      if (from !== 'PERLU_INFO' || !state.infoFrom) return refuse('not_waiting');
      return allow(state.infoFrom, {});
    }
    if (from !== 'SELESAI') return refuse('not_waiting');
    return allow(move.answer === 'fixed' ? 'DITUTUP' : 'DIBUKA_KEMBALI', {});
  }
  if (!STAFF_MOVES[from].includes(move.to)) return refuse('not_allowed');
  if (move.to === 'DITOLAK' && !move.reason) return refuse('reason_required');
  if (move.to !== 'DITOLAK' && move.reason) return refuse('reason_unexpected');
  return allow(move.to, {
    infoFrom: move.to === 'PERLU_INFO' ? from : null,
    reason: move.reason,
  });
}
