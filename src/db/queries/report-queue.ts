/**
 * The admin web's report queue: the reports of a member of staff's area (the same area
 * condition as the chat's /kelola, report-lists.ts), filtered and paged, newest first.
 */
import { and, count, desc, eq, gte, inArray, like, lt, or, type SQL } from 'drizzle-orm';
import type { StaffScope } from '../../domain/staff-scope.js';
import type { Db } from '../client.js';
import { reports } from '../schema/index.js';
import { areaCondition } from './report-lists.js';
import type { ReportRow } from './reports.js';

/** What the queue may be filtered by; every field is optional. */
export interface QueueFilters {
  status?: string;
  /** Several statuses at once (the ones that can be overdue). */
  statuses?: readonly string[];
  category?: string;
  /** A Kemendagri code: a province, kabupaten, kecamatan or village, and what lies in it. */
  area?: string;
  /** Filed at or after. */
  from?: Date;
  /** Filed before. */
  until?: Date;
}

function conditions(scope: StaffScope, filters: QueueFilters): SQL | undefined | null {
  const area = areaCondition(scope);
  if (area === null) return null;
  const parts: (SQL | undefined)[] = [area];
  if (filters.status) parts.push(eq(reports.status, filters.status));
  if (filters.statuses) parts.push(inArray(reports.status, [...filters.statuses]));
  if (filters.category) parts.push(eq(reports.category, filters.category));
  if (filters.area) {
    parts.push(
      or(eq(reports.villageCode, filters.area), like(reports.villageCode, `${filters.area}.%`)),
    );
  }
  if (filters.from) parts.push(gte(reports.createdAt, filters.from));
  if (filters.until) parts.push(lt(reports.createdAt, filters.until));
  return and(...parts);
}

/** One page of the queue and how many reports match. */
export async function listReportQueue(
  db: Db,
  params: { scope: StaffScope; filters: QueueFilters; limit: number; offset: number },
): Promise<{ rows: ReportRow[]; total: number }> {
  const where = conditions(params.scope, params.filters);
  if (where === null) return { rows: [], total: 0 };
  const rows = await db
    .select()
    .from(reports)
    .where(where)
    .orderBy(desc(reports.createdAt), desc(reports.id))
    .limit(params.limit)
    .offset(params.offset);
  const [total] = await db.select({ n: count() }).from(reports).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Reports of the area by status: how many in each. */
export async function countReportsByStatus(
  db: Db,
  params: { scope: StaffScope },
): Promise<Record<string, number>> {
  const where = conditions(params.scope, {});
  if (where === null) return {};
  const rows = await db
    .select({ status: reports.status, n: count() })
    .from(reports)
    .where(where)
    .groupBy(reports.status);
  return Object.fromEntries(rows.map((row) => [row.status, Number(row.n)]));
}
