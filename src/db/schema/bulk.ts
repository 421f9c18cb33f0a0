import { sql } from 'drizzle-orm';
import {
  boolean,
  index,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/**
 * A proactive send to many people (reminders, broadcasts): the one bulk lane. Its
 * recipients are rows fed into the outbox in batches while the outbox is not too full
 * (src/runtime/scheduler-bulk.ts); progress is counted from those rows.
 */
export const bulkSends = pgTable('bulk_sends', {
  id: text('id').primaryKey(),
  /** What it is for, e.g. `reminder` or `broadcast`. */
  kind: text('kind').notNull(),
  /** An Outbound message: i18n keys and params, rendered in each person's language at send. */
  message: jsonb('message').notNull(),
  /** Outbox priority of its messages: after replies (0); urgent sends (5) before normal (10). */
  priority: smallint('priority').notNull().default(10),
  /** Only this channel's identities are written to; null: each person's best address. */
  channel: text('channel'),
  /** People who asked for no announcements (`broadcast_opt_outs`) are skipped (broadcasts). */
  skipOptedOut: boolean('skip_opted_out').notNull().default(false),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  /** When the last recipient was fed into the outbox (or skipped). */
  finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  /** Set when it was stopped: nothing more is fed, what waits in the outbox is withdrawn. */
  stoppedAt: timestamp('stopped_at', { withTimezone: true, mode: 'date' }),
});

/**
 * One person a bulk send is for. No foreign keys: a broadcast writes 100,000 of these in
 * one statement, and the two per-row key checks took as long as the rest of it. What a
 * cascade did is done by hand: retention deletes a send's rows with it
 * (`purgeFinishedWork`), erasure a person's with their tombstone (`purgeDeletedContact`),
 * and the feeder skips a row whose person is gone (`takeWaitingRecipients`).
 */
export const bulkRecipients = pgTable(
  'bulk_recipients',
  {
    bulkId: text('bulk_id').notNull(),
    contactId: text('contact_id').notNull(),
    /** waiting → queued (an outbox row was written) | skipped (see `skipReason`). */
    status: text('status').notNull().default('waiting'),
    /**
     * gone (deleted, unregistered or without consent), no_address, unreachable; for
     * broadcasts also opted_out, not_written (Baileys: never wrote to the bot's number)
     * and stopped (the send was stopped first).
     */
    skipReason: text('skip_reason'),
    /** This person's own message, when it differs from the send's. */
    message: jsonb('message'),
    queuedAt: timestamp('queued_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    primaryKey({ columns: [t.bulkId, t.contactId] }),
    // The feeder's next batch, in contact order, without sorting every waiting row.
    index('bulk_recipients_waiting_idx').on(t.bulkId, t.contactId).where(sql`status = 'waiting'`),
    index('bulk_recipients_contact_idx').on(t.contactId),
  ],
);
