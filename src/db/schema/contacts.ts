import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** A person the bot talks to, whatever channels they use. */
export const contacts = pgTable('contacts', {
  id: text('id').primaryKey(),
  /** Chosen by the person during onboarding; null until then. */
  displayName: text('display_name'),
  language: text('language').notNull(),
  /** warga, kader_digital, duta_digital, perangkat_desa, pendamping_desa or admin. */
  role: text('role').notNull().default('warga'),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** How a contact is reached on one channel: a Telegram chat id, a WhatsApp LID, a console name. */
export const channelIdentities = pgTable(
  'channel_identities',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    /** E.164 phone number when the platform tells it; personal data. */
    phone: text('phone'),
    /** Set when the platform said the person cannot be reached (blocked the bot). */
    unreachableSince: timestamp('unreachable_since', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('channel_identities_channel_external_uq').on(t.channel, t.externalId),
    index('channel_identities_contact_idx').on(t.contactId),
  ],
);

/** Stored media: bytes live under DATA_DIR/media by content hash, metadata here. */
export const media = pgTable(
  'media',
  {
    id: text('id').primaryKey(),
    /** SHA-256 of the stored (re-encoded) bytes, hex. */
    sha256: text('sha256').notNull(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    width: integer('width'),
    height: integer('height'),
    /** Channel the file came from, e.g. telegram, whatsapp, console. */
    originChannel: text('origin_channel').notNull(),
    /** The platform's own id for the file, when it has one (Telegram file_id). */
    originRef: text('origin_ref'),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('media_sha256_uq').on(t.sha256)],
);

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
    /** pending → sending → sent | failed; sending rows past `claimedUntil` are pending again. */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull(),
    claimedUntil: timestamp('claimed_until', { withTimezone: true, mode: 'date' }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('outbox_contact_status_idx').on(t.contactId, t.status, t.id),
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
  ],
);
