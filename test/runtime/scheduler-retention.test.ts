import { createHash } from 'node:crypto';
import { asc, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RetentionConfig, textVariables } from '../../src/config.js';
import { DRAFT_KEEP_DAYS } from '../../src/core/engine/drafts.js';
import {
  conversations,
  inboundMessages,
  jobs,
  media,
  outbox,
  reportMedia,
  reports,
} from '../../src/db/schema/index.js';
import { createTranslator } from '../../src/i18n.js';
import { createRetentionJob, RETENTION_INTERVAL_MS } from '../../src/runtime/jobs/retention.js';
import { createScheduler, scheduleJob } from '../../src/runtime/scheduler.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { addPeople, createTestClock, quietLogger, type TestClock } from './scheduler-support.js';

const DAY = 24 * 60 * 60_000;
const RETENTION: RetentionConfig = { inboundDays: 30, outboxDays: 90, reportMediaDays: 365 };

/** Schedules the purge due now and runs what is due; how many jobs ran. */
async function runRetentionNow(db: TestDatabase, clock: TestClock, batch?: number) {
  const retention = createRetentionJob({
    retention: RETENTION,
    removeMediaFile: async () => {},
    ...(batch === undefined ? {} : { batch }),
  });
  const scheduler = createScheduler({
    db: db.db,
    clock,
    logger: quietLogger,
    jobs: [retention.job],
  });
  await scheduleJob(db.db, retention.job, {
    payload: {},
    dueAt: clock.now(),
    dedupeKey: retention.dedupeKey,
    now: clock.now(),
  });
  return scheduler.runDue();
}

