import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/**
 * Timed work (service-level timers, retention, bulk feeding): one row per job, written in
 * the transaction of the change that made it due, so a rolled-back change schedules
 * nothing. A job is run in one transaction that holds its row lock (taken with
 * `FOR UPDATE SKIP LOCKED`) and records the outcome: another process skips it meanwhile,
 * and a process that dies mid-run leaves it pending, its half-done work rolled back.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    /** The handler that runs it, e.g. `report.verify_overdue`. */
    kind: text('kind').notNull(),
    /** The handler's input: ids, never personal data. */
    payload: jsonb('payload').notNull(),
    /** When it may run; pushed back after a failure (backoff) or by a handler asking to run again. */
    dueAt: timestamp('due_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** pending → done | failed. */
    status: text('status').notNull().default('pending'),
    /** Failed runs so far. */
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** Scheduling the same key again while one is pending does nothing. */
    dedupeKey: text('dedupe_key'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    index('jobs_due_idx').on(t.status, t.dueAt),
    uniqueIndex('jobs_dedupe_pending_uq').on(t.dedupeKey).where(sql`status = 'pending'`),
  ],
);
