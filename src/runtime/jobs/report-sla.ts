/**
 * The report service-level jobs (DOMAIN.md §4.3; see src/domain/report/sla.ts): the
 * verify and follow-up timers a filing schedules, which escalate an overdue report to the
 * village's staff and then to the kabupaten's duta digital and the admins, and the
 * auto-close of a report left in SELESAI without an answer from its reporter.
 *
 * Due times are counted in working days in the village's time zone. Every handler checks
 * the report as it is now: a report acted on in time ends its timer without effect, and a
 * deadline that moved since it was scheduled (thresholds changed, cuti bersama added) is
 * waited for again. Messages go through the outbox in the job's transaction.
 */
import { z } from 'zod';
import type { ReportSlaConfig } from '../../config.js';
import { type Outbound, t } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import { getContact } from '../../db/queries/contacts.js';
import { loadConversationForUpdate } from '../../db/queries/conversations.js';
import { notifyContact } from '../../db/queries/notifications.js';
import { escalationStaff } from '../../db/queries/report-lists.js';
import { lastMoveTo, lockReport, reachedStatuses } from '../../db/queries/report-sla.js';
import {
  addHistory,
  findReportById,
  type ReportRow,
  setReportStatus,
} from '../../db/queries/reports.js';
import { formatDate } from '../../domain/dates.js';
import { isRegistered, PRIVACY_NOTICE_VERSION } from '../../domain/privacy.js';
import { isReportCategory } from '../../domain/report/categories.js';
import {
  SLA_TIMERS,
  type SlaLevel,
  type SlaTimer,
  slaDays,
  slaState,
} from '../../domain/report/sla.js';
import { AUTO_CLOSE_REASON, isReportStatus } from '../../domain/report/status.js';
import { timeZoneOfVillage } from '../../domain/time-zones.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import type { Logger } from '../../logger.js';
import { type AnyJobDefinition, defineJob, type JobResult, scheduleJob } from '../scheduler.js';

/** What each escalation says, by timer and level. */
const ESCALATION_TEXTS = {
  verify: { 1: 'report:sla.verify_village', 2: 'report:sla.verify_regency' },
  follow_up: { 1: 'report:sla.follow_up_village', 2: 'report:sla.follow_up_regency' },
} as const satisfies Record<SlaTimer, Record<SlaLevel, string>>;

const timerPayload = z.object({
  reportId: z.string().min(1),
  timer: z.enum(SLA_TIMERS),
  level: z.union([z.literal(1), z.literal(2)]),
  /** When this level's working days started: the filing, or the first escalation. */
  from: z.iso.datetime(),
});
const autoClosePayload = z.object({
  reportId: z.string().min(1),
  /** When the report moved to SELESAI: a later SELESAI has a timer of its own. */
  since: z.iso.datetime(),
});

/** A report as the scheduling calls need it. */
interface ReportFacts {
  id: string;
  villageCode: string;
}

/** What the report actions call, in their transaction, to start the service-level timers. */
export interface ReportTimers {
  /** In the transaction that filed the report: its verify and follow-up timers. */
  filed(tx: Db, report: ReportFacts & { createdAt: Date }, now: Date): Promise<void>;
  /** In the transaction of a move: at SELESAI, the auto-close timer. */
  moved(tx: Db, report: ReportFacts, to: string, now: Date): Promise<void>;
}

/** The service-level jobs, and the calls that schedule them in a report's transactions. */
export interface ReportSla extends ReportTimers {
  jobs: AnyJobDefinition[];
}

const again = (at: Date): JobResult => ({ type: 'again', at });

