/**
 * The durable scheduler: timed work as rows of the `jobs` table (src/db/schema/jobs.ts)
 * and one periodic claimer per process, as RapidPro and Glific do, rather than pg-boss:
 * the same Drizzle schema, migrations and queries on PGlite and PostgreSQL, jobs written
 * with the caller's transaction, and no second client to boot (see the README).
 *
 * A job runs in one transaction that locks its row (`FOR UPDATE SKIP LOCKED`), runs the
 * handler in a savepoint and records the outcome: done, again at a later time, or a failure
 * retried with backoff and finally failed. Another process skips a locked job and finds it
 * done afterwards, so two processes never run one job twice; a process that dies mid-run
 * has its transaction rolled back by the server, the handler's writes with it, and the job
 * is simply still pending. Handlers must re-check the state they act on (a report already
 * answered ends without effect) and keep to the database: their writes, outbox rows
 * included, commit with the job's outcome.
 */
import type { z } from 'zod';
import type { Clock } from '../core/ports.js';
import type { Db } from '../db/client.js';
import {
  claimDueJob,
  finishJob,
  insertJob,
  type JobRow,
  recordJobFailure,
  rescheduleJob,
} from '../db/queries/jobs.js';
import { errorSummary, type Logger } from '../logger.js';
import type { TriggerOutcome, TriggerRequest } from './types.js';

/** How often each process looks for due jobs. */
export const SCHEDULER_POLL_INTERVAL_MS = 5_000;
/** Jobs one poll runs at most, so that a stop never waits long. */
export const SCHEDULER_JOBS_PER_POLL = 100;
/** Runs after which a failing job is recorded as failed for good. */
export const JOB_MAX_ATTEMPTS = 5;
/** Wait before the first retry of a failed job; doubled per attempt up to {@link JOB_RETRY_MAX_MS}. */
export const JOB_RETRY_BASE_MS = 30_000;
/** Longest wait between two runs of a failing job. */
export const JOB_RETRY_MAX_MS = 60 * 60_000;

/** What a handler sees: the job's transaction (never the outer database), its time and log. */
export interface JobContext {
  tx: Db;
  job: JobRow;
  now: Date;
  logger: Logger;
  /**
   * Starts a flow for a contact in the job's transaction, under the rules of
   * `Runtime.trigger` (a proactive question): it commits, or rolls back, with the job.
   */
  trigger(request: TriggerRequest): Promise<TriggerOutcome>;
}

/** Starts a flow for a contact in `tx` (the app binds `FlowRunner.trigger`). */
export type JobTrigger = (tx: Db, request: TriggerRequest, log: Logger) => Promise<TriggerOutcome>;

/** How a run ended, when not simply done: `again` keeps the job pending until `at`. */
export type JobResult = undefined | { type: 'again'; at: Date };

/** A kind of job: its name, the shape of its payload, and what running it does. */
export interface JobDefinition<P> {
  kind: string;
  payload: z.ZodType<P>;
  run(ctx: JobContext, payload: P): Promise<JobResult>;
}

/** A job definition of any payload, as the scheduler holds them. */
// biome-ignore lint/suspicious/noExplicitAny: handlers of every payload type live in one list.
export type AnyJobDefinition = JobDefinition<any>;

/** Declares a kind of job; the payload type follows from its schema. */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/**
 * Schedules a job in the caller's transaction (a rolled-back change schedules nothing).
 * With a `dedupeKey` a pending job already has, nothing is written and false comes back.
 */
export async function scheduleJob<P>(
  tx: Db,
  job: JobDefinition<P>,
  params: { payload: P; dueAt: Date; dedupeKey?: string; now: Date },
): Promise<boolean> {
  return insertJob(tx, { ...params, kind: job.kind, payload: job.payload.parse(params.payload) });
}

