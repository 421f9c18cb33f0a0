/**
 * Report service levels (DOMAIN.md §4.3, after LAPOR), as pure functions over a report's
 * status and the statuses it went through. Two timers run from the filing:
 *
 * - `verify`: staff must act on it (verify, ask, reject, ...) within the verify days; it
 *   is overdue while still DITERIMA.
 * - `follow_up`: it must be forwarded or taken in hand (DITERUSKAN, DIPROSES or beyond)
 *   within the follow-up days; it is overdue while it never was.
 *
 * An overdue timer escalates in two levels: the village's perangkat desa and kader digital,
 * then, after the escalation days, the kabupaten's duta digital and the admins. While the
 * report waits for its reporter (PERLU_INFO) a timer neither escalates nor ends: it looks
 * again the next working day. A closed or rejected report meets every timer.
 */
import type { ReportSlaConfig } from '../../config.js';
import { FINAL_STATUSES, type ReportStatus } from './status.js';

/** The two timers that run from a report's filing. */
export const SLA_TIMERS = ['verify', 'follow_up'] as const;
/** A timer of {@link SLA_TIMERS}. */
export type SlaTimer = (typeof SLA_TIMERS)[number];
/** 1: the village's staff; 2: the kabupaten's duta digital and the admins. */
export type SlaLevel = 1 | 2;

/** Where a timer stands: nothing to do, wait for the reporter, or escalate. */
export type SlaState = 'met' | 'waiting' | 'overdue';

/** Statuses that are a first follow-up: forwarded, in progress, or beyond. */
const FOLLOWED_UP: readonly string[] = [
  'DITERUSKAN',
  'DIPROSES',
  'SELESAI',
  'DIBUKA_KEMBALI',
  'DITUTUP',
];
/** Statuses that are no action by staff yet: received, or waiting for the reporter. */
const NOT_ACTED_ON: readonly string[] = ['DITERIMA', 'PERLU_INFO'];

/**
 * Where `timer` stands for a report in `status` that went through `reached` (every status
 * of its history, the filing's included).
 */
export function slaState(
  timer: SlaTimer,
  report: { status: ReportStatus; reached: readonly string[] },
): SlaState {
  if (FINAL_STATUSES.includes(report.status)) return 'met';
  const met =
    timer === 'verify'
      ? report.reached.some((status) => !NOT_ACTED_ON.includes(status))
      : report.reached.some((status) => FOLLOWED_UP.includes(status));
  if (met) return 'met';
  return report.status === 'PERLU_INFO' ? 'waiting' : 'overdue';
}

/** The working days a level of a timer waits: from the filing (level 1), or from level 1. */
export function slaDays(config: ReportSlaConfig, timer: SlaTimer, level: SlaLevel): number {
  if (level === 2) return config.escalationDays;
  return timer === 'verify' ? config.verifyDays : config.followUpDays;
}
