import { boolean, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/** Suggestions about Sapa Desa itself, sent from the main menu. */
export const feedback = pgTable(
  'feedback',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    topic: text('topic').notNull(),
    message: text('message').notNull(),
    /** 1 (poor) to 5 (very good). */
    rating: integer('rating').notNull(),
    wantsReply: boolean('wants_reply').notNull(),
    mediaIds: jsonb('media_ids').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('feedback_created_idx').on(t.createdAt)],
);
