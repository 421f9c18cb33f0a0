import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { isRegistered } from '../../domain/privacy.js';
import { planVillageMove, type VillageMovePlan } from '../../domain/staff-scope.js';
import type { Db } from '../client.js';
import { contacts, roleRequests } from '../schema/index.js';
import { type Contact, lockContact, updateContact } from './contacts.js';

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

/**
 * Cancels every pending request of the contact (they chose another role, or withdrew).
 * Callers that also change the contact row lock it first (see `lockContact`).
 */
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

/**
 * Confirms or rejects a pending request; a confirmed role is given to the person at once.
 * A request of a person who is gone, withdrew consent or has no confirmed profile is gone.
 */
export async function decideRoleRequest(
  db: Db,
  params: { id: string; decision: 'confirmed' | 'rejected'; deciderId: string; now: Date },
): Promise<DecideOutcome> {
  const [found] = await db.select().from(roleRequests).where(eq(roleRequests.id, params.id));
  if (!found) return { type: 'gone' };
  const person = await lockContact(db, found);
  if (!person || person.deletedAt || !isRegistered(person)) return { type: 'gone' };
  const [request] = await db
    .update(roleRequests)
    .set({ status: params.decision, decidedAt: params.now, decidedBy: params.deciderId })
    .where(and(eq(roleRequests.id, params.id), eq(roleRequests.status, 'pending')))
    .returning();
  if (!request) return { type: 'gone' };
  if (params.decision === 'confirmed') {
    const set = { role: request.role, updatedAt: params.now };
    await updateContact(db, { contactId: request.contactId, set });
  }
  return { type: 'decided', request };
}

/**
 * The contact and their pending request, read together in one statement, without a lock:
 * for a preview only. A change locks the contact first and reads the request after the
 * lock, in a statement of its own: a statement that waited for the lock would still see
 * the requests as they were when it began (an admin's decision made meanwhile unseen).
 */
async function contactWithPending(
  db: Db,
  params: { contactId: string },
): Promise<
  { person: Contact; pending: Pick<RoleRequestRow, 'role' | 'createdAt'> | undefined } | undefined
> {
  const pending = db
    .select({ role: roleRequests.role, createdAt: roleRequests.createdAt })
    .from(roleRequests)
    .where(and(eq(roleRequests.contactId, contacts.id), eq(roleRequests.status, 'pending')))
    .orderBy(desc(roleRequests.createdAt))
    .limit(1)
    .as('pending');
  const [row] = await db
    .select({ person: contacts, role: pending.role, createdAt: pending.createdAt })
    .from(contacts)
    .leftJoinLateral(pending, sql`true`)
    .where(eq(contacts.id, params.contactId));
  if (!row) return undefined;
  const { person, role, createdAt } = row;
  return { person, pending: role !== null && createdAt !== null ? { role, createdAt } : undefined };
}

/**
 * What moving the contact to `villageCode` would do to their role now (see
 * {@link planVillageMove}), without changing anything; undefined for an unknown contact.
 */
export async function previewVillageMove(
  db: Db,
  params: { contactId: string; villageCode: string },
): Promise<VillageMovePlan | undefined> {
  const found = await contactWithPending(db, { contactId: params.contactId });
  if (!found) return undefined;
  return planVillageMove(found.person, found.pending?.role ?? null, params.villageCode);
}

/** How {@link moveToVillage} ended. */
export type VillageMoveOutcome =
  | { type: 'moved'; plan: VillageMovePlan }
  /** The move would end another role than the person was told: nothing was changed. */
  | { type: 'changed' }
  | { type: 'gone' };

/**
 * Moves the contact to the village `villageCode`, under the contact's lock: a role tied to
 * an area that does not cover the new village ends (back to warga), and the role waiting
 * for an admin (the pending request, else the ended role) is filed again as a new pending
 * request with id `requestId`, so that an admin deciding from a list made before the move
 * finds the old one gone. A pending request keeps its place in the queue (its date).
 * `expectedEnd` is the role the person was told the move ends (null: none); when the move
 * would end another, nothing changes.
 */
export async function moveToVillage(
  db: Db,
  params: {
    contactId: string;
    villageCode: string;
    expectedEnd: string | null;
    requestId: string;
    now: Date;
  },
): Promise<VillageMoveOutcome> {
  const person = await lockContact(db, params);
  if (!person) return { type: 'gone' };
  const pending = await pendingRequestOf(db, params);
  const plan = planVillageMove(person, pending?.role ?? null, params.villageCode);
  if (plan.endedRole !== params.expectedEnd) return { type: 'changed' };
  if (person.villageCode === params.villageCode) return { type: 'moved', plan };
  // A first village (onboarding) is no move: no admin list can show a village for it yet.
  const refile = plan.endedRole !== null || (pending !== undefined && person.villageCode !== null);
  if (refile && plan.requested) {
    await cancelPendingRequests(db, params);
    await db.insert(roleRequests).values({
      id: params.requestId,
      contactId: params.contactId,
      role: plan.requested,
      status: 'pending',
      createdAt: pending?.createdAt ?? params.now,
    });
  }
  const set = {
    villageCode: params.villageCode,
    ...(plan.endedRole ? { role: 'warga' } : {}),
    updatedAt: params.now,
  };
  await updateContact(db, { contactId: params.contactId, set });
  return { type: 'moved', plan };
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

/**
 * Forgets the contact in role requests (they deleted their data): their own requests go,
 * and the decisions they took as admin stay without their name.
 */
export async function eraseRequestsOf(db: Db, params: { contactId: string }): Promise<void> {
  await db.delete(roleRequests).where(eq(roleRequests.contactId, params.contactId));
  await db
    .update(roleRequests)
    .set({ decidedBy: null })
    .where(eq(roleRequests.decidedBy, params.contactId));
}
