import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { jobs } from '../schema/index.js';

/** A job row. */
export type JobRow = typeof jobs.$inferSelect;

/**
 * Writes a job in the caller's transaction. With a `dedupeKey` that a pending job already
 * has, nothing is written and false comes back: scheduling one timer twice is harmless.
 */
export async function insertJob(
  db: Db,
  params: { kind: string; payload: unknown; dueAt: Date; dedupeKey?: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(jobs)
    .values({
      kind: params.kind,
      payload: params.payload,
      dueAt: params.dueAt,
      dedupeKey: params.dedupeKey ?? null,
      createdAt: params.now,
    })
    .onConflictDoNothing()
    .returning({ id: jobs.id });
  return rows.length > 0;
}

/** The pending jobs due by `now`, in the order they run: what is due at time T. */
export async function dueJobs(
  db: Db,
  params: { now: Date; kinds?: string[]; limit?: number },
): Promise<JobRow[]> {
  const query = db
    .select()
    .from(jobs)
    .where(dueCondition(params))
    .orderBy(asc(jobs.dueAt), asc(jobs.id));
  return params.limit === undefined ? query : query.limit(params.limit);
}

function dueCondition(params: { now: Date; kinds?: string[] }) {
  return and(
    eq(jobs.status, 'pending'),
    lte(jobs.dueAt, params.now),
    params.kinds ? inArray(jobs.kind, params.kinds) : undefined,
  );
}

/**
 * Locks the next due job of one of `kinds` for the caller's transaction, skipping jobs
 * another transaction holds: the claim lasts exactly as long as that transaction, so it
 * ends with the process that made it.
 */
export async function claimDueJob(
  tx: Db,
  params: { now: Date; kinds: string[] },
): Promise<JobRow | undefined> {
  if (params.kinds.length === 0) return undefined;
  const rows = await tx
    .select()
    .from(jobs)
    .where(dueCondition(params))
    .orderBy(asc(jobs.dueAt), asc(jobs.id))
    .limit(1)
    .for('update', { skipLocked: true });
  return rows[0];
}

/** Records a claimed job as done. */
export async function finishJob(tx: Db, params: { id: number; now: Date }): Promise<void> {
  await tx
    .update(jobs)
    .set({ status: 'done', finishedAt: params.now, lastError: null })
    .where(eq(jobs.id, params.id));
}

/** Leaves a claimed job pending until `dueAt`: its handler asked to run again then. */
export async function rescheduleJob(tx: Db, params: { id: number; dueAt: Date }): Promise<void> {
  await tx
    .update(jobs)
    .set({ dueAt: params.dueAt, attempts: 0, lastError: null })
    .where(eq(jobs.id, params.id));
}

/**
 * Counts a failed run of a claimed job: pending again at `retryAt`, or, without one,
 * failed for good.
 */
export async function recordJobFailure(
  tx: Db,
  params: { id: number; error: string; retryAt?: Date; now: Date },
): Promise<void> {
  await tx
    .update(jobs)
    .set({
      attempts: sql`${jobs.attempts} + 1`,
      lastError: params.error,
      ...(params.retryAt
        ? { dueAt: params.retryAt }
        : { status: 'failed', finishedAt: params.now }),
    })
    .where(eq(jobs.id, params.id));
}
