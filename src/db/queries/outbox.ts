import { and, asc, eq, inArray, isNotNull, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { INSTANCE_LOCK_CLASS } from '../instance-lock.js';
import { outbox } from '../schema/index.js';
import { lastAddressOf } from './contacts.js';

/** An outbox row. */
export type OutboxRow = typeof outbox.$inferSelect;

/** The transactions (or databases) {@link noteQueued} was told of. */
const queuedIn = new WeakSet<Db>();

/**
 * Notes that messages were written to the outbox through `db`, a transaction, besides the
 * replies to the person writing: the runtime then flushes everyone's due messages after the
 * commit instead of waiting for the next sweep. Every function that writes such rows calls it.
 */
export function noteQueued(db: Db): void {
  queuedIn.add(db);
}

/** True when {@link noteQueued} was called for `db`. */
export function wasQueuedIn(db: Db): boolean {
  return queuedIn.has(db);
}

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
  noteQueued(db);
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
 * Who claims: the instance id the claiming process holds the advisory lock of
 * (src/db/instance-lock.ts), or null for a process without one (embedded PGlite), whose
 * claims end only with their lease.
 */
export type Claimer = number | null;

/** The row is still claimed by `claimedBy`: nobody took it back meanwhile. */
function claimedBy(claimer: Claimer): SQL | undefined {
  return claimer === null ? isNull(outbox.claimedBy) : eq(outbox.claimedBy, claimer);
}

/**
 * Claims the contact's due messages for sending, oldest first, up to `limit`.
 * Claims nothing while an older message of the contact is still being sent or waits
 * for a retry, so one person's messages never overtake each other; nor while another
 * sender holds a row lock on an older one (it is claiming or recording it right now):
 * `SKIP LOCKED` would otherwise hand this sender the newer messages behind it. Two senders
 * scanning at once can each lock rows between the other's (one holds 1, 22 and 23 while
 * the other holds 2 to 21): only the run of locked rows that are the oldest open ones,
 * with none missing, is claimed.
 */
export async function claimContactMessages(
  db: Db,
  params: { contactId: string; now: Date; leaseUntil: Date; limit: number; claimer: Claimer },
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
    // The oldest open rows, locked or not: the locked ones must be these, in order.
    const oldest = await tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(eq(outbox.contactId, params.contactId), inArray(outbox.status, ['pending', 'sending'])),
      )
      .orderBy(asc(outbox.id))
      .limit(params.limit);
    const claimable: OutboxRow[] = [];
    for (const [index, row] of open.entries()) {
      if (Number(row.id) !== Number(oldest[index]?.id)) break;
      if (row.status !== 'pending' || row.nextAttemptAt > params.now) break;
      claimable.push(row);
    }
    if (claimable.length === 0) return [];
    await tx
      .update(outbox)
      .set({ status: 'sending', claimedUntil: params.leaseUntil, claimedBy: params.claimer })
      .where(
        inArray(
          outbox.id,
          claimable.map((r) => r.id),
        ),
      );
    return claimable.map((row) => ({
      ...row,
      status: 'sending',
      claimedUntil: params.leaseUntil,
      claimedBy: params.claimer,
    }));
  });
}

/** Records messages as delivered to the platform. */
export async function markSent(db: Db, params: { ids: number[]; now: Date }): Promise<void> {
  if (params.ids.length === 0) return;
  await db
    .update(outbox)
    .set({
      status: 'sent',
      sentAt: params.now,
      claimedUntil: null,
      claimedBy: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: null,
    })
    .where(inArray(outbox.id, params.ids));
}

/**
 * Puts a message back to wait until `retryAt`, counting the failed attempt; unless it was
 * taken back from `claimer` meanwhile (another sender may be sending it now).
 */
export async function markRetry(
  db: Db,
  params: { id: number; retryAt: Date; error: string; claimer: Claimer },
): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'pending',
      nextAttemptAt: params.retryAt,
      claimedUntil: null,
      claimedBy: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: params.error,
    })
    .where(and(eq(outbox.id, params.id), claimedBy(params.claimer)));
}

