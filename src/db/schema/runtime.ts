import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/** Every inbound platform message id seen; a redelivery finds its row and changes nothing. */
export const inboundMessages = pgTable(
  'inbound_messages',
  {
    channel: text('channel').notNull(),
    messageId: text('message_id').notNull(),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.channel, t.messageId] }),
    index('inbound_messages_received_idx').on(t.receivedAt),
    // A person's records: their latest message on a channel (the Cloud API's 24-hour
    // window, looked up at every send there) and their erasure.
    index('inbound_messages_contact_idx').on(t.contactId, t.channel, t.receivedAt),
  ],
);

/** The one live conversation of a contact: a stack of flow frames, plain JSON. */
export const conversations = pgTable('conversations', {
  contactId: text('contact_id')
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  /** Channel the person last wrote on; replies go there. */
  channel: text('channel').notNull(),
  state: jsonb('state').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * Everything the bot sends, written in the transaction that caused it and sent
 * after commit. Also the delivery record: status, attempts, last error.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    /** An Outbound message: i18n keys and params, resolved in the person's language at send. */
    message: jsonb('message').notNull(),
    /**
     * pending → sending → sent | failed; sending rows are pending again once `claimedUntil`
     * is past or their `claimedBy` instance is gone.
     */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true, mode: 'date' }),
    /**
     * The sending process's instance id, while it holds that id's advisory lock on PostgreSQL
     * (src/db/instance-lock.ts); null when claimed without one (embedded PGlite).
     */
    claimedBy: integer('claimed_by'),
    lastError: text('last_error'),
    /**
     * Lower goes first: the sweeper serves people who are chatting (0) before the bulk
     * lane (src/runtime/scheduler-bulk.ts). One person's messages keep their order.
     */
    priority: smallint('priority').notNull().default(0),
    /** The bulk send this message is part of (`bulk_sends.id`), for its progress. */
    bulkId: text('bulk_id'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    /**
     * The platform's id of the message sent (of its last part), where the platform reports
     * delivery (WhatsApp Cloud API `wamid…`), to record its status webhooks here.
     */
    platformMessageId: text('platform_message_id'),
    /** When the platform said the message reached the person's phone. */
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'date' }),
    /** When the platform said the person read it. */
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_contact_status_idx').on(t.contactId, t.status, t.id),
    index('outbox_platform_message_idx')
      .on(t.platformMessageId)
      .where(sql`platform_message_id is not null`),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    index('outbox_bulk_idx').on(t.bulkId, t.status).where(sql`bulk_id is not null`),
  ],
);
