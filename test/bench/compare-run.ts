/**
 * One run of the comparison bench: a bot (the stock grammY bot or Sapa Desa's
 * `src/main.ts`) as a child process on a fresh database, over a fresh fake Bot API;
 * a warm-up, then `people` onboarding at once, unpaced unless told; measured from outside.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import postgres from 'postgres';
import { openDatabase } from '../../src/db/client.js';
import { type FakeBotApi, type FakeChat, startFakeBotApi } from '../support/fake-bot-api.js';
import { freePort } from '../support/free-port.js';
import { localPostgresCpuMs, startBotProcess } from './bot-process.js';
import { createFreshPostgresDatabase, percentile } from './support.js';
import { CONVERSATION } from './telegram.js';

/** People who onboard first, unmeasured, so both bots run warm. */
const WARMUP_PEOPLE = 5;
/** A step not answered in this time is a problem, and that person stops. */
const STEP_TIMEOUT_MS = 120_000;
/**
 * Wait before reading pg_stat_database after the warm-up: an idle PostgreSQL 15 backend
 * flushes its counters within 10 s (PGSTAT_IDLE_INTERVAL). At the end the bot is stopped
 * instead, and its backends flush as they exit.
 */
const STATS_SETTLE_MS = 11_000;
/** Wait after the last reply before reading CPU and statements (the last rows marked sent). */
const TAIL_MS = 500;
/** Wait after the bot stopped for the exiting backends' counters. */
const EXIT_STATS_MS = 500;
/** First chat id of the simulated people. */
const FIRST_CHAT_ID = 500_000;

/** Which bot, on which database, how. */
export interface CompareRunOptions {
  bot: 'stock' | 'sapa';
  driver: 'postgres' | 'pglite';
  /** The PostgreSQL server a fresh database is created on (postgres only). */
  url?: string;
  people: number;
  /** Sapa Desa at its default send pace instead of unpaced. */
  paced: boolean;
}

/** What one run measured; times in milliseconds. */
export interface CompareRunFigures {
  bot: 'stock' | 'sapa';
  inbound: number;
  wallMs: number;
  messagesPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  cpuMsPerMessage: number;
  /**
   * CPU of the local PostgreSQL server's processes per message (every database on it, so
   * run on an otherwise idle server); undefined on PGlite, which runs inside the bot.
   */
  serverCpuMsPerMessage?: number;
  /** CPU of this bench process (the people and the fake Bot API) per message. */
  harnessCpuMsPerMessage: number;
  peakRssMb: number;
  startupCpuMs: number;
  statementsPerMessage?: number;
  commitsPerMessage?: number;
  /** Bot API calls per inbound message, by method. */
  callsPerMessage: Record<string, number>;
  /** sendMessage calls per second from the first to the last send of the run. */
  repliesPerSecond: number;
  /** Calls the send pace counts (all but polling and callback answers), per second, same span. */
  pacedCallsPerSecond: number;
  loadStart: number;
  loadEnd: number;
  problems: string[];
}

/** Bot API methods Sapa Desa's send pace does not count. */
const UNPACED = new Set(['getUpdates', 'getMe', 'setMyCommands', 'answerCallbackQuery']);

/** Sapa Desa runs as `npm start` runs it: the bundle `npm run build` makes. */
const SCRIPTS = { stock: 'test/bench/stock-bot/main.ts', sapa: 'dist/main.js' } as const;

let built = false;

/** Builds the bundle once per bench run, from the sources as they are now. */
function buildApp(): void {
  if (built) return;
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
  built = true;
}

