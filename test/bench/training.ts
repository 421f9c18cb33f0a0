/**
 * Training bench (issue 15), on PostgreSQL:
 *
 * 1. queue: 10,000 people going to one session whose 2-hours-before reminder is due now;
 *    the scheduler (training jobs and the bulk lane, in this process) runs it: the time until
 *    every reminder is queued as a recipient of the bulk send (goal under 10 s), then until
 *    all are fed into the outbox, and the most messages the outbox held at once (the lane
 *    feeds 500 at a time while fewer than 10,000 wait: never one burst);
 * 2. deliver: the bot (src/main.ts as a child process, Telegram on the fake Bot API at
 *    TELEGRAM_SEND_PER_SECOND) sends a due reminder to a few thousand people while 50 others
 *    chat: the delivery rate against the pace and the p99 of the replies (goal under 1 s).
 *
 * `npm run bench -- --suite training` (BENCH_DATABASE_URL or TEST_DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, inArray } from 'drizzle-orm';
import { type Db, openDatabase } from '../../src/db/client.js';
import {
  bulkRecipients,
  outbox,
  trainingRsvps,
  trainingSessions,
} from '../../src/db/schema/index.js';
import { createLogger } from '../../src/logger.js';
import { createTrainingSchedule } from '../../src/runtime/jobs/training.js';
import { createScheduler } from '../../src/runtime/scheduler.js';
import { createBulkFeedJob } from '../../src/runtime/scheduler-bulk.js';
import { seedTelegramPeople } from '../runtime/broadcast-support.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { BENCH_PACE_PER_SECOND, CHATTERS, deliverWhileChatting } from './chatting.js';
import { createFreshPostgresDatabase, openFreshDatabase } from './support.js';

/** People going whose reminders fall due in the same minute. */
export const QUEUE_PEOPLE = 10_000;
/** People the bot process delivers a reminder to (two minutes at 25 messages a second). */
export const DELIVER_PEOPLE = 3_000;
const FIRST_CHAT_ID = 700_000;
const CHATTER_CHAT_ID = 950_000;
const TITLE = 'Bimtek bench Website Desa';
const VILLAGE = '51.03.01.1001';
const RSVP_CHUNK = 1_000;
const silent = createLogger({ level: 'silent', format: 'json', destination: { write: () => {} } });

/** What the bench measured; times in milliseconds. */
export interface TrainingBenchFigures {
  people: number;
  queuedMs: number;
  fedMs: number;
  outboxPeak: number;
  recipients: number;
  delivered: number;
  deliverMs: number;
  ratePerSecond: number;
  replies: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  problems: string[];
}

/** A session starting in two hours (its reminder due now), with `people` going, and its jobs. */
async function seedSession(db: Db, people: string[], now: Date): Promise<void> {
  const startsAt = new Date(now.getTime() + 2 * 3_600_000);
  const [session] = await db
    .insert(trainingSessions)
    .values({
      id: 'bench-session',
      title: TITLE,
      topic: 'bench',
      audience: ['warga'],
      regions: ['51.03.01'],
      startsAt,
      endsAt: new Date(startsAt.getTime() + 3_600_000),
      timeZone: 'Asia/Makassar',
      venue: 'Balai Desa Tuban',
      status: 'terjadwal',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  const joined = new Date(now.getTime() - 60_000);
  for (let start = 0; start < people.length; start += RSVP_CHUNK) {
    await db.insert(trainingRsvps).values(
      people.slice(start, start + RSVP_CHUNK).map((contactId) => ({
        id: `rsvp-${contactId}`,
        sessionId: 'bench-session',
        contactId,
        status: 'ikut',
        joinedAt: joined,
        createdAt: joined,
        updatedAt: joined,
      })),
    );
  }
  // Planned a minute ago: the 2-hours-before reminder is due now.
  if (session)
    await createTrainingSchedule().planned(db, session, new Date(now.getTime() - 60_000));
}

/** Part 1 alone: 10,000 reminders due at once, queued through the bulk lane in this process. */
export async function timeQueue(url: string) {
  const database = await openFreshDatabase({ driver: 'postgres', url }, 'tqueue');
  try {
    const now = new Date();
    const chats = await seedTelegramPeople(database.db, {
      count: QUEUE_PEOPLE,
      firstChatId: FIRST_CHAT_ID,
      villages: [VILLAGE],
      now,
    });
    await seedSession(
      database.db,
      chats.map((id) => `contact-${id}`),
      new Date(now.getTime() - 2 * 60_000 - 1),
    );
    const scheduler = createScheduler({
      db: database.db,
      clock: { now: () => new Date() },
      logger: silent,
      jobs: [...createTrainingSchedule().jobs, createBulkFeedJob()],
    });
    const started = performance.now();
    let queuedMs = 0;
    let outboxPeak = 0;
    for (;;) {
      const ran = await scheduler.runDue(1);
      const open = await openOutbox(database.db);
      outboxPeak = Math.max(outboxPeak, open);
      const waiting = await countRecipients(database.db, 'waiting');
      const queued = await countRecipients(database.db, 'queued');
      if (!queuedMs && waiting + queued >= QUEUE_PEOPLE) queuedMs = performance.now() - started;
      if (queued >= QUEUE_PEOPLE || ran === 0) break;
    }
    return { people: QUEUE_PEOPLE, queuedMs, fedMs: performance.now() - started, outboxPeak };
  } finally {
    await database.close();
  }
}

async function openOutbox(db: Db): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(inArray(outbox.status, ['pending', 'sending']));
  return Number(row?.n ?? 0);
}

async function countRecipients(db: Db, status: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bulkRecipients)
    .where(eq(bulkRecipients.status, status));
  return Number(row?.n ?? 0);
}

