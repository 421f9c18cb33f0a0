import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/messages.js';
import { bulkProgress, countOpenOutbox } from '../../src/db/queries/bulk.js';
import { enqueueMessages } from '../../src/db/queries/outbox.js';
import { bulkRecipients, bulkSends, outbox } from '../../src/db/schema/index.js';
import { createTranslator } from '../../src/i18n.js';
import { createOutboxSender, type OutboxSender } from '../../src/runtime/outbox-sender.js';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.js';
import {
  BULK_PAUSE_MS,
  createBulkFeedJob,
  startBulkSend,
} from '../../src/runtime/scheduler-bulk.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import {
  addPeople,
  createListeningChannel,
  createTestClock,
  type ListeningChannel,
  quietLogger,
  type TestClock,
} from './scheduler-support.js';

const RECIPIENTS = 1_000;
/** Lowered from 10,000 so that a thousand recipients fill the outbox several times. */
const THRESHOLD = 250;
const BATCH = 100;
/** The whole lane runs for real (a first sweep sends a few hundred): slow on a busy machine. */
const LANE_TIMEOUT_MS = 120_000;

describe.each(DRIVERS)('the bulk lane on %s', (driver) => {
  let db: TestDatabase;
  let clock: TestClock;
  let channel: ListeningChannel;
  let sender: OutboxSender;
  let scheduler: Scheduler;

  beforeAll(async () => {
    db = await createTestDb(driver);
    clock = createTestClock();
    channel = createListeningChannel();
    sender = createOutboxSender({
      db: db.db,
      translator: await createTranslator('id'),
      clock,
      logger: quietLogger,
      channels: new Map([[channel.name, channel]]),
    });
    scheduler = createScheduler({
      db: db.db,
      clock,
      logger: quietLogger,
      jobs: [createBulkFeedJob({ threshold: THRESHOLD, batch: BATCH })],
    });
  });
  afterAll(() => db.close());

  /**
   * The platform takes every waiting message at once: what the sender does is tested with
   * the outbox; here only the order of the first sweep matters.
   */
  const deliverAll = () =>
    db.db
      .update(outbox)
      .set({ status: 'sent', sentAt: clock.now() })
      .where(eq(outbox.status, 'pending'));

  it('feeds a thousand recipients in batches below the threshold, the person chatting first', {
    timeout: LANE_TIMEOUT_MS,
  }, async () => {
    const people = Array.from({ length: RECIPIENTS }, (_, i) => ({ externalId: `w${i}` }));
    const everyone = await addPeople(
      db.db,
      [
        ...people,
        { externalId: 'gone', deleted: true },
        { externalId: 'no-consent', registered: false },
        { externalId: 'blocked', unreachable: true },
        { externalId: 'no-address', identity: false },
        { externalId: 'chatting' },
      ],
      clock.now(),
    );
    const recipients = everyone.filter((id) => id !== 'contact-chatting');
    // A rolled-back start sends nothing.
    await expect(
      db.db.transaction(async (tx) => {
        await startBulkSend(tx, {
          id: 'lost',
          kind: 'broadcast',
          message: { texts: [t('common:error.internal')] },
          recipients,
          now: clock.now(),
        });
        throw new Error('broadcast cancelled');
      }),
    ).rejects.toThrow('broadcast cancelled');
    await db.db.transaction((tx) =>
      startBulkSend(tx, {
        id: 'b1',
        kind: 'broadcast',
        message: { texts: [t('common:error.internal')] },
        recipients,
        now: clock.now(),
      }),
    );
    expect(await db.db.select().from(bulkSends)).toHaveLength(1);

    // The first runs fill the outbox up to the threshold, then the lane pauses.
    await scheduler.runDue();
    const open = await countOpenOutbox(db.db);
    expect(open).toBeGreaterThan(0);
    expect(open).toBeLessThanOrEqual(THRESHOLD);
    expect(await scheduler.runDue()).toBe(0);

    // Someone writes while hundreds of bulk messages wait: their reply goes out first.
    await enqueueMessages(db.db, {
      contactId: 'contact-chatting',
      channel: 'test',
      externalId: 'chatting',
      messages: [{ texts: [t('common:cancelled')] }],
      now: clock.now(),
    });
    await sender.sweep();
    expect(channel.sent[0]?.externalId).toBe('chatting');
    expect(channel.sent.length).toBeGreaterThan(1);

    let maxOpen = open;
    for (let round = 0; round < 50; round += 1) {
      const progress = await bulkProgress(db.db, { bulkId: 'b1' });
      if (progress.waiting === 0 && (await countOpenOutbox(db.db)) === 0) break;
      clock.advance(BULK_PAUSE_MS);
      await scheduler.runDue();
      maxOpen = Math.max(maxOpen, await countOpenOutbox(db.db));
      await deliverAll();
    }
    expect(maxOpen).toBeLessThanOrEqual(THRESHOLD);
    expect(await bulkProgress(db.db, { bulkId: 'b1' })).toEqual({
      waiting: 0,
      skipped: 4,
      queued: RECIPIENTS,
      sent: RECIPIENTS,
      failed: 0,
    });
    const perPerson = await db.db
      .select({ contactId: outbox.contactId, n: count() })
      .from(outbox)
      .where(eq(outbox.bulkId, 'b1'))
      .groupBy(outbox.contactId);
    expect(perPerson).toHaveLength(RECIPIENTS);
    expect(perPerson.every((row) => Number(row.n) === 1)).toBe(true);
    const skipped = await db.db
      .select({ contactId: bulkRecipients.contactId, reason: bulkRecipients.skipReason })
      .from(bulkRecipients)
      .where(eq(bulkRecipients.status, 'skipped'));
    expect(Object.fromEntries(skipped.map((s) => [s.contactId, s.reason]))).toEqual({
      'contact-gone': 'gone',
      'contact-no-consent': 'gone',
      'contact-blocked': 'unreachable',
      'contact-no-address': 'no_address',
    });
    // The feeder ends once every recipient is queued or skipped.
    clock.advance(BULK_PAUSE_MS);
    await scheduler.runDue();
    const [send] = await db.db.select().from(bulkSends).where(eq(bulkSends.id, 'b1'));
    expect(send?.finishedAt).not.toBeNull();
  });
});
