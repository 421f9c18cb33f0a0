/**
 * Benchmark of the conversation runtime: many simulated people at once, each walking
 * the feedback flow like a human (the next line only after the reply arrived), through
 * the real runtime, engine, flows, actions and translator, with the console channel's
 * parsing and rendering but no terminal. Run: `npx tsx test/bench/runtime.ts`, or all
 * benches with `npm run bench`.
 */
import crypto from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { count, ne } from 'drizzle-orm';
import { actions, FLOW_IDS, flows } from '../../flows/index.js';
import { parseConsoleLine } from '../../src/channels/console/parse.js';
import { renderNumberedText } from '../../src/channels/text-render.js';
import { createEngine } from '../../src/core/engine/engine.js';
import { validateFlows } from '../../src/core/flow/validate.js';
import type { Database } from '../../src/db/client.js';
import { feedback, outbox } from '../../src/db/schema/index.js';
import { createTranslator } from '../../src/i18n.js';
import { createLogger } from '../../src/logger.js';
import { createRuntime, type Runtime } from '../../src/runtime/runtime.js';
import type { RuntimeChannel } from '../../src/runtime/types.js';
import { openFreshDatabase, percentile } from './support.js';

/** Simulated people walking the conversation at once, unless told otherwise. */
export const DEFAULT_PEOPLE = 100;
/** People who walk the conversation first, untimed, so the JIT and the database are warm. */
const WARMUP_PEOPLE = 5;
/** Correctness problems listed in full; the rest are counted. */
const PROBLEMS_SHOWN = 10;
const CHANNEL = 'console';
const BYTES_PER_MB = 1024 * 1024;

/**
 * What each person types, how many replies each line must get, and a text the last
 * reply must contain. `{n}` is the person's number. One wrong answer ("pendek"), one
 * "kembali", then through to the confirmation that saves the suggestion.
 */
const CONVERSATION: readonly { line: string; replies: number; expect: string }[] = [
  { line: 'halo', replies: 1, expect: '6. Kirim saran untuk Sapa Desa' },
  { line: 'enam', replies: 1, expect: 'Saran Anda tentang apa?' },
  { line: '3', replies: 1, expect: 'Silakan tulis saran Anda' },
  { line: 'pendek', replies: 1, expect: 'Jawabannya terlalu pendek' },
  { line: 'kembali', replies: 1, expect: 'Saran Anda tentang apa?' },
  { line: '4', replies: 1, expect: 'Silakan tulis saran Anda' },
  { line: 'Menu laporan belum ada, warga {n}', replies: 1, expect: 'Seberapa puas' },
  { line: 'empat', replies: 1, expect: 'Ketik *lewati*' },
  { line: 'lewati', replies: 1, expect: 'ingin dihubungi' },
  { line: 'iya', replies: 1, expect: '• Saran: Menu laporan belum ada, warga {n}' },
  // The thanks and the menu after it arrive as one message (a text alone joins the next).
  { line: '1', replies: 1, expect: 'Apa yang ingin Anda lakukan?' },
];

/** Options of {@link runRuntimeBench}; `url` is the PostgreSQL server for `postgres`. */
export interface RuntimeBenchOptions {
  driver: 'pglite' | 'postgres';
  url?: string;
  people?: number;
}

/** What one run measured; times in milliseconds. `problems` is empty when all was right. */
export interface RuntimeBenchFigures {
  driver: 'pglite' | 'postgres';
  people: number;
  /** Opening and migrating the fresh database. */
  setupMs: number;
  messages: number;
  replies: number;
  wallMs: number;
  messagesPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  feedbackRows: number;
  rssMb: number;
  problems: string[];
}

/** A reply as the console would print it, and when it was sent (performance.now()). */
type Reply = { text: string; at: number };
type Inboxes = Map<string, Reply[]>;

/** Runs warm-up and then `people` concurrent conversations on a fresh database. */
export async function runRuntimeBench(options: RuntimeBenchOptions): Promise<RuntimeBenchFigures> {
  const people = options.people ?? DEFAULT_PEOPLE;
  const setupStart = performance.now();
  const database = await openFreshDatabase(options, 'bench');
  const setupMs = performance.now() - setupStart;
  const inboxes: Inboxes = new Map();
  const runtime = await startRuntime(database, inboxes);
  try {
    const problems: string[] = [];
    await Promise.all(
      names('warmup', WARMUP_PEOPLE).map((p) => walk(runtime, inboxes, p, [], problems)),
    );
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      names('warga', people).map((person) => walk(runtime, inboxes, person, latencies, problems)),
    );
    const wallMs = performance.now() - started;
    const feedbackRows = await checkDatabase(database, WARMUP_PEOPLE + people, problems);
    latencies.sort((a, b) => a - b);
    return {
      driver: options.driver,
      people,
      setupMs,
      messages: latencies.length,
      replies: [...inboxes.entries()]
        .filter(([person]) => person.startsWith('warga'))
        .reduce((sum, [, replies]) => sum + replies.length, 0),
      wallMs,
      messagesPerSecond: (latencies.length / wallMs) * 1000,
      p50Ms: percentile(latencies, 0.5),
      p90Ms: percentile(latencies, 0.9),
      p99Ms: percentile(latencies, 0.99),
      maxMs: latencies[latencies.length - 1] ?? 0,
      feedbackRows,
      rssMb: process.memoryUsage().rss / BYTES_PER_MB,
      problems,
    };
  } finally {
    await runtime.stop();
    await database.close();
  }
}

