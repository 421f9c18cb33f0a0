import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The WhatsApp login (Baileys auth state): the credentials under category `creds`
 * and every signal key by its category (`pre-key`, `session`, `sender-key`,
 * `app-state-sync-key`, `lid-mapping`...) and id. One login per database. Values are
 * Baileys' `BufferJSON` documents; they are secrets that let anyone act as the bot's
 * number, so never log or export them.
 */
export const whatsappAuth = pgTable(
  'whatsapp_auth',
  {
    category: text('category').notNull(),
    id: text('id').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.category, t.id] })],
);
