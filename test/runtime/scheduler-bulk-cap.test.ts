import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/messages.js';
import { bulkRecipients, bulkSends, outbox } from '../../src/db/schema/index.js';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.js';
import { createBulkFeedJob, startBulkSend } from '../../src/runtime/scheduler-bulk.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { addPeople, createTestClock, quietLogger, type TestClock } from './scheduler-support.js';

const HOUR_MS = 60 * 60_000;

describe.each(DRIVERS)('the bulk lane with a daily cap on %s', (driver) => {
  let db: TestDatabase;
  let clock: TestClock;
  let scheduler: Scheduler;

  beforeAll(async () => {
    db = await createTestDb(driver);
    // 2026-03-02 20:00 WIB: four hours before the day of the cap ends.
    clock = createTestClock(new Date('2026-03-02T13:00:00Z'));
    scheduler = createScheduler({
      db: db.db,
      clock,
      logger: quietLogger,
      jobs: [createBulkFeedJob({ batch: 2, dailyCaps: { test: 3 } })],
    });
  });
  afterAll(() => db.close());

  const queued = async () =>
    (await db.db.select().from(outbox).where(eq(outbox.bulkId, 'capped'))).length;

  it('sends at most the cap a day, and the rest the next day', async () => {
    const people = Array.from({ length: 5 }, (_, i) => ({ externalId: `c${i}` }));
    const recipients = await addPeople(db.db, people, clock.now());
    await db.db.transaction((tx) =>
      startBulkSend(tx, {
        id: 'capped',
        kind: 'broadcast',
        message: { texts: [t('common:cancelled')] },
        recipients,
        now: clock.now(),
      }),
    );
    await scheduler.runDue();
    expect(await queued()).toBe(3);
    const aside = await db.db
      .select()
      .from(bulkRecipients)
      .where(and(eq(bulkRecipients.bulkId, 'capped'), eq(bulkRecipients.skipReason, 'daily_cap')));
    expect(aside).toHaveLength(2);
    // Later the same day: nothing more.
    clock.advance(3 * HOUR_MS);
    await scheduler.runDue();
    expect(await queued()).toBe(3);
    // The next day (00:00 WIB): the other two, and the send is fed completely.
    clock.advance(HOUR_MS);
    await scheduler.runDue();
    expect(await queued()).toBe(5);
    const [send] = await db.db.select().from(bulkSends).where(eq(bulkSends.id, 'capped'));
    expect(send?.finishedAt).not.toBeNull();
  });
});
