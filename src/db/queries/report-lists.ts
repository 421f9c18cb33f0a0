import {
  and,
  asc,
  count,
  desc,
  eq,
  inArray,
  isNotNull,
  isNull,
  like,
  notInArray,
  or,
  type SQL,
} from 'drizzle-orm';
import { FINAL_STATUSES } from '../../domain/report/status.js';
import type { StaffScope } from '../../domain/staff-scope.js';
import type { Db } from '../client.js';
import { contacts, reportHistory, reports } from '../schema/index.js';
import type { ReportRow } from './reports.js';

/** One page of reports and how many there are in all. */
export interface ReportPage {
  rows: ReportRow[];
  total: number;
}

/** Roles answerable for a report in their own village: told of it, escalated to. */
const VILLAGE_STAFF_ROLES = ['perangkat_desa', 'kader_digital'];
/** Characters of a village code that name its kabupaten/kota (`PP.KK`). */
const REGENCY_CODE_LENGTH = 5;

/** Registered, consenting to the current notice, not deleted: someone who may be written to. */
function active(consentVersion: number) {
  return and(
    isNotNull(contacts.registeredAt),
    eq(contacts.consentVersion, consentVersion),
    isNull(contacts.deletedAt),
  );
}

/** The contact's own reports (filed by them), newest first. */
export async function listReportsOf(
  db: Db,
  params: { contactId: string; limit: number; offset: number },
): Promise<ReportPage> {
  const where = eq(reports.contactId, params.contactId);
  return page(db, where, [desc(reports.createdAt), desc(reports.id)], params);
}

/** The condition "in the area of `scope`"; undefined for everywhere, null for nowhere. */
export function areaCondition(scope: StaffScope): SQL | undefined | null {
  if (scope.type === 'none') return null;
  if (scope.type === 'everywhere') return undefined;
  if (scope.level === 'village') return eq(reports.villageCode, scope.areaCode);
  return like(reports.villageCode, `${scope.areaCode}.%`);
}

/** Open reports in a member of staff's area, oldest first (the longest waiting on top). */
export async function listOpenReportsIn(
  db: Db,
  params: { scope: StaffScope; limit: number; offset: number },
): Promise<ReportPage> {
  const area = areaCondition(params.scope);
  if (area === null) return { rows: [], total: 0 };
  const where = and(notInArray(reports.status, [...FINAL_STATUSES]), area);
  return page(db, where, [asc(reports.createdAt), asc(reports.id)], params);
}

async function page(
  db: Db,
  where: SQL | undefined,
  order: SQL[],
  params: { limit: number; offset: number },
): Promise<ReportPage> {
  const rows = await db
    .select()
    .from(reports)
    .where(where)
    .orderBy(...order)
    .limit(params.limit)
    .offset(params.offset);
  const [total] = await db.select({ n: count() }).from(reports).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/**
 * Who hears of a report in `villageCode`: its village's perangkat desa and kader digital
 * and the duta digital of its kabupaten, registered and consenting; when the village has
 * none of them, the admins, so that no report goes unseen.
 */
export async function staffToNotify(
  db: Db,
  params: { villageCode: string; consentVersion: number },
): Promise<string[]> {
  const regency = params.villageCode.slice(0, REGENCY_CODE_LENGTH);
  const local = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(
      and(
        active(params.consentVersion),
        or(
          and(
            inArray(contacts.role, VILLAGE_STAFF_ROLES),
            eq(contacts.villageCode, params.villageCode),
          ),
          and(eq(contacts.role, 'duta_digital'), like(contacts.villageCode, `${regency}.%`)),
        ),
      ),
    )
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  if (local.length > 0) return local.map((r) => r.id);
  const admins = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(active(params.consentVersion), eq(contacts.role, 'admin')))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  return admins.map((r) => r.id);
}

/**
 * Who is escalated to at each level: the village's perangkat desa and kader digital
 * (level 1), or the kabupaten's duta digital and every admin (level 2).
 */
export async function escalationStaff(
  db: Db,
  params: { villageCode: string; level: 1 | 2; consentVersion: number },
): Promise<string[]> {
  const regency = params.villageCode.slice(0, REGENCY_CODE_LENGTH);
  const who =
    params.level === 1
      ? and(
          inArray(contacts.role, VILLAGE_STAFF_ROLES),
          eq(contacts.villageCode, params.villageCode),
        )
      : or(
          and(eq(contacts.role, 'duta_digital'), like(contacts.villageCode, `${regency}.%`)),
          eq(contacts.role, 'admin'),
        );
  const rows = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(active(params.consentVersion), who))
    .orderBy(asc(contacts.createdAt), asc(contacts.id));
  return rows.map((row) => row.id);
}

/** The contact's newest report waiting for their answer (PERLU_INFO or SELESAI). */
export async function findWaitingReportOf(
  db: Db,
  params: { contactId: string },
): Promise<ReportRow | undefined> {
  const rows = await db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.contactId, params.contactId),
        inArray(reports.status, ['PERLU_INFO', 'SELESAI']),
      ),
    )
    .orderBy(desc(reports.updatedAt), desc(reports.id))
    .limit(1);
  return rows[0];
}

/** The members of staff who moved this report, newest first, without repeats. */
export async function staffWhoMoved(db: Db, params: { reportId: string }): Promise<string[]> {
  const rows = await db
    .select({ actorId: reportHistory.actorId })
    .from(reportHistory)
    .where(
      and(
        eq(reportHistory.reportId, params.reportId),
        eq(reportHistory.actorKind, 'staff'),
        isNotNull(reportHistory.actorId),
      ),
    )
    .orderBy(desc(reportHistory.id));
  return [...new Set(rows.map((r) => r.actorId as string))];
}

/**
 * The staff member who last asked the reporter for information (moved the report to
 * PERLU_INFO), if they are still there: the one whose question the reporter answers.
 */
export async function staffWhoAsked(
  db: Db,
  params: { reportId: string },
): Promise<string | undefined> {
  const [row] = await db
    .select({ actorId: reportHistory.actorId })
    .from(reportHistory)
    .where(
      and(
        eq(reportHistory.reportId, params.reportId),
        eq(reportHistory.actorKind, 'staff'),
        eq(reportHistory.toStatus, 'PERLU_INFO'),
      ),
    )
    .orderBy(desc(reportHistory.id))
    .limit(1);
  return row?.actorId ?? undefined;
}
