/**
 * Crash bench: people onboard at once through the fake Bot API while the bot, `src/main.ts`
 * as a child process on a fresh PostgreSQL database, is killed with SIGKILL at fixed points
 * (after a given number of replies) and started again each time. Counts steps never
 * answered (lost), replies delivered twice (doubled) and the update → reply times.
 * `npm run bench -- --suite crash` or `npx tsx test/bench/crash.ts --url <postgres url>`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { type FakeChat, type SentMessage, startFakeBotApi } from '../support/fake-bot-api.js';
import { createFreshPostgresDatabase, percentile } from './support.js';
import { CONVERSATION } from './telegram.js';

/** Simulated people at once, unless told otherwise. */
export const DEFAULT_CRASH_PEOPLE = 50;
/**
 * The kills: after this many replies per person on average (so 100, 200 and 300 replies
 * for 50 people), the bot is killed the moment the fake records that reply.
 */
const KILL_AFTER_REPLIES_PER_PERSON = [2, 4, 6] as const;
/** A step not answered within this time is counted lost, and that person stops. */
const STEP_TIMEOUT_MS = 120_000;
/** How long the outbox may take to record its last sends once everyone is done. */
const OUTBOX_SETTLE_MS = 10_000;
/** First chat id of the simulated people. */
const FIRST_CHAT_ID = 700_000;

/** Options of {@link runCrashBench}: the PostgreSQL server a fresh database is made on. */
export interface CrashBenchOptions {
  url: string;
  people?: number;
}

/** What one run measured; times in milliseconds. */
export interface CrashBenchFigures {
  people: number;
  crashes: number;
  steps: number;
  answered: number;
  /** Steps never answered (the person stopped there). */
  lost: number;
  /** Messages a person received more than once. */
  doubled: number;
  /** Each doubled message: whose, its start, and how long after the first copy it came again. */
  doubledMessages: string[];
  replies: number;
  /** From each kill to the restarted bot's first poll. */
  restartMs: number[];
  wallMs: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Outbox rows neither sent nor given up at the end. */
  unsent: number;
  loadBefore: number;
  loadAfter: number;
  /** Which person's step went unanswered. */
  lostSteps: string[];
  /** What makes the run itself invalid (a kill that never happened). */
  problems: string[];
}

