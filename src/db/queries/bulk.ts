import { and, asc, count, eq, gte, inArray, isNotNull, isNull } from 'drizzle-orm';
import { PRIVACY_NOTICE_VERSION } from '../../domain/privacy.js';
import type { Db } from '../client.js';
import { broadcastOptOuts, bulkRecipients, bulkSends, contacts, outbox } from '../schema/index.js';
import { type NotificationAddress, notificationAddressesOf } from './notifications.js';

/** Outbox priority of the bulk lane: after every reply to a person chatting (priority 0). */
export const OUTBOX_PRIORITY_BULK = 10;
/** Outbox priority of urgent bulk sends (disaster warnings): after replies, before the rest. */
export const OUTBOX_PRIORITY_URGENT = 5;
/** Recipient rows written per statement (PostgreSQL takes at most 65,535 parameters). */
const RECIPIENT_INSERT_CHUNK = 1_000;

/** One person a bulk send is for, with their own message when it differs. */
export interface BulkRecipient {
  contactId: string;
  message?: unknown;
}

/**
 * Why a recipient got nothing: `gone` (deleted, unregistered or without consent when fed),
 * `no_address`, `unreachable`, `opted_out` (asked for no announcements; sends that heed
 * it), `stopped` (the send was stopped before them); a broadcast's audience also records
 * `no_consent` when it starts.
 */
export type SkipReason =
  | 'gone'
  | 'no_consent'
  | 'no_address'
  | 'unreachable'
  | 'opted_out'
  | 'stopped'
  | typeof DAILY_CAP_REASON;

/**
 * Why a recipient waits for another day: their channel's daily cap of bulk messages was
 * reached (Baileys). Not final: {@link reviveCapped} puts them back to waiting.
 */
export const DAILY_CAP_REASON = 'daily_cap';

/** How a bulk send is fed, besides its message. */
export interface BulkSendOptions {
  /** Outbox priority of its messages; {@link OUTBOX_PRIORITY_BULK} by default. */
  priority?: number;
  /** Only identities on this channel are written to. */
  channel?: string | null;
  /** People who asked for no announcements are skipped (broadcasts). */
  skipOptedOut?: boolean;
}

/** Writes a bulk send and its recipients (each once) in the caller's transaction. */
export async function insertBulkSend(
  db: Db,
  params: {
    id: string;
    kind: string;
    message: unknown;
    recipients: BulkRecipient[];
    now: Date;
  } & BulkSendOptions,
): Promise<void> {
  await db.insert(bulkSends).values({
    id: params.id,
    kind: params.kind,
    message: params.message,
    priority: params.priority ?? OUTBOX_PRIORITY_BULK,
    channel: params.channel ?? null,
    skipOptedOut: params.skipOptedOut ?? false,
    createdAt: params.now,
  });
  for (let start = 0; start < params.recipients.length; start += RECIPIENT_INSERT_CHUNK) {
    const chunk = params.recipients.slice(start, start + RECIPIENT_INSERT_CHUNK);
    await db
      .insert(bulkRecipients)
      .values(
        chunk.map((r) => ({
          bulkId: params.id,
          contactId: r.contactId,
          message: r.message ?? null,
        })),
      )
      .onConflictDoNothing();
  }
}

/** Messages the outbox holds that are not sent or given up yet: how full it is. */
export async function countOpenOutbox(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'sending']));
  return Number(row?.n ?? 0);
}

/** A waiting recipient, with where and what to send. */
export interface WaitingRecipient {
  contactId: string;
  message: unknown;
  /** Undefined when they are no longer someone the bot may write to. */
  address?: NotificationAddress;
  eligible: boolean;
  /** They asked for no announcements and the send heeds it. */
  optedOut: boolean;
}

/** How a send is fed now: its priority, whether it was stopped, whether feeding ended. */
export interface BulkSendState {
  priority: number;
  stopped: boolean;
  finished: boolean;
}

/** The feeding state of a bulk send; undefined when it is gone (purged). */
export async function bulkSendState(
  db: Db,
  params: { bulkId: string },
): Promise<BulkSendState | undefined> {
  const [row] = await db
    .select({
      priority: bulkSends.priority,
      stoppedAt: bulkSends.stoppedAt,
      finishedAt: bulkSends.finishedAt,
    })
    .from(bulkSends)
    .where(eq(bulkSends.id, params.bulkId));
  return row
    ? { priority: row.priority, stopped: row.stoppedAt !== null, finished: row.finishedAt !== null }
    : undefined;
}