/** Gives a message up for good. */
export async function markFailed(db: Db, params: { id: number; error: string }): Promise<void> {
  await db
    .update(outbox)
    .set({
      status: 'failed',
      claimedUntil: null,
      claimedBy: null,
      attempts: sql`${outbox.attempts} + 1`,
      lastError: params.error,
    })
    .where(eq(outbox.id, params.id));
}

/**
 * Returns to pending the messages `claimer` claimed and did not attempt (a send before
 * them failed, or its instance lock was lost); those taken back meanwhile stay as they are.
 */
export async function releaseClaims(
  db: Db,
  params: { ids: number[]; claimer: Claimer },
): Promise<void> {
  if (params.ids.length === 0) return;
  await db
    .update(outbox)
    .set({ status: 'pending', claimedUntil: null, claimedBy: null })
    .where(
      and(inArray(outbox.id, params.ids), eq(outbox.status, 'sending'), claimedBy(params.claimer)),
    );
}

/**
 * Extends to `leaseUntil` the lease of the messages `claimer` is still sending among `ids`,
 * so that a live sender's slow send (a long wait in the channel's pace, a slow platform)
 * is never taken for a dead one's.
 */
export async function renewClaims(
  db: Db,
  params: { ids: number[]; claimer: number; leaseUntil: Date },
): Promise<number> {
  if (params.ids.length === 0) return 0;
  const rows = await db
    .update(outbox)
    .set({ claimedUntil: params.leaseUntil })
    .where(
      and(
        inArray(outbox.id, params.ids),
        eq(outbox.status, 'sending'),
        eq(outbox.claimedBy, params.claimer),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Fails every waiting message to one address: the person cannot be reached there. */
export async function failPendingForAddress(
  db: Db,
  params: { channel: string; externalId: string; error: string },
): Promise<void> {
  await db
    .update(outbox)
    .set({ status: 'failed', claimedUntil: null, claimedBy: null, lastError: params.error })
    .where(
      and(
        eq(outbox.channel, params.channel),
        eq(outbox.externalId, params.externalId),
        inArray(outbox.status, ['pending', 'sending']),
      ),
    );
}

/**
 * Instance ids whose advisory lock some session of this database holds: the live
 * sending processes. `pg_locks` shows every database of the server, hence the filter.
 */
const liveInstances = sql`
  select l.objid::bigint from pg_locks l
  where l.locktype = 'advisory' and l.granted and l.objsubid = 2
    and l.classid::bigint = ${INSTANCE_LOCK_CLASS}
    and l.database = (select oid from pg_database where datname = current_database())`;

/**
 * Returns to pending the messages whose sender is gone: those claimed by an instance whose
 * lock nobody holds any more (its process died: taken back at once), and, as a fallback,
 * those whose lease ended by `now` (a claim without a lock, or a sender that stopped
 * renewing). One of them may have reached the person just before the crash: it is sent
 * again.
 */
export async function reclaimAbandoned(db: Db, params: { now: Date }): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ status: 'pending', claimedUntil: null, claimedBy: null })
    .where(
      and(
        eq(outbox.status, 'sending'),
        or(
          lte(outbox.claimedUntil, params.now),
          and(isNotNull(outbox.claimedBy), sql`${outbox.claimedBy} not in (${liveInstances})`),
        ),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/**
 * Contacts with a message due on one of `channels`: those with a reply to a person chatting
 * first, then the bulk lane's (outbox `priority`), oldest first within each.
 */
export async function contactsWithDueMessages(
  db: Db,
  params: { channels: string[]; now: Date; limit: number },
): Promise<{ contactId: string; priority: number }[]> {
  if (params.channels.length === 0) return [];
  const rows = await db
    .select({
      contactId: outbox.contactId,
      priority: sql<number>`min(${outbox.priority})`.mapWith(Number),
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.status, 'pending'),
        lte(outbox.nextAttemptAt, params.now),
        inArray(outbox.channel, params.channels),
      ),
    )
    .groupBy(outbox.contactId)
    .orderBy(sql`min(${outbox.priority})`, sql`min(${outbox.id})`)
    .limit(params.limit);
  return rows;
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