/** The app's runtime (real engine, flows, actions, translator) with a rendering channel. */
async function startRuntime(database: Database, inboxes: Inboxes): Promise<Runtime> {
  const translator = await createTranslator('id');
  validateFlows(flows, {
    requiredFlows: Object.values(FLOW_IDS),
    actions: actions.map((action) => action.declaration),
    hasKey: translator.hasKey,
  });
  const runtime = createRuntime({
    db: database.db,
    engine: createEngine({ flows, helpFlow: FLOW_IDS.help, languageFlow: FLOW_IDS.language }),
    translator,
    actions,
    clock: { now: () => new Date() },
    ids: { next: () => crypto.randomUUID() },
    logger: createLogger({ level: 'silent', format: 'json', destination: { write: () => {} } }),
    defaultLanguage: 'id',
    exclusiveDatabase: database.driver === 'pglite',
    entryFlowFor: () => FLOW_IDS.menu,
  });
  runtime.addChannel(createRenderingChannel(inboxes));
  await runtime.start();
  return runtime;
}

/** The console channel without a terminal: renders each message and notes when. */
function createRenderingChannel(inboxes: Inboxes): RuntimeChannel {
  return {
    name: CHANNEL,
    async send(externalId, message) {
      const text = renderNumberedText(message);
      const inbox = inboxes.get(externalId) ?? [];
      inbox.push({ text, at: performance.now() });
      inboxes.set(externalId, inbox);
      return { type: 'sent' };
    },
  };
}

/**
 * One person's conversation, each line typed once the reply to the previous one came.
 * Latency of a line: from calling `receive` to the sending of its last reply.
 */
async function walk(
  runtime: Runtime,
  inboxes: Inboxes,
  person: string,
  latencies: number[],
  problems: string[],
): Promise<void> {
  const number = person.replace(/\D/g, '');
  for (const [index, step] of CONVERSATION.entries()) {
    const line = step.line.replaceAll('{n}', number);
    const parsed = parseConsoleLine(line);
    if (parsed.type !== 'message') throw new Error(`"${line}" is not a message`);
    const before = inboxes.get(person)?.length ?? 0;
    const start = performance.now();
    const outcome = await runtime.receive({
      channel: CHANNEL,
      messageId: `${person}-${index + 1}`,
      externalId: person,
      receivedAt: new Date(),
      payload: parsed.payload,
    });
    const replies = inboxes.get(person)?.slice(before) ?? [];
    const last = replies[replies.length - 1];
    latencies.push((last?.at ?? performance.now()) - start);
    const wanted = step.expect.replaceAll('{n}', number);
    if (outcome.type !== 'handled') problems.push(`${person} "${line}": ${outcome.type}`);
    else if (replies.length !== step.replies || !last?.text.includes(wanted)) {
      const got = replies.map((r) => r.text.replace(/\n+/g, ' ⏎ ')).join(' | ');
      problems.push(
        `${person} "${line}": want ${step.replies} replies ending "${wanted}", got: ${got}`,
      );
    }
  }
}

/** Counts saved suggestions and messages not sent; returns the suggestion count. */
async function checkDatabase(database: Database, want: number, problems: string[]) {
  const [saved] = await database.db.select({ n: count() }).from(feedback);
  const [unsent] = await database.db
    .select({ n: count() })
    .from(outbox)
    .where(ne(outbox.status, 'sent'));
  const rows = Number(saved?.n ?? 0);
  if (rows !== want) problems.push(`feedback rows: want ${want}, found ${rows}`);
  if (Number(unsent?.n ?? 0) > 0) problems.push(`outbox rows not sent: ${unsent?.n}`);
  return rows;
}

function names(prefix: string, amount: number): string[] {
  const width = String(amount).length;
  return Array.from(
    { length: amount },
    (_, i) => `${prefix}-${String(i + 1).padStart(width, '0')}`,
  );
}

/** The figures as label/value rows for a plain table. */
export function runtimeBenchRows(figures: RuntimeBenchFigures): [string, string][] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    ['database', `${figures.driver} (fresh, open + migrate ${ms(figures.setupMs)})`],
    ['people at once', String(figures.people)],
    ['messages / replies', `${figures.messages} / ${figures.replies}`],
    ['wall time', ms(figures.wallMs)],
    ['messages per second', figures.messagesPerSecond.toFixed(1)],
    ['latency p50', ms(figures.p50Ms)],
    ['latency p90', ms(figures.p90Ms)],
    ['latency p99', ms(figures.p99Ms)],
    ['latency max', ms(figures.maxMs)],
    ['feedback rows (incl. warm-up)', String(figures.feedbackRows)],
    ['process RSS at end', `${figures.rssMb.toFixed(0)} MB`],
    ['correctness', figures.problems.length === 0 ? 'ok' : `${figures.problems.length} problems`],
  ];
}

/** The first problems of a run, one a line, and how many more there were. */
export function problemLines(figures: RuntimeBenchFigures): string[] {
  const shown = figures.problems.slice(0, PROBLEMS_SHOWN);
  const more = figures.problems.length - shown.length;
  return more > 0 ? [...shown, `... and ${more} more`] : shown;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const figures = await runRuntimeBench({ driver: 'pglite' });
  for (const [label, value] of runtimeBenchRows(figures))
    console.log(`${label.padEnd(30)}  ${value}`);
  for (const line of problemLines(figures)) console.error(`PROBLEM: ${line}`);
  process.exitCode = figures.problems.length === 0 ? 0 : 1;
}
