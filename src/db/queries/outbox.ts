import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { outbox } from '../schema/index.js';
import { lastAddressOf } from './contacts.js';

/** An outbox row. */
export type OutboxRow = typeof outbox.$inferSelect;

/** Queues messages for one contact, in order; they are sent after the transaction commits. */
export async function enqueueMessages(
  db: Db,
  params: {
    contactId: string;
    channel: string;
    externalId: string;
    messages: unknown[];
    now: Date;
  },
): Promise<void> {
  if (params.messages.length === 0) return;
  await db.insert(outbox).values(
    params.messages.map((message) => ({
      contactId: params.contactId,
      channel: params.channel,
      externalId: params.externalId,
      message,
      status: 'pending',
      nextAttemptAt: params.now,
      createdAt: params.now,
    })),
  );
}

/**
 * Claims the contact's due messages for sending, oldest first, up to `limit`.
 * Claims nothing while an older message of the contact is still being sent or waits
 * for a retry, so one person's messages never overtake each other.
 */
export async function claimContactMessages(
  db: Db,
  params: { contactId: string; now: Date; leaseUntil: Date; limit: number },
): Promise<OutboxRow[]> {
  return db.transaction(async (tx) => {
    const open = await tx
      .select()
      .from(outbox)
      .where(
        and(eq(outbox.contactId, params.contactId), inArray(outbox.status, ['pending', 'sending'])),
      )
      .orderBy(asc(outbox.id))
      .limit(params.limit)
      .for('update', { skipLocked: true });
    const claimable: OutboxRow[] = [];
    for (const row of open) {
      if (row.status !== 'pending' || row.nextAttemptAt > params.now) break;
      claimable.push(row);
    }
    if (claimable.length === 0) return [];
    await tx
      .update(outbox)
      .set({ status: 'sending', claimedUntil: params.leaseUntil })
      .where(
        inArray(
          outbox.id,
          claimable.map((r) => r.id),
        ),
      );
    return claimable;
  });
}

/** Records a message as delivered to the platform. */
export async function markSent(db: Db, params: { id: number; now: Date }): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: params.now,
      claimedUntil: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: null,
    })
    .where(eq(outbox.id, params.id));
}

/** Puts a message back to wait until `retryAt`, counting the failed attempt. */
export async function markRetry(
  db: Db,
  params: { id: number; retryAt: Date; error: string },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'pending',
      nextAttemptAt: params.retryAt,
      claimedUntil: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: params.error,
    })
    .where(eq(outbox.id, params.id));
}

/** Gives a message up for good. */
export async function markFailed(db: Db, params: { id: number; error: string }): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'failed',
      claimedUntil: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: params.error,
    })
    .where(eq(outbox.id, params.id));
}

/** Returns claimed messages that were not attempted (a send before them failed) to pending. */
export async function releaseClaims(db: Db, params: { ids: number[] }): Promise<void> {
  if (params.ids.length === 0) return;
  await db
    .update(outbox)
    .set({ status: 'pending', claimedUntil: null })
    .where(and(inArray(outbox.id, params.ids), eq(outbox.status, 'sending')));
}

/** Fails every waiting message to one address: the person cannot be reached there. */
export async function failPendingForAddress(
  db: Db,
  params: { channel: string; externalId: string; error: string },
): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'failed', claimedUntil: null, lastError: params.error })
    .where(
      and(
        eq(outbox.channel, params.channel),
        eq(outbox.externalId, params.externalId),
        inArray(outbox.status, ['pending', 'sending']),
      ),
    );
}

/**
 * Returns to pending the messages whose sender died holding them (lease expired).
 * One of them may have reached the person just before the crash: it is sent again.
 */
export async function reclaimExpired(db: Db, params: { now: Date }): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', claimedUntil: null })
    .where(and(eq(outbox.status, 'sending'), lte(outbox.claimedUntil, params.now)))
    .returning({ id: outbox.id });
  return rows.length;
}

/** Contacts with a message due on one of `channels`, oldest first. */
export async function contactsWithDueMessages(
  db: Db,
  params: { channels: string[]; now: Date; limit: number },
): Promise<string[]> {
  if (params.channels.length === 0) return [];
  const rows = await db
    .select({ contactId: outbox.contactId, first: sql<number>`min(${outbox.id})` })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.nextAttemptAt, params.now),
        inArray(outbox.channel, params.channels),
      ),
    )
    .groupBy(outbox.contactId)
    .orderBy(sql`min(${outbox.id})`)
    .limit(params.limit);
  return rows.map((r) => r.contactId);
}

/**
 * Queues messages for a contact who is not the one writing (a notification), on the
 * channel they last wrote on, in the caller's transaction. Returns false when the contact
 * has no channel identity left to reach.
 */
export async function enqueueForContact(
  db: Db,
  params: { contactId: string; messages: unknown[]; now: Date },
): Promise<boolean> {
  const address = await lastAddressOf(db, { contactId: params.contactId });
  if (!address) return false;
  await enqueueMessages(db, { ...params, ...address });
  return true;
}
