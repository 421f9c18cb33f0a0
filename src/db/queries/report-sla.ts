import { and, asc, desc, eq, inArray, isNotNull, isNull, like, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, reportHistory, reports } from '../schema/index.js';
import type { ReportRow } from './reports.js';

/** Roles answerable for a report in their own village. */
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
