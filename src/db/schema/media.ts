import { integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

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
