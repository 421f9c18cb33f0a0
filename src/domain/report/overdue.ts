/**
 * Which open reports are past their service level (see sla.ts), for the staff's lists: a
 * report still DITERIMA after the verify days, or not yet forwarded or in progress
 * (DITERIMA, DIVERIFIKASI) after the follow-up days. A report waiting for its reporter
 * (PERLU_INFO) is not overdue: its timers wait too.
 */
import type { ReportSlaConfig } from '../../config.js';
import { timeZoneOfVillage } from '../time-zones.js';
import type { WorkingCalendar } from '../working-days.js';

/** Statuses in which a report can be overdue. */
export const OVERDUE_STATUSES = ['DITERIMA', 'DIVERIFIKASI'] as const;

/** True when the report is past a service level at `now`. */
export function isOverdue(
  report: { status: string; createdAt: Date; villageCode: string },
  now: Date,
  rules: { calendar: WorkingCalendar; sla: ReportSlaConfig },
): boolean {
  const zone = timeZoneOfVillage(report.villageCode);
  const due = (days: number) => rules.calendar.dueAfter(report.createdAt, days, zone) <= now;
  if (report.status === 'DITERIMA' && due(rules.sla.verifyDays)) return true;
  return (
    (OVERDUE_STATUSES as readonly string[]).includes(report.status) && due(rules.sla.followUpDays)
  );
}
