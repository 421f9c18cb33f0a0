import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isInboundRecorded, recordInbound } from '../../src/db/queries/conversations.js';
import { dueJobs } from '../../src/db/queries/jobs.js';
import { jobs } from '../../src/db/schema/index.js';
import {
  createScheduler,
  defineJob,
  JOB_MAX_ATTEMPTS,
  jobRetryDelayMs,
  type Scheduler,
  scheduleJob,
} from '../../src/runtime/scheduler.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import {
  createTestClock,
  quietLogger as silentLogger,
  type TestClock,
} from './scheduler-support.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** Test jobs record each run in memory and write one row, so a rollback can be seen. */
function testJobs() {
  const runs: string[] = [];
  let failing = new Set<string>();
  let gate: Promise<void> | undefined;
  const mark = defineJob({
    kind: 'test.mark',
    payload: z.object({ name: z.string() }),
    async run({ tx, now }, { name }) {
      runs.push(name);
      await recordInbound(tx, { channel: 'job', messageId: `${name}-${runs.length}`, now });
      if (gate) await gate;
      if (failing.has(name)) throw new Error(`job ${name} broke`);
      return undefined;
    },
  });
  const again = defineJob({
    kind: 'test.again',
    payload: z.object({ times: z.number() }),
    async run({ now, job }, { times }) {
      runs.push(`again-${job.id}`);
      return runs.length < times
        ? { type: 'again', at: new Date(now.getTime() + HOUR) }
        : undefined;
    },
  });
  return {
    runs,
    definitions: [mark, again],
    mark,
    again,
    failWhen: (names: string[]) => {
      failing = new Set(names);
    },
    hold: () => {
      let open = () => {};
      gate = new Promise((resolve) => {
        open = resolve;
      });
      return () => {
        gate = undefined;
        open();
      };
    },
  };
}

describe.each(DRIVERS)('scheduler on %s', (driver) => {
  let db: TestDatabase;
  let clock: TestClock;
  let t: ReturnType<typeof testJobs>;
  let scheduler: Scheduler;
  const build = () =>
    createScheduler({ db: db.db, clock, logger: silentLogger, jobs: t.definitions });

  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(() => db.close());

  const fresh = async () => {
    await db.db.delete(jobs);
    clock = createTestClock();
    t = testJobs();
    scheduler = build();
  };

  const schedule = (name: string, inMs: number, dedupeKey?: string) =>
    scheduleJob(db.db, t.mark, {
      payload: { name },
      dueAt: new Date(clock.now().getTime() + inMs),
      dedupeKey,
      now: clock.now(),
    });

  it('runs a job at its due time, not before, and once', async () => {
    await fresh();
    await schedule('a', 2 * HOUR);
    await schedule('b', HOUR);
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(HOUR);
    expect((await dueJobs(db.db, { now: clock.now() })).map((j) => j.payload)).toEqual([
      { name: 'b' },
    ]);
    expect(await scheduler.runDue()).toBe(1);
    clock.advance(HOUR);
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    expect(t.runs).toEqual(['b', 'a']);
    const rows = await db.db.select().from(jobs).orderBy(asc(jobs.id));
    expect(rows.map((r) => [r.status, r.finishedAt?.getTime() ?? null])).toEqual([
      ['done', clock.now().getTime()],
      ['done', clock.now().getTime() - HOUR],
    ]);
  });

  it('schedules nothing when the transaction that scheduled it rolls back', async () => {
    await fresh();
    await expect(
      db.db.transaction(async (tx) => {
        await scheduleJob(tx, t.mark, {
          payload: { name: 'lost' },
          dueAt: clock.now(),
          now: clock.now(),
        });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await db.db.transaction(async (tx) => {
      await scheduleJob(tx, t.mark, {
        payload: { name: 'kept' },
        dueAt: clock.now(),
        now: clock.now(),
      });
    });
    expect(await scheduler.runDue()).toBe(1);
    expect(t.runs).toEqual(['kept']);
  });

  it('keeps one pending job per dedupe key', async () => {
    await fresh();
    expect(await schedule('first', HOUR, 'timer:1')).toBe(true);
    expect(await schedule('second', 2 * HOUR, 'timer:1')).toBe(false);
    clock.advance(3 * HOUR);
    await scheduler.runDue();
    expect(t.runs).toEqual(['first']);
    // Once it ran, the key may be used again.
    expect(await schedule('third', 0, 'timer:1')).toBe(true);
  });

  it('changes nothing when the process restarts between scheduling and the due time', async () => {
    await fresh();
    await scheduler.start();
    await schedule('after-restart', 3 * 24 * HOUR, 'restart');
    await scheduler.stop();
    // A new process: new scheduler, same database.
    const t2 = testJobs();
    t = t2;
    const restarted = build();
    await restarted.start();
    expect(t2.runs).toEqual([]);
    clock.advance(3 * 24 * HOUR);
    expect(await restarted.runDue()).toBe(1);
    expect(await restarted.runDue()).toBe(0);
    await restarted.stop();
    expect(t2.runs).toEqual(['after-restart']);
  });

  it('retries a failing job with backoff, rolls back its writes, and finally fails it', async () => {
    await fresh();
    t.failWhen(['broken']);
    await schedule('broken', 0);
    for (let attempt = 1; attempt <= JOB_MAX_ATTEMPTS; attempt += 1) {
      expect(await scheduler.runDue(), `attempt ${attempt}`).toBe(1);
      const [row] = await db.db.select().from(jobs);
      expect(row?.attempts).toBe(attempt);
      expect(row?.lastError).toBe('job broken broke');
      if (attempt === JOB_MAX_ATTEMPTS) {
        expect(row?.status).toBe('failed');
        break;
      }
      expect(row?.status).toBe('pending');
      const wait = jobRetryDelayMs(attempt);
      expect(row?.dueAt.getTime()).toBe(clock.now().getTime() + wait);
      clock.advance(wait - 1);
      expect(await scheduler.runDue()).toBe(0);
      clock.advance(1);
    }
    clock.advance(24 * HOUR);
    expect(await scheduler.runDue()).toBe(0);
    expect(t.runs).toHaveLength(JOB_MAX_ATTEMPTS);
    const written = await isInboundRecorded(db.db, { channel: 'job', messageId: 'broken-1' });
    expect(written).toBe(false);
  });

  it('keeps a job that asks to run again pending until then', async () => {
    await fresh();
    await scheduleJob(db.db, t.again, {
      payload: { times: 3 },
      dueAt: clock.now(),
      now: clock.now(),
    });
    expect(await scheduler.runDue()).toBe(1);
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(HOUR);
    expect(await scheduler.runDue()).toBe(1);
    clock.advance(HOUR);
    expect(await scheduler.runDue()).toBe(1);
    clock.advance(HOUR);
    expect(await scheduler.runDue()).toBe(0);
    const [row] = await db.db.select().from(jobs);
    expect(row?.status).toBe('done');
    expect(t.runs).toHaveLength(3);
  });

  it('stops claiming at stop, after the job running now has finished', async () => {
    await fresh();
    await schedule('running', 0);
    await schedule('next', 0);
    const open = t.hold();
    const running = scheduler.runDue();
    while (t.runs.length === 0) await new Promise((resolve) => setImmediate(resolve));
    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    for (let tick = 0; tick < 20; tick += 1) await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    open();
    await stopping;
    expect(await running).toBe(1);
    expect(t.runs).toEqual(['running']);
    const rows = await db.db.select().from(jobs).where(eq(jobs.status, 'pending'));
    expect(rows.map((r) => r.payload)).toEqual([{ name: 'next' }]);
  });
});
