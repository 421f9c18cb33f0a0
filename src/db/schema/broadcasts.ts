import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * Announcements from admins and duta digital (siaran): who sent what to whom, when, and
 * how it ended; kept as the audit record after the bulk send's rows (src/db/schema/bulk.ts,
 * the same id) are purged by retention. Its recipients are the bulk send's rows: one per
 * (broadcast, contact), resolved when it starts.
 */
export const broadcasts = pgTable(
  'broadcasts',
  {
    /** Also the id of its bulk send. */
    id: text('id').primaryKey(),
    /** The short number people see and type: "#12". */
    number: integer('number').notNull().generatedAlwaysAsIdentity(),
    /** Who sent it; null once they deleted their data. */
    senderId: text('sender_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** The sender's role when they sent it (admin or duta_digital). */
    senderRole: text('sender_role').notNull(),
    /** Who it is for: roles, region code prefix, language and channel (null: everyone). */
    audience: jsonb('audience').notNull(),
    /** The text in each language written: `{ id?: string; en?: string }`. */
    texts: jsonb('texts').notNull(),
    /** The language of the main text: people of no version of their own get it. */
    mainLanguage: text('main_language').notNull(),
    /** A stored photo sent with it (media id), if any. */
    photoMediaId: text('photo_media_id'),
    /** Disaster warnings and the like: fed before normal broadcasts. */
    urgent: boolean('urgent').notNull().default(false),
    /** scheduled → running → done | stopped; scheduled → cancelled. */
    state: text('state').notNull(),
    /** When it starts (the moment it was confirmed, for one sent at once). */
    startAt: timestamp('start_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The sender's zone (WIB, WITA, WIT), in which its time is shown. */
    zone: text('zone').notNull(),
    /** Final counts when it ended: sent, failed by reason, skipped by reason. */
    counts: jsonb('counts'),
    /** When the sender was last told its progress. */
    progressAt: timestamp('progress_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('broadcasts_created_idx').on(t.createdAt),
    index('broadcasts_open_idx').on(t.state).where(sql`state in ('scheduled', 'running')`),
  ],
);

/**
 * A person's choice about announcements: `stopped_at` set while they asked for none
 * (BERHENTI), null once they asked for them again (LANJUT); `changed_at` is the last choice.
 * Only broadcasts heed it: answers, report news and reminders of joined sessions do not.
 */
export const broadcastOptOuts = pgTable('broadcast_opt_outs', {
  contactId: text('contact_id')
    .primaryKey()
    .references(() => contacts.id, { onDelete: 'cascade' }),
  stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }),
  changedAt: timestamp('changed_at', { withTimezone: true, mode: 'date' }).notNull(),
});
