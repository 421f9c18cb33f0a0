import { count, eq, isNotNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_PRIORITY_BULK } from '../../src/db/queries/bulk.js';
import { insertSession } from '../../src/db/queries/training.js';
import { conversations, outbox, trainingRsvps } from '../../src/db/schema/index.js';
import { createTrainingSchedule, FEEDBACK_BATCH } from '../../src/runtime/jobs/training.js';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.js';
import { jobTrigger } from '../flows/training-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness, silentLogger } from '../support/harness.js';
import { addPeople } from './scheduler-support.js';

const SLOW_MS = 240_000;
/** More attendees than two batches. */
const ATTENDEES = FEEDBACK_BATCH * 2 + 7;
const HOUR_MS = 60 * 60_000;

describe.each(DRIVERS)('the feedback question to many attendees on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let scheduler: Scheduler;

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ db, exclusive: driver === 'pglite' });
    const now = h.clock.now();
    const people = Array.from({ length: ATTENDEES }, (_, i) => ({
      externalId: `peserta-${String(i).padStart(3, '0')}`,
      role: 'kader_digital',
      language: i === 0 ? 'en' : 'id',
    }));
    const ids = await addPeople(h.db.db, people, now);
    const training = createTrainingSchedule();
    const startsAt = new Date(now.getTime() + HOUR_MS);
    await h.db.db.transaction(async (tx) => {
      const session = await insertSession(tx, {
        id: 'sesi-besar',
        title: 'Bimtek Besar',
        topic: 'Website desa',
        audience: ['kader_digital'],
        regions: ['32'],
        startsAt,
        endsAt: new Date(startsAt.getTime() + HOUR_MS),
        timeZone: 'Asia/Jakarta',
        venue: 'Aula Kabupaten',
        status: 'terjadwal',
        createdAt: now,
        updatedAt: now,
      });
      await tx.insert(trainingRsvps).values(
        ids.map((contactId, i) => ({
          id: `rsvp-${i}`,
          sessionId: session.id,
          contactId,
          status: 'ikut',
          joinedAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      );
      await training.planned(tx, session, now);
    });
    scheduler = createScheduler({
      db: h.db.db,
      clock: h.clock,
      logger: silentLogger,
      jobs: training.jobs,
      trigger: jobTrigger(h),
    });
  }, SLOW_MS);
  afterAll(async () => {
    await h.close();
    await db.close();
  });

  const asked = async () => {
    const [row] = await h.db.db
      .select({ n: count() })
      .from(trainingRsvps)
      .where(isNotNull(trainingRsvps.feedbackAskedAt));
    return Number(row?.n ?? 0);
  };
  const opened = async () => {
    const rows = await h.db.db.select({ state: conversations.state }).from(conversations);
    return rows.filter((row) => JSON.stringify(row.state).includes('training-review')).length;
  };

  it('opens the review for each attendee in batches, never all at once, and once each', {
    timeout: SLOW_MS,
  }, async () => {
    h.clock.advance(3 * HOUR_MS);
    // The end, then the first batch of the feedback question.
    expect(await scheduler.runDue(2)).toBe(2);
    expect(await asked()).toBe(FEEDBACK_BATCH);
    expect(await opened()).toBe(FEEDBACK_BATCH);
    await scheduler.runDue();
    expect(await asked()).toBe(ATTENDEES);
    expect(await opened()).toBe(ATTENDEES);
    const questions = await h.db.db
      .select({ priority: outbox.priority })
      .from(outbox)
      .where(eq(outbox.externalId, 'peserta-000'));
    expect(questions, 'one question each, after replies to people chatting').toEqual([
      { priority: OUTBOX_PRIORITY_BULK },
    ]);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('peserta-000').join('\n')).toContain(
      '🙏 Thank you for joining *Bimtek Besar*. How useful was it?',
    );
    expect(h.channel.take('peserta-001').join('\n')).toContain(
      '🙏 Terima kasih sudah ikut *Bimtek Besar*. Seberapa bermanfaat pelatihannya?',
    );
    h.clock.advance(HOUR_MS);
    expect(await scheduler.runDue(), 'nothing left to ask').toBe(0);
    expect(await opened()).toBe(ATTENDEES);
  });
});