/**
 * Locks up to `limit` waiting recipients of a send (skipping those another feeder holds),
 * by contact id, with their message and best address; `eligible` is false
 * for a person who deleted their data (or is gone altogether), withdrew consent or never
 * registered.
 */
export async function takeWaitingRecipients(
  tx: Db,
  params: { bulkId: string; limit: number },
): Promise<WaitingRecipient[]> {
  const rows = await tx
    .select({
      contactId: bulkRecipients.contactId,
      message: bulkRecipients.message,
      defaultMessage: bulkSends.message,
      registeredAt: contacts.registeredAt,
      consentVersion: contacts.consentVersion,
      deletedAt: contacts.deletedAt,
      channel: bulkSends.channel,
      skipOptedOut: bulkSends.skipOptedOut,
      stoppedAt: broadcastOptOuts.stoppedAt,
    })
    .from(bulkRecipients)
    .innerJoin(bulkSends, eq(bulkSends.id, bulkRecipients.bulkId))
    // A person whose tombstone was purged meanwhile has no row: not eligible, skipped.
    .leftJoin(contacts, eq(contacts.id, bulkRecipients.contactId))
    .leftJoin(broadcastOptOuts, eq(broadcastOptOuts.contactId, bulkRecipients.contactId))
    .where(and(eq(bulkRecipients.bulkId, params.bulkId), eq(bulkRecipients.status, 'waiting')))
    .orderBy(asc(bulkRecipients.contactId))
    .limit(params.limit)
    .for('update', { of: bulkRecipients, skipLocked: true });
  const addresses = await notificationAddressesOf(tx, {
    contactIds: rows.map((r) => r.contactId),
    channel: rows[0]?.channel ?? undefined,
  });
  return rows.map((row) => ({
    contactId: row.contactId,
    message: row.message ?? row.defaultMessage,
    address: addresses.get(row.contactId),
    eligible:
      row.deletedAt === null &&
      row.registeredAt !== null &&
      row.consentVersion === PRIVACY_NOTICE_VERSION,
    optedOut: row.skipOptedOut && row.stoppedAt !== null,
  }));
}

/** A recipient to write to: their message, at their address. */
export interface QueueRow {
  contactId: string;
  message: unknown;
  address: NotificationAddress;
}

/** Writes the bulk lane's outbox rows and marks their recipients queued. */
export async function queueRecipients(
  tx: Db,
  params: { bulkId: string; rows: QueueRow[]; now: Date; priority?: number },
): Promise<void> {
  if (params.rows.length === 0) return;
  await tx.insert(outbox).values(
    params.rows.map((row) => ({
      contactId: row.contactId,
      channel: row.address.channel,
      externalId: row.address.externalId,
      message: row.message,
      status: 'pending',
      priority: params.priority ?? OUTBOX_PRIORITY_BULK,
      bulkId: params.bulkId,
      nextAttemptAt: params.now,
      createdAt: params.now,
    })),
  );
  await tx
    .update(bulkRecipients)
    .set({ status: 'queued', queuedAt: params.now })
    .where(
      and(
        eq(bulkRecipients.bulkId, params.bulkId),
        inArray(
          bulkRecipients.contactId,
          params.rows.map((r) => r.contactId),
        ),
      ),
    );
}

/** Marks recipients skipped, with the reason. */
export async function skipRecipients(
  tx: Db,
  params: { bulkId: string; contactIds: string[]; reason: SkipReason },
): Promise<void> {
  if (params.contactIds.length === 0) return;
  await tx
    .update(bulkRecipients)
    .set({ status: 'skipped', skipReason: params.reason })
    .where(
      and(
        eq(bulkRecipients.bulkId, params.bulkId),
        inArray(bulkRecipients.contactId, params.contactIds),
      ),
    );
}

/**
 * Stops a bulk send: nothing more is fed, and its messages still waiting in the outbox
 * (not those being sent right now) are withdrawn; their recipients and those not fed yet
 * are recorded as skipped, `stopped`. Returns how many messages were withdrawn.
 */
