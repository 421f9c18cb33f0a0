/** The people pages of the admin web: the staff of an area. */
import { and, asc, eq, isNull, like, ne, or, type SQL } from 'drizzle-orm';
import type { StaffScope } from '../../domain/staff-scope.js';
import type { Db } from '../client.js';
import { contacts } from '../schema/index.js';

/** A member of staff as the list shows them. */
export interface StaffListRow {
  id: string;
  displayName: string | null;
  role: string;
  villageCode: string | null;
}

/** Registered staff (every role but warga) whose village lies in the scope's area, by name. */
export async function listStaffIn(
  db: Db,
  params: { scope: StaffScope; limit: number },
): Promise<StaffListRow[]> {
  const { scope } = params;
  if (scope.type === 'none') return [];
  const area: SQL | undefined =
    scope.type === 'everywhere'
      ? undefined
      : or(
          eq(contacts.villageCode, scope.areaCode),
          like(contacts.villageCode, `${scope.areaCode}.%`),
        );
  return db
    .select({
      id: contacts.id,
      displayName: contacts.displayName,
      role: contacts.role,
      villageCode: contacts.villageCode,
    })
    .from(contacts)
    .where(and(ne(contacts.role, 'warga'), isNull(contacts.deletedAt), area))
    .orderBy(asc(contacts.displayName), asc(contacts.id))
    .limit(params.limit);
}
