import { and, asc, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, roleRequests } from '../schema/index.js';

/** A role request row. */
export type RoleRequestRow = typeof roleRequests.$inferSelect;

/** A pending request as an admin sees it. */
export interface PendingRoleRequest {
  id: string;
  contactId: string;
  role: string;
  createdAt: Date;
  displayName: string | null;
  villageCode: string | null;
}

/** How {@link decideRoleRequest} ended. */
export type DecideOutcome =
  | { type: 'decided'; request: RoleRequestRow }
  /** Already decided, cancelled, or deleted with its person. */
  | { type: 'gone' };

/**
 * Asks for `role`: cancels the contact's other pending requests and files a new one,
 * unless the same role is already pending.
 */
export async function requestRole(
  db: Db,
  params: { id: string; contactId: string; role: string; now: Date },
): Promise<'requested' | 'already_pending'> {
  const pending = await pendingRequestOf(db, params);
  if (pending?.role === params.role) return 'already_pending';
  await cancelPendingRequests(db, params);
  await db.insert(roleRequests).values({
    id: params.id,
    contactId: params.contactId,
    role: params.role,
    status: 'pending',
    createdAt: params.now,
  });
  return 'requested';
}

/** The contact's pending request, if any. */
export async function pendingRequestOf(
  db: Db,
  params: { contactId: string },
): Promise<RoleRequestRow | undefined> {
  const rows = await db
    .select()
    .from(roleRequests)
    .where(and(eq(roleRequests.contactId, params.contactId), eq(roleRequests.status, 'pending')))
    .orderBy(desc(roleRequests.createdAt))
    .limit(1);
  return rows[0];
}

/** Cancels every pending request of the contact (they chose another role, or withdrew). */
export async function cancelPendingRequests(
  db: Db,
  params: { contactId: string; now: Date },
): Promise<void> {
  await db
    .update(roleRequests)
    .set({ status: 'cancelled', decidedAt: params.now })
    .where(and(eq(roleRequests.contactId, params.contactId), eq(roleRequests.status, 'pending')));
}

/**
 * Pending requests of people who finished onboarding and still consent, oldest first:
 * the ones an admin can act on.
 */
export async function listPendingRequests(db: Db): Promise<PendingRoleRequest[]> {
  return db
    .select({
      id: roleRequests.id,
      contactId: roleRequests.contactId,
      role: roleRequests.role,
      createdAt: roleRequests.createdAt,
      displayName: contacts.displayName,
      villageCode: contacts.villageCode,
    })
    .from(roleRequests)
    .innerJoin(contacts, eq(contacts.id, roleRequests.contactId))
    .where(
      and(
        eq(roleRequests.status, 'pending'),
        isNotNull(contacts.registeredAt),
        isNotNull(contacts.consentVersion),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(roleRequests.createdAt), asc(roleRequests.id));
}

/** Confirms or rejects a pending request; a confirmed role is given to the person at once. */
export async function decideRoleRequest(
  db: Db,
  params: { id: string; decision: 'confirmed' | 'rejected'; deciderId: string; now: Date },
): Promise<DecideOutcome> {
  const [request] = await db
    .update(roleRequests)
    .set({ status: params.decision, decidedAt: params.now, decidedBy: params.deciderId })
    .where(and(eq(roleRequests.id, params.id), eq(roleRequests.status, 'pending')))
    .returning();
  if (!request) return { type: 'gone' };
  if (params.decision === 'confirmed') {
    await db
      .update(contacts)
      .set({ role: request.role, updatedAt: params.now })
      .where(eq(contacts.id, request.contactId));
  }
  return { type: 'decided', request };
}

/** Every request of the contact, newest first. */
export async function listRequestsOf(
  db: Db,
  params: { contactId: string },
): Promise<RoleRequestRow[]> {
  return db
    .select()
    .from(roleRequests)
    .where(eq(roleRequests.contactId, params.contactId))
    .orderBy(desc(roleRequests.createdAt), desc(roleRequests.id));
}