export async function stopBulkSend(tx: Db, params: { bulkId: string; now: Date }): Promise<number> {
  await tx
    .update(bulkSends)
    .set({ stoppedAt: params.now })
    .where(and(eq(bulkSends.id, params.bulkId), isNull(bulkSends.stoppedAt)));
  const withdrawn = await tx
    .delete(outbox)
    .where(and(eq(outbox.bulkId, params.bulkId), eq(outbox.status, 'pending')))
    .returning({ contactId: outbox.contactId });
  const ids = withdrawn.map((row) => row.contactId);
  for (let start = 0; start < ids.length; start += RECIPIENT_INSERT_CHUNK) {
    await skipRecipients(tx, {
      bulkId: params.bulkId,
      contactIds: ids.slice(start, start + RECIPIENT_INSERT_CHUNK),
      reason: 'stopped',
    });
  }
  await tx
    .update(bulkRecipients)
    .set({ status: 'skipped', skipReason: 'stopped' })
    .where(and(eq(bulkRecipients.bulkId, params.bulkId), eq(bulkRecipients.status, 'waiting')));
  return withdrawn.length;
}

/** Bulk messages written for `channel` since `since` (any send, any status): a day's use. */
export async function countBulkSince(
  db: Db,
  params: { channel: string; since: Date },
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(
      and(
        eq(outbox.channel, params.channel),
        isNotNull(outbox.bulkId),
        gte(outbox.createdAt, params.since),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Recipients of a send set aside by a daily cap. */
export async function countCapped(db: Db, params: { bulkId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bulkRecipients)
    .where(
      and(
        eq(bulkRecipients.bulkId, params.bulkId),
        eq(bulkRecipients.skipReason, DAILY_CAP_REASON),
      ),
    );
  return Number(row?.n ?? 0);
}

/** Puts up to `limit` recipients set aside by a daily cap back to waiting. */
export async function reviveCapped(
  tx: Db,
  params: { bulkId: string; limit: number },
): Promise<void> {
  if (params.limit <= 0) return;
  const capped = tx
    .select({ contactId: bulkRecipients.contactId })
    .from(bulkRecipients)
    .where(
      and(
        eq(bulkRecipients.bulkId, params.bulkId),
        eq(bulkRecipients.skipReason, DAILY_CAP_REASON),
      ),
    )
    .limit(params.limit);
  await tx
    .update(bulkRecipients)
    .set({ status: 'waiting', skipReason: null })
    .where(
      and(eq(bulkRecipients.bulkId, params.bulkId), inArray(bulkRecipients.contactId, capped)),
    );
}

/** Records that every recipient of a send was queued or skipped. */
export async function finishBulkSend(tx: Db, params: { bulkId: string; now: Date }): Promise<void> {
  await tx
    .update(bulkSends)
    .set({ finishedAt: params.now })
    .where(and(eq(bulkSends.id, params.bulkId), isNull(bulkSends.finishedAt)));
}

/** Where a bulk send stands, counted from its rows. */
export interface BulkProgress {
  /** Recipients not fed into the outbox yet. */
  waiting: number;
  /** Recipients given nothing (deleted, no consent, no address, unreachable). */
  skipped: number;
  /** Of the recipients queued: waiting in the outbox, sent, given up. */
  queued: number;
  sent: number;
  failed: number;
}

/**
 * The progress of a bulk send: recipients by status, and their outbox rows by status.
 * Outbox rows purged by retention count as queued but neither sent nor failed.
 */
export async function bulkProgress(db: Db, params: { bulkId: string }): Promise<BulkProgress> {
  const recipients = await db
    .select({ status: bulkRecipients.status, n: count() })
    .from(bulkRecipients)
    .where(eq(bulkRecipients.bulkId, params.bulkId))
    .groupBy(bulkRecipients.status);
  const messages = await db
    .select({ status: outbox.status, n: count() })
    .from(outbox)
    .where(eq(outbox.bulkId, params.bulkId))
    .groupBy(outbox.status);
  const of = (rows: { status: string; n: number }[], status: string) =>
    Number(rows.find((r) => r.status === status)?.n ?? 0);
  return {
    waiting: of(recipients, 'waiting'),
    skipped: of(recipients, 'skipped'),
    queued: of(recipients, 'queued'),
    sent: of(messages, 'sent'),
    failed: of(messages, 'failed'),
  };
}