async function timeDelivery(url: string, recipients: number) {
  const fresh = await createFreshPostgresDatabase(url, 'tdeliver');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-tbench-'));
  const database = await openDatabase({ driver: 'postgres', url: fresh.url });
  const fake = await startFakeBotApi({ longPollMs: 500 });
  let bot: BotProcess | undefined;
  const problems: string[] = [];
  try {
    const now = new Date();
    const chats = await seedTelegramPeople(database.db, {
      count: recipients,
      firstChatId: FIRST_CHAT_ID,
      villages: [VILLAGE],
      now,
    });
    await seedTelegramPeople(database.db, {
      count: CHATTERS,
      firstChatId: CHATTER_CHAT_ID,
      villages: [VILLAGE],
      now,
    });
    await seedSession(
      database.db,
      chats.map((id) => `contact-${id}`),
      now,
    );
    bot = await startBotProcess({
      fake,
      databaseUrl: fresh.url,
      dataDir,
      env: { TELEGRAM_SEND_PER_SECOND: String(BENCH_PACE_PER_SECOND) },
    });
    const delivery = await deliverWhileChatting({
      fake,
      delivered: (m) =>
        m.chatId >= FIRST_CHAT_ID &&
        m.chatId < FIRST_CHAT_ID + recipients &&
        m.text.includes(TITLE),
      recipients,
      firstChatId: CHATTER_CHAT_ID,
      command: '/jadwal',
      problems,
    });
    return { ...delivery, problems };
  } finally {
    await bot?.stop();
    await fake.close();
    await database.close();
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs both parts on fresh databases of the server `url`. */
export async function runTrainingBench(options: {
  url: string;
  recipients?: number;
}): Promise<TrainingBenchFigures> {
  const queued = await timeQueue(options.url);
  const delivery = await timeDelivery(options.url, options.recipients ?? DELIVER_PEOPLE);
  const problems = [...delivery.problems];
  if (queued.queuedMs > 10_000) problems.push(`queued in ${queued.queuedMs.toFixed(0)} ms`);
  if (delivery.p99Ms > 1_000) problems.push(`reply p99 ${delivery.p99Ms.toFixed(0)} ms`);
  return { ...queued, ...delivery, problems };
}

/** The figures as the bench's table. */
export function trainingBenchRows(f: TrainingBenchFigures): [string, string][] {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const share = f.ratePerSecond / BENCH_PACE_PER_SECOND;
  return [
    ['people going, reminder due in the same minute', String(f.people)],
    ['all queued in the bulk lane', `${ms(f.queuedMs)} (goal < 10000 ms)`],
    ['all fed into the outbox', ms(f.fedMs)],
    ['most messages waiting in the outbox at once', String(f.outboxPeak)],
    ['reminder recipients (bot process, fake Bot API)', String(f.recipients)],
    ['delivered', String(f.delivered)],
    [
      'delivery rate / configured pace',
      `${f.ratePerSecond.toFixed(1)} / ${BENCH_PACE_PER_SECOND} msg/s = ${(share * 100).toFixed(0)} %`,
    ],
    [`replies to ${CHATTERS} people chatting (/jadwal)`, String(f.replies)],
    [
      'reply p50 / p99 / max',
      `${ms(f.p50Ms)} / ${ms(f.p99Ms)} / ${ms(f.maxMs)} (p99 goal < 1000 ms)`,
    ],
  ];
}
