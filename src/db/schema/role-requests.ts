import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * A role above warga that a person asked for. It is held only once an admin confirms it;
 * the person is told either way.
 */
export const roleRequests = pgTable(
  'role_requests',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    /** kader_digital, duta_digital, perangkat_desa or pendamping_desa. */
    role: text('role').notNull(),
    /** pending → confirmed | rejected; cancelled when the person changes their mind. */
    status: text('status').notNull().default('pending'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    /** The admin who decided; null while pending, or once that admin deleted their data. */
    decidedBy: text('decided_by').references(() => contacts.id, { onDelete: 'set null' }),
  },
  (t) => [
    index('role_requests_status_idx').on(t.status, t.createdAt),
    index('role_requests_contact_idx').on(t.contactId),
  ],
);