describe.each(DRIVERS)('retention on %s', (driver) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDb(driver);
  });
  afterAll(() => db.close());

  it('removes records past their age and keeps younger ones', async () => {
    const clock = createTestClock();
    const now = clock.now().getTime();
    const daysAgo = (days: number) => new Date(now - days * DAY);
    const [contactId = ''] = await addPeople(db.db, [{ externalId: 'ani' }], daysAgo(500));

    // Received messages: 31 and 29 days old.
    await db.db.insert(inboundMessages).values([
      { channel: 'test', messageId: 'old', contactId, receivedAt: daysAgo(31) },
      { channel: 'test', messageId: 'young', contactId, receivedAt: daysAgo(29) },
    ]);
    // Outbox: sent 91 and 89 days ago, given up 91 days ago, one still waiting from long ago.
    const row = (status: string, createdDaysAgo: number, sentDaysAgo?: number) => ({
      contactId,
      channel: 'test',
      externalId: 'ani',
      message: { texts: [{ key: `common:${status}` }] },
      status,
      nextAttemptAt: daysAgo(createdDaysAgo),
      createdAt: daysAgo(createdDaysAgo),
      sentAt: sentDaysAgo === undefined ? null : daysAgo(sentDaysAgo),
    });
    await db.db
      .insert(outbox)
      .values([row('sent', 92, 91), row('sent', 89, 89), row('failed', 91), row('pending', 200)]);
    // Jobs: done 91 and 89 days ago.
    await db.db.insert(jobs).values(
      [91, 89].map((age) => ({
        kind: 'report.sla',
        payload: {},
        dueAt: daysAgo(age),
        status: 'done',
        createdAt: daysAgo(age),
        finishedAt: daysAgo(age),
      })),
    );
    // Reports: closed 366 days ago, closed 364 days ago, open since 400 days; one photo each,
    // and the old closed report shares a second photo with the young one.
    const photo = (id: string) => ({
      id,
      sha256: createHash('sha256').update(id).digest('hex'),
      mimeType: 'image/jpeg',
      sizeBytes: 1_000,
      originChannel: 'test',
      createdAt: daysAgo(500),
    });
    await db.db.insert(media).values(['p-old', 'p-young', 'p-open', 'p-shared'].map(photo));
    const report = (id: string, status: string, changedDaysAgo: number) => ({
      id,
      ticket: `LP-${id.toUpperCase()}`,
      contactId,
      type: 'pengaduan',
      category: 'jalan',
      pillar: 'mobilitas',
      description: 'Jalan rusak',
      villageCode: '32.03.03.2013',
      anonymous: false,
      confidential: false,
      status,
      createdAt: daysAgo(500),
      updatedAt: daysAgo(changedDaysAgo),
    });
    await db.db
      .insert(reports)
      .values([
        report('aaaaa', 'DITUTUP', 366),
        report('bbbbb', 'DITOLAK', 364),
        report('ccccc', 'DIPROSES', 400),
      ]);
    await db.db.insert(reportMedia).values([
      { reportId: 'aaaaa', position: 0, mediaId: 'p-old' },
      { reportId: 'aaaaa', position: 1, mediaId: 'p-shared' },
      { reportId: 'bbbbb', position: 0, mediaId: 'p-young' },
      { reportId: 'bbbbb', position: 1, mediaId: 'p-shared' },
      { reportId: 'ccccc', position: 0, mediaId: 'p-open' },
    ]);

    const removed: string[] = [];
    const retention = createRetentionJob({
      retention: RETENTION,
      removeMediaFile: async (sha256) => {
        removed.push(sha256);
      },
    });
    const scheduler = createScheduler({
      db: db.db,
      clock,
      logger: quietLogger,
      jobs: [retention.job],
      recurring: [retention],
    });
    await scheduler.start();

    const inbound = await db.db.select({ id: inboundMessages.messageId }).from(inboundMessages);
    expect(inbound.map((r) => r.id)).toEqual(['young']);
    const left = await db.db
      .select({ status: outbox.status, sentAt: outbox.sentAt })
      .from(outbox)
      .orderBy(asc(outbox.id));
    expect(left.map((r) => r.status)).toEqual(['sent', 'pending']);
    expect(left[0]?.sentAt).toEqual(daysAgo(89));
    const jobRows = await db.db.select().from(jobs).orderBy(asc(jobs.id));
    expect(jobRows.map((j) => [j.kind, j.status])).toEqual([
      ['report.sla', 'done'],
      ['retention.purge', 'pending'],
    ]);
    const links = await db.db.select().from(reportMedia).orderBy(asc(reportMedia.reportId));
    expect(links.map((l) => `${l.reportId}/${l.mediaId}`)).toEqual([
      'bbbbb/p-young',
      'bbbbb/p-shared',
      'ccccc/p-open',
    ]);
    const photos = await db.db.select({ id: media.id }).from(media).orderBy(asc(media.id));
    expect(photos.map((p) => p.id)).toEqual(['p-open', 'p-shared', 'p-young']);
    expect(removed).toEqual([photo('p-old').sha256]);

    // Next run a day later; nothing old is left, so nothing more goes.
    expect(jobRows[1]?.dueAt).toEqual(new Date(now + RETENTION_INTERVAL_MS));
    expect(await scheduler.runDue()).toBe(0);
    clock.advance(RETENTION_INTERVAL_MS);
    expect(await scheduler.runDue()).toBe(1);
    expect(await db.db.select().from(inboundMessages)).toHaveLength(1);
    await scheduler.stop();
    // Starting again does not add a second recurring job.
    await scheduler.start();
    await scheduler.stop();
    const pending = jobRows.length;
    expect(await db.db.select().from(jobs)).toHaveLength(pending);
  });

  it('removes report drafts kept longer than DRAFT_KEEP_DAYS, and nothing else of the state', async () => {
    const clock = createTestClock();
    const now = clock.now().getTime();
    const daysAgo = (days: number) => new Date(now - days * DAY);
    await db.db.delete(jobs);
    const ids = await addPeople(
      db.db,
      ['d-ani', 'd-budi', 'd-citra', 'd-dodi'].map((externalId) => ({ externalId })),
      daysAgo(100),
    );
    const frame = (flow: string, keptDaysAgo?: number) => ({
      flow,
      version: 1,
      step: 'description',
      answers: { type: 'pengaduan' },
      labels: {},
      history: ['type'],
      page: 0,
      asked: 1,
      invalid: 0,
      args: '',
      ...(keptDaysAgo === undefined ? {} : { keptAt: daysAgo(keptDaysAgo).toISOString() }),
    });
    const states = [
      { drafts: { report: frame('report', DRAFT_KEEP_DAYS + 1), other: frame('other', 29) } },
      { drafts: { report: frame('report', DRAFT_KEEP_DAYS + 1) } },
      // Kept before drafts carried their time: counts from the conversation's last change.
      { drafts: { report: frame('report') } },
      { drafts: { report: frame('report', 5) } },
    ];
    await db.db.insert(conversations).values(
      states.map((state, i) => ({
        contactId: ids[i] ?? '',
        channel: 'test',
        state: { v: 1, frames: [frame('menu')], ...state },
        updatedAt: daysAgo(i === 2 ? 40 : 1),
      })),
    );
    expect(await runRetentionNow(db, clock)).toBe(1);
    const rows = await db.db
      .select()
      .from(conversations)
      .where(inArray(conversations.contactId, ids));
    const draftsOf = (i: number) => {
      const state = rows.find((r) => r.contactId === ids[i])?.state as {
        frames: unknown[];
        drafts?: Record<string, unknown>;
      };
      expect(state.frames).toHaveLength(1);
      return Object.keys(state.drafts ?? {});
    };
    expect([0, 1, 2, 3].map(draftsOf)).toEqual([['other'], [], [], ['report']]);
  });

  it('purges in batches, running again at once while a batch came back full', async () => {
    const clock = createTestClock();
    const now = clock.now().getTime();
    await db.db.delete(jobs);
    await db.db.delete(inboundMessages);
    await db.db.insert(inboundMessages).values(
      Array.from({ length: 7 }, (_, i) => ({
        channel: 'test',
        messageId: `old-${i}`,
        receivedAt: new Date(now - 40 * DAY),
      })),
    );
    expect(await runRetentionNow(db, clock, 3)).toBe(3);
    expect(await db.db.select().from(inboundMessages)).toEqual([]);
  });
});

describe('the privacy notice', () => {
  it('says how long records are kept, as configured', async () => {
    const configured = textVariables({
      retention: { inboundDays: 14, outboxDays: 60, reportMediaDays: 730 },
    });
    const translator = await createTranslator('id', configured);
    const notice = { key: 'privacy:notice', params: { version: 1 } };
    expect(translator.translate(notice, 'id')).toContain(
      'disimpan 14 hari, pesan yang kami kirim 60 hari, dan foto laporan 730 hari',
    );
    expect(translator.translate(notice, 'en')).toContain(
      'kept 14 days, the messages we send you 60 days, and report photos 730 days',
    );
    const byDefault = await createTranslator('id');
    expect(byDefault.translate(notice, 'id')).toContain('disimpan 30 hari');
  });
});