/** Runs one bot once and cleans up after it. */
export async function runCompareOnce(options: CompareRunOptions): Promise<CompareRunFigures> {
  const loadStart = os.loadavg()[0] ?? 0;
  if (options.driver === 'postgres' && !options.url) throw new Error('postgres needs a url');
  const fresh =
    options.driver === 'postgres'
      ? await createFreshPostgresDatabase(options.url as string, `cmp_${options.bot}`)
      : undefined;
  // Commits are read on the server; PGlite has no pg_stat_database to compare with.
  const admin = fresh ? postgres(options.url as string, { max: 1, onnotice: () => {} }) : undefined;
  if (options.bot === 'sapa') buildApp();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-compare-data-'));
  if (options.driver === 'pglite' && options.bot === 'sapa') await preparePglite(dataDir);
  const fake = await startFakeBotApi({ longPollMs: 500 });
  const problems: string[] = [];
  try {
    const bot = await startBotProcess({
      script: SCRIPTS[options.bot],
      env: await envFor(options, fake, dataDir, fresh?.url),
      fake,
      countStatements: options.driver === 'postgres',
    });
    try {
      const name = fresh ? new URL(fresh.url).pathname.slice(1) : '';
      const commits = async () => {
        if (!admin) return 0;
        const [row] = await admin<{ n: string }[]>`
          select xact_commit::text as n from pg_stat_database where datname = ${name}`;
        return Number(row?.n ?? 0);
      };
      const warmups = chats(fake, FIRST_CHAT_ID, WARMUP_PEOPLE);
      await Promise.all(warmups.map((chat) => walk(chat, [], problems)));
      if (admin) await sleep(STATS_SETTLE_MS);
      const commitsBefore = await commits();
      const statementsBefore = await bot.statements();
      const cpuBefore = bot.cpuMs();
      const serverBefore = localPostgresCpuMs();
      const harnessBefore = process.cpuUsage();
      const people = chats(fake, FIRST_CHAT_ID + WARMUP_PEOPLE, options.people);
      const latencies: number[] = [];
      const started = performance.now();
      await Promise.all(people.map((chat) => walk(chat, latencies, problems)));
      const wallMs = performance.now() - started;
      await sleep(TAIL_MS);
      const cpuMs = bot.cpuMs() - cpuBefore;
      const serverMs = localPostgresCpuMs() - serverBefore;
      const harness = process.cpuUsage(harnessBefore);
      const statementsAfter = await bot.statements();
      const peakRssMb = bot.peakRssMb();
      await bot.stop();
      await sleep(EXIT_STATS_MS);
      const commitsAfter = await commits();
      const inbound = options.people * CONVERSATION.length;
      latencies.sort((a, b) => a - b);
      const sends = fake.sent.filter((m) => m.at >= started).map((m) => m.at);
      const sendSpanMs = (sends[sends.length - 1] ?? 0) - (sends[0] ?? 0);
      const paced = fake.calls.filter(
        (c) =>
          c.at >= (sends[0] ?? 0) &&
          c.at <= (sends[sends.length - 1] ?? 0) &&
          !UNPACED.has(c.method),
      );
      return {
        bot: options.bot,
        inbound,
        wallMs,
        messagesPerSecond: (latencies.length / wallMs) * 1000,
        p50Ms: percentile(latencies, 0.5),
        p99Ms: percentile(latencies, 0.99),
        cpuMsPerMessage: cpuMs / inbound,
        serverCpuMsPerMessage: options.driver === 'postgres' ? serverMs / inbound : undefined,
        harnessCpuMsPerMessage: (harness.user + harness.system) / 1000 / inbound,
        peakRssMb,
        startupCpuMs: bot.startupCpuMs,
        statementsPerMessage:
          statementsAfter === undefined || statementsBefore === undefined
            ? undefined
            : (statementsAfter - statementsBefore) / inbound,
        commitsPerMessage: admin ? (commitsAfter - commitsBefore) / inbound : undefined,
        callsPerMessage: callsPerMessage(fake, started, inbound),
        repliesPerSecond: sendSpanMs > 0 ? ((sends.length - 1) / sendSpanMs) * 1000 : 0,
        pacedCallsPerSecond: sendSpanMs > 0 ? ((paced.length - 1) / sendSpanMs) * 1000 : 0,
        loadStart,
        loadEnd: os.loadavg()[0] ?? 0,
        problems: [
          ...(problems.length > 0 && bot.stderr() ? [`stderr: ${bot.stderr().slice(-1_000)}`] : []),
          ...(await registeredProblems(options, fresh?.url)),
          ...problems,
        ],
      };
    } finally {
      await bot.stop();
    }
  } finally {
    await fake.close();
    await admin?.end();
    await fresh?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Creates and migrates the embedded database in `dataDir` beforehand, as the first run of
 * the app does once: the measured run opens it as every later start does. (On PostgreSQL
 * the fresh database is made on the server, outside the bot, too.) Creating a PGlite
 * database runs initdb in WebAssembly, whose memory peak (~860 MB) never shrinks.
 */
async function preparePglite(dataDir: string): Promise<void> {
  const database = await openDatabase({ driver: 'pglite', dataDir: path.join(dataDir, 'pglite') });
  await database.close();
}

/** The child's environment: unpaced Sapa Desa unless `paced`; statements counted on PostgreSQL. */
async function envFor(
  options: CompareRunOptions,
  fake: FakeBotApi,
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<Record<string, string>> {
  const env: Record<string, string> = {
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
  if (options.bot === 'stock') return env;
  return {
    ...env,
    DATA_DIR: dataDir,
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    LOG_FORMAT: 'json',
    ...(options.paced ? {} : { TELEGRAM_SEND_PER_SECOND: 'unlimited' }),
  };
}

function chats(fake: FakeBotApi, first: number, amount: number): FakeChat[] {
  return Array.from({ length: amount }, (_, i) => fake.chat(first + i));
}

/** One person's onboarding, each step sent once the reply to the previous one came. */
async function walk(chat: FakeChat, latencies: number[], problems: string[]): Promise<void> {
  const number = String(chat.chatId);
  for (const step of CONVERSATION) {
    const wanted = step.expect.replaceAll('{n}', number);
    const start = performance.now();
    try {
      if (step.press !== undefined) chat.press(step.press);
      else chat.say((step.say ?? '').replaceAll('{n}', number));
    } catch (error) {
      problems.push(`${number}: ${(error as Error).message}`);
      return;
    }
    const at = await replyContaining(chat, wanted);
    if (at === undefined) {
      problems.push(`${number} ${step.say ?? `press ${step.press}`}: no "${wanted}"`);
      return;
    }
    latencies.push(at - start);
  }
}

/** When the next message containing `text` came, skipping others; undefined after the timeout. */
async function replyContaining(chat: FakeChat, text: string): Promise<number | undefined> {
  const end = performance.now() + STEP_TIMEOUT_MS;
  while (performance.now() < end) {
    try {
      const [message] = await chat.next(1, Math.max(1, end - performance.now()));
      if (message?.text.includes(text)) return message.at;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Bot API calls made during the measured run, per inbound message, by method. */
function callsPerMessage(fake: FakeBotApi, since: number, inbound: number) {
  const counts: Record<string, number> = {};
  for (const call of fake.calls) {
    if (call.at < since || call.method === 'getUpdates') continue;
    counts[call.method] = (counts[call.method] ?? 0) + 1 / inbound;
  }
  return counts;
}

/** Everyone (warm-up included) registered at the end? Checked on PostgreSQL only. */
async function registeredProblems(options: CompareRunOptions, url: string | undefined) {
  if (!url) return [];
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const table = options.bot === 'stock' ? sql`people` : sql`contacts`;
    const where = options.bot === 'stock' ? sql`true` : sql`registered_at is not null`;
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from ${table} where ${where}`;
    const want = WARMUP_PEOPLE + options.people;
    return row?.n === want ? [] : [`registered: want ${want}, found ${row?.n ?? 0}`];
  } finally {
    await sql.end();
  }
}