/** Runs the conversations and the kills on a fresh database, and drops it afterwards. */
export async function runCrashBench(options: CrashBenchOptions): Promise<CrashBenchFigures> {
  const people = options.people ?? DEFAULT_CRASH_PEOPLE;
  const loadBefore = os.loadavg()[0] ?? 0;
  const fresh = await createFreshPostgresDatabase(options.url, 'crash');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-crash-'));
  const kills = KILL_AFTER_REPLIES_PER_PERSON.map((perPerson) => perPerson * people);
  let replies = 0;
  let nextKill = 0;
  let bot: BotProcess | undefined;
  let crashing: Promise<void> = Promise.resolve();
  const restartMs: number[] = [];
  const problems: string[] = [];
  const fake = await startFakeBotApi({
    longPollMs: 500,
    onSend: () => {
      replies += 1;
      const due = kills[nextKill];
      // A restarting bot may send before it is ready: the kill then waits for it.
      if (due === undefined || replies < due || !bot || bot.killed) return;
      nextKill += 1;
      // Killed at once, before the bot even reads the answer to this send.
      const dying = bot;
      dying.kill();
      crashing = crashing
        .then(async () => {
          const killedAt = performance.now();
          await dying.exited;
          bot = await startBotProcess({ fake, databaseUrl: fresh.url, dataDir });
          restartMs.push(performance.now() - killedAt);
        })
        // Reported, not thrown: the database must still be dropped at the end.
        .catch((error: unknown) => {
          problems.push(`restart failed: ${error instanceof Error ? error.message : error}`);
        });
    },
  });
  try {
    bot = await startBotProcess({ fake, databaseUrl: fresh.url, dataDir });
    const chats = Array.from({ length: people }, (_, i) => fake.chat(FIRST_CHAT_ID + i));
    const latencies: number[] = [];
    const lostSteps: string[] = [];
    const started = performance.now();
    await Promise.all(
      chats.map(async (chat) => {
        const problem = await walk(chat, latencies);
        if (problem) lostSteps.push(problem);
      }),
    );
    const wallMs = performance.now() - started;
    const doubledMessages = chats.flatMap((chat) => doubledIn(chat.messages()));
    await crashing;
    const unsent = await settledOutbox(fresh.url);
    if (restartMs.length < kills.length) {
      problems.push(`only ${restartMs.length} of ${kills.length} kills happened`);
    }
    latencies.sort((a, b) => a - b);
    return {
      people,
      crashes: restartMs.length,
      steps: people * CONVERSATION.length,
      answered: latencies.length,
      lost: lostSteps.length,
      doubled: doubledMessages.length,
      doubledMessages,
      replies,
      restartMs,
      wallMs,
      p50Ms: percentile(latencies, 0.5),
      p90Ms: percentile(latencies, 0.9),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies[latencies.length - 1] ?? 0,
      unsent,
      loadBefore,
      loadAfter: os.loadavg()[0] ?? 0,
      lostSteps,
      problems,
    };
  } finally {
    await crashing;
    await bot?.stop();
    await fake.close();
    await fresh.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** One person's onboarding; returns what went wrong when a step was never answered. */
async function walk(chat: FakeChat, latencies: number[]): Promise<string | undefined> {
  const number = String(chat.chatId);
  for (const step of CONVERSATION) {
    const wanted = step.expect.replaceAll('{n}', number);
    const start = performance.now();
    if (step.press !== undefined) chat.press(step.press);
    else chat.say((step.say ?? '').replaceAll('{n}', number));
    const reply = await replyContaining(chat, wanted);
    if (!reply) return `${number} ${step.say ?? `press ${step.press}`}: no "${wanted}"`;
    latencies.push(reply.at - start);
  }
  return undefined;
}

/** The next message containing `text`, skipping others; undefined after the step timeout. */
async function replyContaining(chat: FakeChat, text: string): Promise<SentMessage | undefined> {
  const end = performance.now() + STEP_TIMEOUT_MS;
  while (performance.now() < end) {
    try {
      const [message] = await chat.next(1, Math.max(1, end - performance.now()));
      if (message?.text.includes(text)) return message;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Messages that repeat an earlier one of the chat exactly (text and buttons). */
function doubledIn(messages: SentMessage[]): string[] {
  const firstAt = new Map<string, number>();
  const doubled: string[] = [];
  for (const message of messages) {
    const key = JSON.stringify([message.text, message.replyMarkup ?? null]);
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, message.at);
    else {
      const text = message.text.slice(0, 30).replace(/\n/g, ' ');
      doubled.push(`${message.chatId} "${text}" again after ${(message.at - first).toFixed(0)} ms`);
    }
  }
  return doubled;
}

/** Waits for the outbox to have nothing waiting or being sent; returns what is left. */
async function settledOutbox(url: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const waiting = async () => {
      const [row] = await sql<{ n: number }[]>`
        select count(*)::int as n from outbox where status in ('pending', 'sending')`;
      return row?.n ?? 0;
    };
    const end = performance.now() + OUTBOX_SETTLE_MS;
    while ((await waiting()) > 0 && performance.now() < end) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return await waiting();
  } finally {
    await sql.end();
  }
}

/** The figures as label/value rows for a plain table. */
export function crashBenchRows(figures: CrashBenchFigures): [string, string][] {
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  return [
    ['database', 'postgres (bot as a child process)'],
    ['people at once', String(figures.people)],
    ['kill -9 (SIGKILL) + restart', String(figures.crashes)],
    ['kill → polling again', figures.restartMs.map(ms).join(', ') || '-'],
    ['steps answered / all', `${figures.answered} / ${figures.steps}`],
    ['lost (step never answered)', String(figures.lost)],
    ['doubled (reply delivered twice)', String(figures.doubled)],
    ['replies', String(figures.replies)],
    ['outbox rows left unsent', String(figures.unsent)],
    ['wall time', ms(figures.wallMs)],
    ['update → reply p50', ms(figures.p50Ms)],
    ['update → reply p90', ms(figures.p90Ms)],
    ['update → reply p99', ms(figures.p99Ms)],
    ['update → reply max', ms(figures.maxMs)],
    [
      'load average (1 min) before / after',
      `${figures.loadBefore.toFixed(2)} / ${figures.loadAfter.toFixed(2)}`,
    ],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: { people: { type: 'string' }, url: { type: 'string' } },
  });
  const url = values.url ?? process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('give --url or BENCH_DATABASE_URL: the crash bench needs PostgreSQL');
  const figures = await runCrashBench({
    url,
    people: values.people ? Number(values.people) : undefined,
  });
  for (const [label, value] of crashBenchRows(figures))
    console.log(`${label.padEnd(36)}  ${value}`);
  for (const step of figures.lostSteps.slice(0, 20)) console.log(`lost: ${step}`);
  for (const message of figures.doubledMessages.slice(0, 20)) console.log(`doubled: ${message}`);
  for (const problem of figures.problems) console.error(`PROBLEM: ${problem}`);
  process.exitCode = figures.problems.length === 0 ? 0 : 1;
}
