import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * Every consent answer, as UU PDP asks it to be recorded: the notice version, the time,
 * the channel and the answer (accepted, declined, withdrawn). When a person deletes their
 * data the link to them is cut and the record stays, anonymous.
 */
export const consents = pgTable(
  'consents',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    noticeVersion: integer('notice_version').notNull(),
    /** accepted, declined or withdrawn. */
    answer: text('answer').notNull(),
    /** The channel the answer came from (telegram, whatsapp, console). */
    channel: text('channel').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('consents_contact_idx').on(t.contactId, t.createdAt)],
);
