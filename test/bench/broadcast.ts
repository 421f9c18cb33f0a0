/**
 * Broadcast bench (issue 16), on PostgreSQL:
 *
 * 1. resolve: 100,000 registered people; the time to count a broadcast's audience (what
 *    the sender confirms) and to write it as recipient rows with one INSERT ... SELECT
 *    (goal under 3 s);
 * 2. deliver: the bot (src/main.ts as a child process, Telegram on the fake Bot API at its
 *    configured pace, TELEGRAM_SEND_PER_SECOND) sends a broadcast to a few thousand
 *    recipients while 50 other people chat with it: the delivery rate against the pace
 *    (goal at least 95 %) and the p99 of the replies to the people chatting (goal under 1 s).
 *
 * `npm run bench -- --suite broadcast` (BENCH_DATABASE_URL or TEST_DATABASE_URL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import { countAudience, insertAudience } from '../../src/db/queries/broadcast-audience.js';
import { insertBulkSend } from '../../src/db/queries/bulk.js';
import { queueBroadcast, seedTelegramPeople } from '../runtime/broadcast-support.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { BENCH_PACE_PER_SECOND, CHATTERS, deliverWhileChatting } from './chatting.js';
import { createFreshPostgresDatabase, openFreshDatabase } from './support.js';

/** People the resolution is timed over. */
export const RESOLVE_PEOPLE = 100_000;
/** Recipients of the delivered broadcast (two minutes at 25 messages a second). */
export const DELIVER_RECIPIENTS = 3_000;
const FIRST_CHAT_ID = 600_000;
const CHATTER_CHAT_ID = 900_000;
const TEXT = 'Siaran bench Desa Cerdas';
const VILLAGES = ['32.03.03.2013', '32.03.03.2012', '32.04.08.2002', '33.01.01.2001'];

/** What the bench measured; times in milliseconds. */
export interface BroadcastBenchFigures {
  resolvePeople: number;
  countMs: number;
  insertMs: number;
  recipients: number;
  delivered: number;
  /** From the first to the last recipient's message. */
  deliverMs: number;
  /** The broadcast's messages per second. */
  ratePerSecond: number;
  /** Replies to the people chatting per second, in the same time (the same pace serves them first). */
  replyRatePerSecond: number;
  pacePerSecond: number;
  replies: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  problems: string[];
}

/** Runs both parts on fresh databases of the server `url`. */
export async function runBroadcastBench(options: {
  url: string;
  recipients?: number;
}): Promise<BroadcastBenchFigures> {
  const resolved = await timeResolution(options.url);
  const delivery = await timeDelivery(options.url, options.recipients ?? DELIVER_RECIPIENTS);
  return { ...resolved, ...delivery };
}

async function timeResolution(url: string) {
  const database = await openFreshDatabase({ driver: 'postgres', url }, 'bresolve');
  try {
    const now = new Date();
    await seedTelegramPeople(database.db, {
      count: RESOLVE_PEOPLE,
      firstChatId: FIRST_CHAT_ID,
      villages: VILLAGES,
      now,
    });
    await database.db.execute(sql`analyze`);
    const audience = { roles: ['warga'], regionCode: null, language: null, channel: null };
    let started = performance.now();
    const count = await countAudience(database.db, audience);
    const countMs = performance.now() - started;
    started = performance.now();
    await database.db.transaction(async (tx) => {
      await insertBulkSend(tx, {
        id: 'bench',
        kind: 'broadcast',
        message: { texts: [] },
        recipients: [],
        now,
      });
      await insertAudience(tx, { bulkId: 'bench', audience });
    });
    const insertMs = performance.now() - started;
    return { resolvePeople: count.recipients, countMs, insertMs };
  } finally {
    await database.close();
  }
}

async function timeDelivery(url: string, recipients: number) {
  const fresh = await createFreshPostgresDatabase(url, 'bdeliver');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-bbench-'));
  const database = await openDatabase({ driver: 'postgres', url: fresh.url });
  const fake = await startFakeBotApi({ longPollMs: 500 });
  let bot: BotProcess | undefined;
  const problems: string[] = [];
  try {
    const now = new Date();
    await seedTelegramPeople(database.db, {
      count: recipients,
      firstChatId: FIRST_CHAT_ID,
      villages: VILLAGES,
      now,
    });
    await seedTelegramPeople(database.db, {
      count: CHATTERS + 1,
      firstChatId: CHATTER_CHAT_ID,
      villages: VILLAGES,
      now,
      role: 'admin',
    });
    bot = await startBotProcess({
      fake,
      databaseUrl: fresh.url,
      dataDir,
      env: { TELEGRAM_SEND_PER_SECOND: String(BENCH_PACE_PER_SECOND) },
    });
    await queueBroadcast(database.db, {
      id: 'bench',
      senderId: `contact-${CHATTER_CHAT_ID + CHATTERS}`,
      text: TEXT,
      now: new Date(),
    });
    const delivery = await deliverWhileChatting({
      fake,
      delivered: (m) =>
        m.chatId >= FIRST_CHAT_ID && m.chatId < FIRST_CHAT_ID + recipients && m.text.includes(TEXT),
      recipients,
      firstChatId: CHATTER_CHAT_ID,
      command: '/bantuan',
      problems,
    });
    return { ...delivery, pacePerSecond: BENCH_PACE_PER_SECOND, problems };
  } finally {
    await bot?.stop();
    await fake.close();
    await database.close();
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The figures as the bench's table. */
export function broadcastBenchRows(figures: BroadcastBenchFigures): [string, string][] {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const used = figures.ratePerSecond + figures.replyRatePerSecond;
  const share = figures.pacePerSecond > 0 ? used / figures.pacePerSecond : 0;
  return [
    ['people (audience resolved)', String(figures.resolvePeople)],
    ['count the audience (preview)', `${ms(figures.countMs)} (goal < 3000 ms)`],
    ['write recipient rows (INSERT ... SELECT)', `${ms(figures.insertMs)} (goal < 3000 ms)`],
    ['broadcast recipients (Telegram, fake Bot API)', String(figures.recipients)],
    ['delivered', String(figures.delivered)],
    ['first → last delivery', ms(figures.deliverMs)],
    [
      'broadcast messages / replies per second',
      `${figures.ratePerSecond.toFixed(1)} / ${figures.replyRatePerSecond.toFixed(1)}`,
    ],
    [
      'pace used (broadcast + replies) / configured pace',
      `${used.toFixed(1)} / ${figures.pacePerSecond} msg/s = ${(share * 100).toFixed(0)} % (goal ≥ 95 %)`,
    ],
    [`replies to ${CHATTERS} people chatting`, String(figures.replies)],
    [
      'reply p50 / p99 / max',
      `${ms(figures.p50Ms)} / ${ms(figures.p99Ms)} / ${ms(figures.maxMs)} (p99 goal < 1000 ms)`,
    ],
  ];
}
