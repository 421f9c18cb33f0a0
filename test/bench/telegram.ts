import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { count, isNotNull, ne } from 'drizzle-orm';
import { createTelegramChannel } from '../../src/channels/telegram/index.js';
import type { Database } from '../../src/db/client.js';
import { contacts, outbox } from '../../src/db/schema/index.js';
import { type FakeChat, type SentMessage, startFakeBotApi } from '../support/fake-bot-api.js';
import { createHarness, type Harness, silentLogger } from '../support/harness.js';
import { openFreshDatabase, percentile } from './support.js';

/** Simulated people at once, unless told otherwise. */
export const DEFAULT_TELEGRAM_PEOPLE = 200;
/** People who walk the conversation first, untimed, so the JIT and the database are warm. */
const WARMUP_PEOPLE = 5;
/** Longest wait for one reply, in milliseconds. */
const REPLY_TIMEOUT_MS = 120_000;
/** How long the outbox may take to record the last sends, in milliseconds. */
const OUTBOX_SETTLE_MS = 5_000;
/** First chat id of the simulated people. */
const FIRST_CHAT_ID = 900_000;

/**
 * One step: typed text or a press of button `press` on the latest keyboard, and the text
 * of the reply that ends it (`{n}` is the person's number). Its latency runs to that reply.
 */
export type Step = { say?: string; press?: number; expect: string };
/** Onboarding, as each simulated person walks it (also the crash bench's script). */
export const CONVERSATION: readonly Step[] = [
  { say: '/start', expect: 'Pilih bahasa / Choose a language:' },
  { press: 1, expect: 'Apakah Anda berusia 18 tahun' },
  { say: '1', expect: 'Apakah Anda setuju?' },
  { press: 1, expect: 'Siapa nama Anda?' },
  { say: 'Warga {n}', expect: 'Apa peran Anda di desa?' },
  { say: '1', expect: 'Di desa/kelurahan mana Anda tinggal?' },
  { say: 'desa bojongsoang', expect: 'Pilih desa Anda:' },
  { press: 1, expect: '• Nama: Warga {n}' },
  { press: 1, expect: 'Halo, Warga {n}' },
];

/** Options of {@link runTelegramBench}; `url` is the PostgreSQL server for `postgres`. */
export interface TelegramBenchOptions {
  driver: 'pglite' | 'postgres';
  url?: string;
  people?: number;
  /** The channel's overall send pace; Infinity measures the bot without Telegram's limit. */
  sendsPerSecond?: number;
}

/** What one run measured; times in milliseconds. `problems` is empty when all was right. */
export interface TelegramBenchFigures {
  driver: 'pglite' | 'postgres';
  people: number;
  sendsPerSecond: number | 'default';
  updates: number;
  replies: number;
  wallMs: number;
  updatesPerSecond: number;
  repliesPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** People registered at the end, warm-up included. */
  registered: number;
  problems: string[];
}

/** Runs warm-up and then `people` concurrent conversations on a fresh database. */
export async function runTelegramBench(
  options: TelegramBenchOptions,
): Promise<TelegramBenchFigures> {
  const people = options.people ?? DEFAULT_TELEGRAM_PEOPLE;
  const database = await openFreshDatabase(options, 'tgbench');
  const fake = await startFakeBotApi({ longPollMs: 500 });
  let h: Harness | undefined;
  const telegram = createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    adminIds: [],
    receive: (inbound) => (h as Harness).runtime.receive(inbound),
    recordOnce: (key) => (h as Harness).runtime.recordOnce(key),
    wasReceived: (key) => (h as Harness).runtime.wasReceived(key),
    markUnreachable: (address) => (h as Harness).runtime.markUnreachable(address),
    savePhoto: async () => ({ type: 'rejected', reason: 'not_an_image' }),
    maxPhotoBytes: 1_000_000,
    translate: (text, language) => (h as Harness).translator.translate(text, language),
    languages: ['id', 'en'],
    defaultLanguage: 'id',
    clock: { now: () => new Date() },
    logger: silentLogger,
    sendsPerSecond: options.sendsPerSecond,
    pollTimeoutSeconds: 1,
  });
  h = await createHarness({
    db: database,
    onboarding: true,
    channels: [telegram.channel],
    exclusive: database.driver === 'pglite',
  });
  await telegram.start();
  try {
    const problems: string[] = [];
    const warmups = chatIds(FIRST_CHAT_ID, WARMUP_PEOPLE).map((id) => fake.chat(id));
    await Promise.all(warmups.map((chat) => walk(chat, [], problems)));
    const latencies: number[] = [];
    const chats = chatIds(FIRST_CHAT_ID + WARMUP_PEOPLE, people).map((id) => fake.chat(id));
    const started = performance.now();
    await Promise.all(chats.map((chat) => walk(chat, latencies, problems)));
    const wallMs = performance.now() - started;
    const registered = await checkDatabase(database, WARMUP_PEOPLE + people, problems);
    latencies.sort((a, b) => a - b);
    const replies = chats.reduce((sum, chat) => sum + chat.messages().length, 0);
    return {
      driver: options.driver,
      people,
      sendsPerSecond: options.sendsPerSecond ?? 'default',
      updates: latencies.length,
      replies,
      wallMs,
      updatesPerSecond: (latencies.length / wallMs) * 1000,
      repliesPerSecond: (replies / wallMs) * 1000,
      p50Ms: percentile(latencies, 0.5),
      p90Ms: percentile(latencies, 0.9),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies[latencies.length - 1] ?? 0,
      registered,
      problems,
    };
  } finally {
    await telegram.stop();
    await h.close();
    await fake.close();
    await database.close();
  }
}