/** Builds the jobs over the deployment's working days and thresholds. */
export function createReportSla(deps: {
  calendar: WorkingCalendar;
  config: ReportSlaConfig;
}): ReportSla {
  const { calendar, config } = deps;

  const timerJob = defineJob({
    kind: 'report.sla',
    payload: timerPayload,
    async run({ tx, now, logger }, payload) {
      const report = await findReportById(tx, payload);
      if (!report || !isReportStatus(report.status)) return undefined;
      const zone = timeZoneOfVillage(report.villageCode);
      const days = slaDays(config, payload.timer, payload.level);
      const due = calendar.dueAfter(new Date(payload.from), days, zone);
      if (due > now) return again(due);
      const reached = await reachedStatuses(tx, payload);
      const state = slaState(payload.timer, { status: report.status, reached });
      if (state === 'met') return undefined;
      if (state === 'waiting') return again(calendar.dueAfter(now, 0, zone));
      const level = await escalate(tx, { ...payload, report, now, logger });
      if (level === 1) {
        await scheduleJob(tx, timerJob, {
          payload: { ...payload, level: 2, from: now.toISOString() },
          dueAt: calendar.dueAfter(now, slaDays(config, payload.timer, 2), zone),
          dedupeKey: timerKey(report.id, payload.timer, 2),
          now,
        });
      }
      return undefined;
    },
  });

  const autoCloseJob = defineJob({
    kind: 'report.auto_close',
    payload: autoClosePayload,
    async run({ tx, now, logger }, payload) {
      const found = await findReportById(tx, payload);
      // The reporter's own messages lock their conversation before the report: same order.
      if (found?.contactId) await loadConversationForUpdate(tx, { contactId: found.contactId });
      const report = await lockReport(tx, payload);
      if (report?.status !== 'SELESAI') return undefined;
      const since = await lastMoveTo(tx, { reportId: report.id, status: 'SELESAI' });
      if (since?.getTime() !== Date.parse(payload.since)) return undefined;
      const zone = timeZoneOfVillage(report.villageCode);
      const due = calendar.dueAfter(since, config.autoCloseDays, zone);
      if (due > now) return again(due);
      await closeReport(tx, { report, now });
      await tellReporter(tx, {
        contactId: report.contactId,
        message: {
          texts: [t('report:sla.closed', { ticket: report.ticket, days: config.autoCloseDays })],
        },
        now,
      });
      logger.info({ reportId: report.id }, 'report closed without an answer from its reporter');
      return undefined;
    },
  });

  return {
    jobs: [timerJob, autoCloseJob],
    async filed(tx, report, now) {
      const zone = timeZoneOfVillage(report.villageCode);
      for (const timer of SLA_TIMERS) {
        await scheduleJob(tx, timerJob, {
          payload: { reportId: report.id, timer, level: 1, from: report.createdAt.toISOString() },
          dueAt: calendar.dueAfter(report.createdAt, slaDays(config, timer, 1), zone),
          dedupeKey: timerKey(report.id, timer, 1),
          now,
        });
      }
    },
    async moved(tx, report, to, now) {
      if (to !== 'SELESAI') return;
      const zone = timeZoneOfVillage(report.villageCode);
      await scheduleJob(tx, autoCloseJob, {
        payload: { reportId: report.id, since: now.toISOString() },
        dueAt: calendar.dueAfter(now, config.autoCloseDays, zone),
        dedupeKey: `report-close:${report.id}:${now.getTime()}`,
        now,
      });
    },
  };

  /**
   * Tells the staff of `level` that the report is overdue; a village without staff of its
   * own goes straight to level 2. Returns the level told.
   */
  async function escalate(
    tx: Db,
    params: {
      report: ReportRow;
      timer: SlaTimer;
      level: SlaLevel;
      now: Date;
      logger: Logger;
    },
  ): Promise<SlaLevel> {
    const { report, timer, now } = params;
    const find = (level: SlaLevel) =>
      escalationStaff(tx, {
        villageCode: report.villageCode,
        level,
        consentVersion: PRIVACY_NOTICE_VERSION,
      });
    let level = params.level;
    let staff = await find(level);
    if (level === 1 && staff.length === 0) {
      level = 2;
      staff = await find(level);
    }
    const category = isReportCategory(report.category) ? report.category : 'lainnya';
    const text = t(ESCALATION_TEXTS[timer][level], {
      ticket: report.ticket,
      category: t(`report:categories.${category}`),
      date: formatDate(report.createdAt),
      days: slaDays(config, timer, 1),
    });
    const message: Outbound = { texts: [text] };
    for (const contactId of staff) await notifyContact(tx, { contactId, messages: [message], now });
    params.logger.info(
      { reportId: report.id, timer, level, told: staff.length },
      'report escalated',
    );
    return level;
  }
}

/** The dedupe key of a timer level: each fires once per report. */
function timerKey(reportId: string, timer: SlaTimer, level: SlaLevel): string {
  return `report-sla:${reportId}:${timer}:${level}`;
}

/** SELESAI → DITUTUP by the scheduler, recorded with the reason "otomatis". */
async function closeReport(tx: Db, params: { report: { id: string }; now: Date }) {
  const { report, now } = params;
  const moved = await setReportStatus(tx, {
    reportId: report.id,
    from: 'SELESAI',
    to: 'DITUTUP',
    infoFrom: null,
    rejectReason: null,
    now,
  });
  if (!moved) throw new Error(`report ${report.id} changed under its row lock`);
  await addHistory(tx, {
    reportId: report.id,
    fromStatus: 'SELESAI',
    toStatus: 'DITUTUP',
    actorKind: 'system',
    actorId: null,
    note: null,
    reason: AUTO_CLOSE_REASON,
    now,
  });
}

/** Tells the reporter, unless they deleted their data or withdrew consent. */
async function tellReporter(
  tx: Db,
  params: { contactId: string | null; message: Outbound; now: Date },
) {
  if (!params.contactId) return;
  const reporter = await getContact(tx, { contactId: params.contactId });
  if (!reporter || reporter.deletedAt || !isRegistered(reporter)) return;
  await notifyContact(tx, {
    contactId: params.contactId,
    messages: [params.message],
    now: params.now,
  });
}
