import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reportHistory, reports } from '../schema/index.js';
import type { ReportRow } from './reports.js';

/** The report, locked for this transaction (before a move by the scheduler). */
export async function lockReport(
  tx: Db,
  params: { reportId: string },
): Promise<ReportRow | undefined> {
  const rows = await tx
    .select()
    .from(reports)
    .where(eq(reports.id, params.reportId))
    .limit(1)
    .for('update');
  return rows[0];
}

/** Every status the report went through, oldest first (the filing's included). */
export async function reachedStatuses(db: Db, params: { reportId: string }): Promise<string[]> {
  const rows = await db
    .select({ status: reportHistory.toStatus })
    .from(reportHistory)
    .where(eq(reportHistory.reportId, params.reportId))
    .orderBy(asc(reportHistory.id));
  return rows.map((row) => row.status);
}

/** When the report last moved to `status`, or undefined when it never did. */
export async function lastMoveTo(
  db: Db,
  params: { reportId: string; status: string },
): Promise<Date | undefined> {
  const rows = await db
    .select({ at: reportHistory.createdAt })
    .from(reportHistory)
    .where(
      and(eq(reportHistory.reportId, params.reportId), eq(reportHistory.toStatus, params.status)),
    )
    .orderBy(desc(reportHistory.id))
    .limit(1);
  return rows[0]?.at;
}
