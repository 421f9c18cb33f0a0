import { and, asc, count, desc, eq, gte, inArray, notInArray } from 'drizzle-orm';
import { FINAL_STATUSES } from '../../domain/report/status.js';
import type { Db } from '../client.js';
import { reportHistory, reportMedia, reportSupports, reports } from '../schema/index.js';

/** A report row. */
export type ReportRow = typeof reports.$inferSelect;
/** The values of a new report. */
export type NewReportRow = typeof reports.$inferInsert;
/** One move of a report. */
export type ReportHistoryRow = typeof reportHistory.$inferSelect;

/**
 * Inserts a report with its photos unless its ticket is taken (then nothing is written and
 * undefined comes back: draw another ticket). Never aborts the transaction on a clash.
 */
export async function insertReport(
  db: Db,
  params: { row: NewReportRow; mediaIds: string[] },
): Promise<ReportRow | undefined> {
  const [row] = await db
    .insert(reports)
    .values(params.row)
    .onConflictDoNothing({ target: reports.ticket })
    .returning();
  if (!row) return undefined;
  if (params.mediaIds.length > 0) {
    await db
      .insert(reportMedia)
      .values(
        params.mediaIds.map((mediaId, position) => ({ reportId: row.id, position, mediaId })),
      );
  }
  return row;
}

/** Records one move (or the filing, with `fromStatus` null). */
export async function addHistory(
  db: Db,
  params: {
    reportId: string;
    fromStatus: string | null;
    toStatus: string;
    /** `system`: the scheduler (a report closed for want of an answer). */
    actorKind: 'reporter' | 'staff' | 'system';
    actorId: string | null;
    note: string | null;
    reason?: string | null;
    now: Date;
  },
): Promise<void> {
  await db.insert(reportHistory).values({
    reportId: params.reportId,
    fromStatus: params.fromStatus,
    toStatus: params.toStatus,
    actorKind: params.actorKind,
    actorId: params.actorId,
    note: params.note,
    reason: params.reason ?? null,
    createdAt: params.now,
  });
}

/** The report with this ticket; with `lock`, locked for this transaction (before a move). */
export async function findReportByTicket(
  db: Db,
  params: { ticket: string; lock?: boolean },
): Promise<ReportRow | undefined> {
  const query = db.select().from(reports).where(eq(reports.ticket, params.ticket)).limit(1);
  const rows = params.lock ? await query.for('update') : await query;
  return rows[0];
}

/** The report with this id. */
export async function findReportById(
  db: Db,
  params: { reportId: string },
): Promise<ReportRow | undefined> {
  const rows = await db.select().from(reports).where(eq(reports.id, params.reportId)).limit(1);
  return rows[0];
}

/**
 * Moves a report from `from` to `to`; returns false (and changes nothing) when its status
 * is no longer `from`: someone else moved it first.
 */
export async function setReportStatus(
  db: Db,
  params: {
    reportId: string;
    from: string;
    to: string;
    infoFrom: string | null;
    rejectReason: string | null;
    now: Date;
  },
): Promise<boolean> {
  const rows = await db
    .update(reports)
    .set({
      status: params.to,
      infoFrom: params.infoFrom,
      rejectReason: params.rejectReason,
      updatedAt: params.now,
    })
    .where(and(eq(reports.id, params.reportId), eq(reports.status, params.from)))
    .returning({ id: reports.id });
  return rows.length > 0;
}

/** The media ids of a report's photos, in order. */
export async function reportMediaIds(db: Db, params: { reportId: string }): Promise<string[]> {
  const rows = await db
    .select({ mediaId: reportMedia.mediaId })
    .from(reportMedia)
    .where(eq(reportMedia.reportId, params.reportId))
    .orderBy(asc(reportMedia.position));
  return rows.map((r) => r.mediaId);
}

/** Every move of a report, oldest first. */
export async function listHistory(
  db: Db,
  params: { reportId: string },
): Promise<ReportHistoryRow[]> {
  return db
    .select()
    .from(reportHistory)
    .where(eq(reportHistory.reportId, params.reportId))
    .orderBy(asc(reportHistory.id));
}

/** The newest open report of a category in a village filed since `since`, except `exclude`. */
export async function findOpenDuplicate(
  db: Db,
  params: { category: string; villageCode: string; since: Date; exclude: string[] },
): Promise<ReportRow | undefined> {
  const rows = await db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.villageCode, params.villageCode),
        eq(reports.category, params.category),
        gte(reports.createdAt, params.since),
        notInArray(reports.status, [...FINAL_STATUSES]),
        params.exclude.length > 0 ? notInArray(reports.id, params.exclude) : undefined,
      ),
    )
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(1);
  return rows[0];
}

/** Records that a contact supports a report; `already` when they did before. */
export async function addSupport(
  db: Db,
  params: { reportId: string; contactId: string; now: Date },
): Promise<'added' | 'already'> {
  const rows = await db
    .insert(reportSupports)
    .values({ reportId: params.reportId, contactId: params.contactId, createdAt: params.now })
    .onConflictDoNothing()
    .returning({ reportId: reportSupports.reportId });
  return rows.length > 0 ? 'added' : 'already';
}

/** How many people support each of these reports (absent: none). */
export async function countSupports(
  db: Db,
  params: { reportIds: string[] },
): Promise<Map<string, number>> {
  if (params.reportIds.length === 0) return new Map();
  const rows = await db
    .select({ reportId: reportSupports.reportId, n: count() })
    .from(reportSupports)
    .where(inArray(reportSupports.reportId, params.reportIds))
    .groupBy(reportSupports.reportId);
  return new Map(rows.map((r) => [r.reportId, Number(r.n)]));
}

/** How many reports the contact supports. */
export async function countSupportsBy(db: Db, params: { contactId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(reportSupports)
    .where(eq(reportSupports.contactId, params.contactId));
  return Number(row?.n ?? 0);
}
