import { bigint, index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * One-time sign-in links of the admin web, sent by `/web` in the chat. Only the SHA-256 of
 * the token is stored: the database alone cannot sign anybody in.
 */
export const webLoginTokens = pgTable(
  'web_login_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Set when the link opened a session: it never works again. */
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('web_login_tokens_contact_idx').on(t.contactId)],
);

/** Signed-in browsers of the admin web; the cookie holds the session id, stored hashed. */
export const webSessions = pgTable(
  'web_sessions',
  {
    idHash: text('id_hash').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** The token every changing form of this session carries. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** The last request: the session ends after a spell of inactivity. */
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('web_sessions_contact_idx').on(t.contactId)],
);

/**
 * What staff did, on the web or in the chat: who, what, on what, when, and the values
 * before and after. /hapusdata of a person redacts their personal values and keeps the
 * entry.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** Who did it; null once they deleted their data. */
    actorId: text('actor_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Their name at the time (redacted by /hapusdata). */
    actorName: text('actor_name'),
    actorRole: text('actor_role').notNull(),
    /** `web` or the chat channel the action came in on. */
    channel: text('channel').notNull(),
    /** What was done: `report.move`, `role.decide`, ... */
    action: text('action').notNull(),
    /** What it was done to: a report ticket, a contact id. */
    subject: text('subject').notNull(),
    /** The person the entry is about, when it is about one (a role decision): for /hapusdata. */
    subjectContactId: text('subject_contact_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt),
    index('audit_log_actor_idx').on(t.actorId),
    index('audit_log_subject_contact_idx').on(t.subjectContactId),
  ],
);
