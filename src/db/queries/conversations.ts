import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { rowsOf } from '../rows.js';
import { channelIdentities, contacts, conversations, inboundMessages } from '../schema/index.js';
import type { ChannelIdentity, Contact } from './contacts.js';

/**
 * Records an inbound message id. Returns false when it was already recorded: the
 * platform delivered it again and it must change nothing. Without `contactId` for what
 * a channel answers itself, outside any conversation (a group invitation).
 */
export async function recordInbound(
  db: Db,
  params: { channel: string; messageId: string; contactId?: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(inboundMessages)
    .values({
      channel: params.channel,
      messageId: params.messageId,
      contactId: params.contactId ?? null,
      receivedAt: params.now,
    })
    .onConflictDoNothing()
    .returning({ messageId: inboundMessages.messageId });
  return rows.length > 0;
}

/** True when an inbound message id is recorded: a delivery of it again changes nothing. */
export async function isInboundRecorded(
  db: Db,
  params: { channel: string; messageId: string },
): Promise<boolean> {
  const rows = await db
    .select({ messageId: inboundMessages.messageId })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.channel, params.channel),
        eq(inboundMessages.messageId, params.messageId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The contact's conversation row, locked for this transaction so that two processes
 * never run the same person's conversation at once.
 */
export async function loadConversationForUpdate(
  db: Db,
  params: { contactId: string },
): Promise<{ state: unknown; channel: string } | undefined> {
  const rows = await db
    .select({ state: conversations.state, channel: conversations.channel })
    .from(conversations)
    .where(eq(conversations.contactId, params.contactId))
    .for('update')
    .limit(1);
  return rows[0];
}

/** Saves the conversation state and the channel the person last used. */
export async function saveConversation(
  db: Db,
  params: { contactId: string; channel: string; state: unknown; now: Date },
): Promise<void> {
  await db
    .insert(conversations)
    .values({
      contactId: params.contactId,
      channel: params.channel,
      state: params.state,
      updatedAt: params.now,
    })
    .onConflictDoUpdate({
      target: conversations.contactId,
      set: { channel: params.channel, state: params.state, updatedAt: params.now },
    });
}

/** A person's turn opened by {@link openTurn}: who they are and where their conversation is. */
export interface OpenTurn {
  contact: Contact;
  identity: ChannelIdentity;
  state: unknown;
  /** True when this message id was recorded already: a redelivery. */
  seen: boolean;
}

/**
 * The usual start of a person's message, in one statement: their contact and identity on
 * `channel`, their conversation row locked for the transaction (two processes never run one
 * person's conversation at once; the state read is the one the lock holder left), and
 * whether the message id was recorded before. Undefined for someone unknown on the channel,
 * or without a conversation row yet (their first message): see the slower path in the
 * runtime.
 */
export async function openTurn(
  db: Db,
  params: { channel: string; externalId: string; messageId: string },
): Promise<OpenTurn | undefined> {
  const rows = await db
    .select({
      contact: contacts,
      identity: channelIdentities,
      state: conversations.state,
      seen: sql<boolean>`exists (select 1 from inbound_messages m where m.channel = ${params.channel} and m.message_id = ${params.messageId})`.mapWith(
        Boolean,
      ),
    })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .innerJoin(conversations, eq(conversations.contactId, contacts.id))
    .where(
      and(
        eq(channelIdentities.channel, params.channel),
        eq(channelIdentities.externalId, params.externalId),
      ),
    )
    .for('update', { of: conversations })
    .limit(1);
  return rows[0];
}

/** An outbox row written by {@link closeTurn}: claimed for sending at once, or queued. */
export interface QueuedMessage {
  id: number;
  status: 'sending' | 'pending';
}

/**
 * The usual end of a person's message, in one statement: saves the conversation (and the
 * channel they wrote on), records the message id, and writes the replies to the outbox,
 * already claimed (`sending`, with `leaseUntil` and `claimer`) so that the sender after the
 * commit needs no claim of its own; left `pending` when an older message of theirs is still
 * waiting, which must go first. `fresh` is false when the message id was recorded meanwhile
 * (a redelivery that raced the first): then nothing was written and the caller rolls back.
 * `contactId` null records the id for nobody (a person who just deleted their data).
 */
export async function closeTurn(
  db: Db,
  params: {
    contactId: string;
    channel: string;
    externalId: string;
    messageId: string;
    recordFor: string | null;
    state: unknown;
    messages: unknown[];
    now: Date;
    leaseUntil: Date;
    claimer: number | null;
  },
): Promise<{ fresh: boolean; queued: QueuedMessage[] }> {
  const now = params.now.toISOString();
  const rows = await rowsOf<{ fresh: boolean; queued: QueuedMessage[] }>(
    db,
    sql`
    with saved as (
      insert into conversations (contact_id, channel, state, updated_at)
      values (${params.contactId}, ${params.channel}, ${JSON.stringify(params.state)}::jsonb, ${now}::timestamptz)
      on conflict (contact_id) do update
        set channel = excluded.channel, state = excluded.state, updated_at = excluded.updated_at
    ), recorded as (
      insert into inbound_messages (channel, message_id, contact_id, received_at)
      values (${params.channel}, ${params.messageId}, ${params.recordFor}, ${now}::timestamptz)
      on conflict do nothing
      returning 1
    ), waiting as (
      select exists (
        select 1 from outbox o
        where o.contact_id = ${params.contactId} and o.status in ('pending', 'sending')
      ) as older
    ), queued as (
      insert into outbox
        (contact_id, channel, external_id, message, status, next_attempt_at, created_at,
         claimed_until, claimed_by)
      select ${params.contactId}, ${params.channel}, ${params.externalId}, m.message,
        case when w.older then 'pending' else 'sending' end,
        ${now}::timestamptz, ${now}::timestamptz,
        case when w.older then null else ${params.leaseUntil.toISOString()}::timestamptz end,
        case when w.older then null else ${params.claimer}::integer end
      from jsonb_array_elements(${JSON.stringify(params.messages)}::jsonb)
        with ordinality as m(message, n), waiting w
      where exists (select 1 from recorded)
      order by m.n
      returning id, status
    )
    select exists (select 1 from recorded) as fresh,
      coalesce((select json_agg(json_build_object('id', q.id, 'status', q.status) order by q.id)
        from queued q), '[]'::json) as queued`,
  );
  const row = rows[0];
  if (!row) throw new Error('closeTurn returned no row');
  const queued = (
    typeof row.queued === 'string' ? JSON.parse(row.queued) : row.queued
  ) as QueuedMessage[];
  return {
    fresh: Boolean(row.fresh),
    queued: queued.map((q) => ({ id: Number(q.id), status: q.status })),
  };
}

/**
 * Removes from conversation states the drafts kept before `before` (a draft kept before
 * drafts carried their time counts from the conversation's last change), at most `limit`
 * conversations per call; rows a person's message holds are left for the next run.
 * Returns how many conversations changed.
 */
export async function purgeExpiredDrafts(
  db: Db,
  params: { before: Date; limit: number },
): Promise<number> {
  const before = params.before.toISOString();
  const expired = sql`(d.value ->> 'keptAt' < ${before} or (d.value ->> 'keptAt' is null and c2.updated_at < ${before}::timestamptz))`;
  const rows = await rowsOf<{ contact_id: string }>(
    db,
    sql`update conversations c
      set state = case when k.kept is null then c.state - 'drafts'
        else jsonb_set(c.state, '{drafts}', k.kept) end
      from (
        select c2.contact_id,
          (select jsonb_object_agg(d.key, d.value) from jsonb_each(c2.state -> 'drafts') d
            where not ${expired}) as kept
        from conversations c2
        where jsonb_typeof(c2.state -> 'drafts') = 'object'
          and exists (select 1 from jsonb_each(c2.state -> 'drafts') d where ${expired})
        limit ${params.limit}
        for update skip locked
      ) k
      where c.contact_id = k.contact_id
      returning c.contact_id`,
  );
  return rows.length;
}