/** Delay before retry number `attempt` (1-based), exponential and capped. */
export function jobRetryDelayMs(attempt: number): number {
  return Math.min(JOB_RETRY_MAX_MS, JOB_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** A job that must always be pending once (retention): ensured at every start. */
export interface RecurringJob<P> {
  job: JobDefinition<P>;
  payload: P;
  dedupeKey: string;
}

/** The scheduler of one process. */
export interface Scheduler {
  /**
   * Runs the jobs due at the clock's time, one at a time, up to `limit` (default
   * {@link SCHEDULER_JOBS_PER_POLL}); returns how many ran. Tests move the clock and call
   * it: no sleeping.
   */
  runDue(limit?: number): Promise<number>;
  /** Ensures the recurring jobs, runs what is due, then polls every {@link SCHEDULER_POLL_INTERVAL_MS}. */
  start(): Promise<void>;
  /** Claims nothing more and waits for the job running now; the database stays open. */
  stop(): Promise<void>;
}

type RunOutcome = 'none' | 'ran';

/** Builds the scheduler over the given kinds of job. */
export function createScheduler(deps: {
  db: Db;
  clock: Clock;
  logger: Logger;
  jobs: AnyJobDefinition[];
  recurring?: RecurringJob<unknown>[];
  /** Called after a poll that ran jobs: their outbox rows can be sent now. */
  afterRun?: () => void;
  /** How jobs start flows for people; a job that asks without it fails (a wiring bug). */
  trigger?: JobTrigger;
}): Scheduler {
  const byKind = new Map(deps.jobs.map((job) => [job.kind, job]));
  const kinds = [...byKind.keys()];
  const log = deps.logger.child({ part: 'scheduler' });
  let timer: NodeJS.Timeout | undefined;
  let polling: Promise<number> | undefined;
  /** Every run in flight, polled or called: a stop waits for them. */
  const running = new Set<Promise<number>>();
  let stopped = false;

  function startFlow(tx: Db, request: TriggerRequest, jobLog: Logger): Promise<TriggerOutcome> {
    if (!deps.trigger) throw new Error('this scheduler was built without a trigger');
    return deps.trigger(tx, request, jobLog);
  }

  function runOne(): Promise<RunOutcome> {
    const now = deps.clock.now();
    return deps.db.transaction(async (tx) => {
      const job = await claimDueJob(tx, { now, kinds });
      if (!job) return 'none';
      const definition = byKind.get(job.kind) as AnyJobDefinition;
      const jobLog = log.child({ jobId: job.id, kind: job.kind });
      const payload = definition.payload.safeParse(job.payload);
      if (!payload.success) {
        jobLog.error('job payload is invalid; given up');
        await recordJobFailure(tx, { id: job.id, error: 'invalid payload', now });
        return 'ran';
      }
      try {
        const result = await tx.transaction((sp) =>
          definition.run(
            {
              tx: sp,
              job,
              now,
              logger: jobLog,
              trigger: (request) => startFlow(sp, request, jobLog),
            },
            payload.data,
          ),
        );
        if (result?.type === 'again') await rescheduleJob(tx, { id: job.id, dueAt: result.at });
        else await finishJob(tx, { id: job.id, now });
      } catch (error) {
        await recordFailure(tx, job, error, now, jobLog);
      }
      return 'ran';
    });
  }

  async function recordFailure(tx: Db, job: JobRow, error: unknown, now: Date, jobLog: Logger) {
    const attempt = job.attempts + 1;
    const retryAt =
      attempt < JOB_MAX_ATTEMPTS ? new Date(now.getTime() + jobRetryDelayMs(attempt)) : undefined;
    jobLog.warn(
      { err: error, attempt, retryAt },
      retryAt ? 'job failed; will retry' : 'job failed; given up',
    );
    await recordJobFailure(tx, { id: job.id, error: errorSummary(error), retryAt, now });
  }

  function runDue(limit = SCHEDULER_JOBS_PER_POLL): Promise<number> {
    const run = runJobs(limit);
    running.add(run);
    const forget = () => running.delete(run);
    run.then(forget, forget);
    return run;
  }

  async function runJobs(limit: number): Promise<number> {
    let ran = 0;
    while (!stopped && ran < limit) {
      if ((await runOne()) === 'none') break;
      ran += 1;
    }
    if (ran > 0) deps.afterRun?.();
    return ran;
  }

  /** One poll at a time; a failure (the database away) is logged and tried at the next. */
  function poll(): Promise<number> {
    polling ??= runDue(SCHEDULER_JOBS_PER_POLL)
      .catch((error) => {
        log.error({ err: error }, 'scheduler poll failed');
        return 0;
      })
      .finally(() => {
        polling = undefined;
      });
    return polling;
  }

  return {
    runDue,
    async start() {
      stopped = false;
      const now = deps.clock.now();
      for (const { job, payload, dedupeKey } of deps.recurring ?? []) {
        await scheduleJob(deps.db, job, { payload, dueAt: now, dedupeKey, now });
      }
      await poll();
      timer = setInterval(() => {
        if (!stopped) void poll();
      }, SCHEDULER_POLL_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await Promise.allSettled([...running]);
    },
  };
}
