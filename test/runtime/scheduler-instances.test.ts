import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { type Database, openDatabase } from '../../src/db/client.js';
import { recordInbound } from '../../src/db/queries/conversations.js';
import { jobs } from '../../src/db/schema/index.js';
import { createScheduler, defineJob, scheduleJob } from '../../src/runtime/scheduler.js';
import { createTestDb, NO_POSTGRES, TEST_DATABASE_URL, type TestDatabase } from '../support/db.js';
import { withDatabase } from '../support/db-shared.js';
import { createTestClock, quietLogger } from './scheduler-support.js';

const JOB_COUNT = 300;

describe.skipIf(NO_POSTGRES)('two processes on one PostgreSQL', () => {
  let first: TestDatabase;
  let second: Database;
  beforeAll(async () => {
    first = await createTestDb('postgres');
    const [row] = await (first.sql as postgres.Sql)<{ name: string }[]>`
      select current_database() as name`;
    second = await openDatabase({
      driver: 'postgres',
      url: withDatabase(TEST_DATABASE_URL as string, row?.name as string),
    });
  });
  afterAll(async () => {
    await second.close();
    await first.close();
  });

  it('run each job once', async () => {
    const clock = createTestClock();
    const runs = new Map<string, string[]>();
    const job = (process: string) =>
      defineJob({
        kind: 'test.once',
        payload: z.object({ n: z.number() }),
        async run({ tx, now }, { n }) {
          runs.set(String(n), [...(runs.get(String(n)) ?? []), process]);
          // Some work in the job's transaction, so that runs overlap.
          await recordInbound(tx, { channel: 'job', messageId: String(n), now });
          return undefined;
        },
      });
    for (let n = 0; n < JOB_COUNT; n += 1) {
      await scheduleJob(first.db, job('setup'), {
        payload: { n },
        dueAt: clock.now(),
        now: clock.now(),
      });
    }
    const a = createScheduler({ db: first.db, clock, logger: quietLogger, jobs: [job('a')] });
    const b = createScheduler({ db: second.db, clock, logger: quietLogger, jobs: [job('b')] });
    // Three claimers per process, as overlapping polls and calls would be.
    const counts = await Promise.all(
      [a, b, a, b, a, b].map((scheduler) => scheduler.runDue(JOB_COUNT)),
    );
    expect(counts.reduce((sum, n) => sum + n, 0)).toBe(JOB_COUNT);
    expect(runs.size).toBe(JOB_COUNT);
    const twice = [...runs].filter(([, by]) => by.length > 1);
    expect(twice).toEqual([]);
    const byProcess = [...runs.values()].flat();
    expect(byProcess.filter((p) => p === 'a').length).toBeGreaterThan(0);
    expect(byProcess.filter((p) => p === 'b').length).toBeGreaterThan(0);
    const rows = await first.db.select({ status: jobs.status }).from(jobs);
    expect(rows.every((r) => r.status === 'done')).toBe(true);
  });
});