/** One person's conversation, each update sent once the reply to the previous one came. */
async function walk(chat: FakeChat, latencies: number[], problems: string[]): Promise<void> {
  const number = String(chat.chatId);
  for (const step of CONVERSATION) {
    const wanted = step.expect.replaceAll('{n}', number);
    const start = performance.now();
    if (step.press !== undefined) chat.press(step.press);
    else chat.say((step.say ?? '').replaceAll('{n}', number));
    const reply = await replyContaining(chat, wanted);
    if (typeof reply === 'string') {
      problems.push(`${number} ${step.say ?? `press ${step.press}`}: ${reply}`);
      return;
    }
    latencies.push(reply.at - start);
  }
}

/** The next message containing `text`, or what went wrong. */
async function replyContaining(chat: FakeChat, text: string): Promise<SentMessage | string> {
  const seen: string[] = [];
  const end = performance.now() + REPLY_TIMEOUT_MS;
  while (performance.now() < end) {
    let message: SentMessage | undefined;
    try {
      [message] = await chat.next(1, Math.max(1, end - performance.now()));
    } catch {
      break;
    }
    if (message?.text.includes(text)) return message;
    seen.push((message?.text ?? '').slice(0, 60).replace(/\n/g, ' '));
  }
  return `wanted "${text}", got: ${seen.join(' | ') || 'nothing'}`;
}

/**
 * Counts registered people and messages not marked sent; returns the registered count.
 * The last replies reach the fake just before their rows are marked: give that a moment.
 */
async function checkDatabase(database: Database, want: number, problems: string[]) {
  const unsent = async () => {
    const [row] = await database.db
      .select({ n: count() })
      .from(outbox)
      .where(ne(outbox.status, 'sent'));
    return Number(row?.n ?? 0);
  };
  const end = Date.now() + OUTBOX_SETTLE_MS;
  while ((await unsent()) > 0 && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const left = await unsent();
  if (left > 0) problems.push(`outbox rows not sent: ${left}`);
  const [done] = await database.db
    .select({ n: count() })
    .from(contacts)
    .where(isNotNull(contacts.registeredAt));
  const registered = Number(done?.n ?? 0);
  if (registered !== want) problems.push(`registered: want ${want}, found ${registered}`);
  return registered;
}

function chatIds(first: number, amount: number): number[] {
  return Array.from({ length: amount }, (_, i) => first + i);
}

/** The figures as label/value rows for a plain table. */
export function telegramBenchRows(figures: TelegramBenchFigures): [string, string][] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    ['database', figures.driver],
    ['people at once', String(figures.people)],
    ['send pace', `${figures.sendsPerSecond} messages/s`],
    ['updates / replies', `${figures.updates} / ${figures.replies}`],
    ['wall time', ms(figures.wallMs)],
    ['updates per second', figures.updatesPerSecond.toFixed(1)],
    ['replies per second', figures.repliesPerSecond.toFixed(1)],
    ['update → reply p50', ms(figures.p50Ms)],
    ['update → reply p90', ms(figures.p90Ms)],
    ['update → reply p99', ms(figures.p99Ms)],
    ['update → reply max', ms(figures.maxMs)],
    ['registered (incl. warm-up)', String(figures.registered)],
    ['correctness', figures.problems.length === 0 ? 'ok' : `${figures.problems.length} problems`],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      people: { type: 'string' },
      url: { type: 'string' },
      unpaced: { type: 'boolean' },
    },
  });
  const figures = await runTelegramBench({
    driver: values.url ? 'postgres' : 'pglite',
    url: values.url,
    people: values.people ? Number(values.people) : undefined,
    sendsPerSecond: values.unpaced ? Number.POSITIVE_INFINITY : undefined,
  });
  for (const [label, value] of telegramBenchRows(figures))
    console.log(`${label.padEnd(30)}  ${value}`);
  for (const problem of figures.problems.slice(0, 10)) console.error(`PROBLEM: ${problem}`);
  process.exitCode = figures.problems.length === 0 ? 0 : 1;
}
