import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { channelIdentities, conversations, outbox } from '../schema/index.js';
import { noteQueued } from './outbox.js';

/** Where a contact is written to without a message of theirs to answer. */
export interface NotificationAddress {
  channel: string;
  externalId: string;
  /** The platform said this identity cannot be reached (and no other one can be). */
  unreachable: boolean;
}

/** What the outbox records for a message given up before any attempt. */
export const UNREACHABLE_ERROR = 'unreachable';

/**
 * The best address of a contact for a message they did not ask for: a reachable identity
 * before an unreachable one, then the channel they last wrote on, then the newest.
 * Undefined when they have no channel identity left.
 */
export async function notificationAddressOf(
  db: Db,
  params: { contactId: string },
): Promise<NotificationAddress | undefined> {
  const found = await notificationAddressesOf(db, { contactIds: [params.contactId] });
  return found.get(params.contactId);
}

/**
 * {@link notificationAddressOf} for many contacts in one query (the bulk lane's batches);
 * with `channel`, only identities on that channel.
 */
export async function notificationAddressesOf(
  db: Db,
  params: { contactIds: string[]; channel?: string },
): Promise<Map<string, NotificationAddress>> {
  if (params.contactIds.length === 0) return new Map();
  const rows = await db
    .selectDistinctOn([channelIdentities.contactId], {
      contactId: channelIdentities.contactId,
      channel: channelIdentities.channel,
      externalId: channelIdentities.externalId,
      unreachableSince: channelIdentities.unreachableSince,
    })
    .from(channelIdentities)
    .leftJoin(conversations, eq(conversations.contactId, channelIdentities.contactId))
    .where(
      and(
        inArray(channelIdentities.contactId, params.contactIds),
        params.channel ? eq(channelIdentities.channel, params.channel) : undefined,
      ),
    )
    .orderBy(
      channelIdentities.contactId,
      sql`(${channelIdentities.unreachableSince} is null) desc`,
      sql`(${channelIdentities.channel} = ${conversations.channel}) is true desc`,
      desc(channelIdentities.createdAt),
    );
  return new Map(
    rows.map((row) => [
      row.contactId,
      { channel: row.channel, externalId: row.externalId, unreachable: !!row.unreachableSince },
    ]),
  );
}

/**
 * Writes messages for a contact to `address` in the caller's transaction. To an unreachable
 * address they are written as failed at once: recorded, never attempted, never retried.
 */
export async function enqueueToAddress(
  db: Db,
  params: {
    contactId: string;
    address: NotificationAddress;
    messages: unknown[];
    now: Date;
    /** Outbox priority; 0 (a reply's) by default. */
    priority?: number;
  },
): Promise<void> {
  if (params.messages.length === 0) return;
  const { address } = params;
  noteQueued(db);
  await db.insert(outbox).values(
    params.messages.map((message) => ({
      contactId: params.contactId,
      channel: address.channel,
      externalId: address.externalId,
      message,
      status: address.unreachable ? 'failed' : 'pending',
      lastError: address.unreachable ? UNREACHABLE_ERROR : null,
      nextAttemptAt: params.now,
      createdAt: params.now,
      priority: params.priority ?? 0,
    })),
  );
}

/** How {@link notifyContact} ended. */
export type NotifyOutcome = 'queued' | 'unreachable' | 'no_address';

/** Queues a notification for a contact on their best address, in the caller's transaction. */
export async function notifyContact(
  db: Db,
  params: { contactId: string; messages: unknown[]; now: Date },
): Promise<NotifyOutcome> {
  const address = await notificationAddressOf(db, params);
  if (!address) return 'no_address';
  await enqueueToAddress(db, { ...params, address });
  return address.unreachable ? 'unreachable' : 'queued';
}
