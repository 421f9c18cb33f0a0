/**
 * Every benchmark, one plain table each: the runtime, then Telegram through the fake
 * Bot API, each on PGlite and then on PostgreSQL when BENCH_DATABASE_URL or
 * TEST_DATABASE_URL names a server (a fresh database is created on it and dropped),
 * then the village search. `npm run bench [-- --people N] [-- --suite runtime,telegram,villages]`.
 * `--suite crash` (not in the default set: it needs PostgreSQL and a few minutes) kills the
 * bot, run as a child process, three times while people onboard (test/bench/crash.ts).
 * `--suite compare [--runs N] [--db pglite] [--paced]` (not in the default set either)
 * compares Sapa Desa with a stock grammY bot (test/bench/compare.ts). `--suite broadcast`
 * (PostgreSQL) times resolving 100,000 recipients and a broadcast's delivery rate and the
 * replies to people chatting meanwhile (test/bench/broadcast.ts). `--suite training`
 * (PostgreSQL) times 10,000 reminders due at once through the bulk lane, then a reminder's
 * delivery while people chat (test/bench/training.ts).
 * Exits 1 when a correctness check failed.
 */
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { broadcastBenchRows, runBroadcastBench } from './broadcast.js';
import { runCompareBench } from './compare.js';
import {
  type CrashBenchOptions,
  crashBenchRows,
  DEFAULT_CRASH_PEOPLE,
  runCrashBench,
} from './crash.js';
import {
  DEFAULT_PEOPLE,
  problemLines,
  type RuntimeBenchOptions,
  runRuntimeBench,
  runtimeBenchRows,
} from './runtime.js';
import {
  DEFAULT_TELEGRAM_PEOPLE,
  runTelegramBench,
  type TelegramBenchOptions,
  telegramBenchRows,
} from './telegram.js';
import { runTrainingBench, trainingBenchRows } from './training.js';
import { printVillageSearchFigures, runVillageSearchBench } from './village-search.js';

/**
 * Pause before the village search measures heap: a just-closed PGlite still frees
 * ~10 MB of JS heap a turn later, which otherwise halves the "heap: directory" figure.
 */
const HEAP_SETTLE_MS = 1_000;

const SUITES = ['runtime', 'telegram', 'villages'] as const;
const { values } = parseArgs({
  options: {
    people: { type: 'string' },
    suite: { type: 'string', default: SUITES.join(',') },
    runs: { type: 'string' },
    db: { type: 'string', default: 'postgres' },
    paced: { type: 'boolean', default: false },
  },
});
const people = values.people === undefined ? undefined : Number(values.people);
if (people !== undefined && (!Number.isInteger(people) || people < 1)) {
  throw new Error('--people must be a whole number');
}
const suites = new Set(values.suite.split(','));
const urlVariable = ['BENCH_DATABASE_URL', 'TEST_DATABASE_URL'].find((name) => process.env[name]);
const postgresUrl = urlVariable ? process.env[urlVariable] : undefined;

printHeader();
let failed = false;
if (suites.has('runtime')) {
  const options = { people: people ?? DEFAULT_PEOPLE };
  failed = (await runtimeBench({ driver: 'pglite', ...options })) || failed;
  if (postgresUrl) {
    failed = (await runtimeBench({ driver: 'postgres', url: postgresUrl, ...options })) || failed;
  } else {
    printSkipped('runtime');
  }
}
if (suites.has('telegram')) {
  const options = { people: people ?? DEFAULT_TELEGRAM_PEOPLE };
  failed = (await telegramBench({ driver: 'pglite', ...options })) || failed;
  if (postgresUrl) {
    failed = (await telegramBench({ driver: 'postgres', url: postgresUrl, ...options })) || failed;
  } else {
    printSkipped('telegram');
  }
}
if (suites.has('crash')) {
  if (postgresUrl) {
    failed =
      (await crashBench({ url: postgresUrl, people: people ?? DEFAULT_CRASH_PEOPLE })) || failed;
  } else {
    printSkipped('crash');
  }
}
if (suites.has('compare')) {
  const runs = values.runs === undefined ? undefined : Number(values.runs);
  if (runs !== undefined && (!Number.isInteger(runs) || runs < 1)) {
    throw new Error('--runs must be a whole number');
  }
  const db = (['postgres', 'pglite'] as const).find((name) => name === values.db);
  if (!db) throw new Error('--db: postgres or pglite');
  console.log('\n== compare: stock grammY bot and Sapa Desa, each a child process');
  if (db === 'postgres' && !postgresUrl) printSkipped('compare');
  else {
    const options = { db, url: postgresUrl, people, runs, paced: values.paced };
    failed = (await runCompareBench(options)) || failed;
  }
}
if (suites.has('broadcast')) {
  console.log('\n== broadcast: resolve 100,000 recipients, deliver at the Telegram pace');
  if (!postgresUrl) printSkipped('broadcast');
  else {
    const figures = await runBroadcastBench({ url: postgresUrl, recipients: people });
    printTable(broadcastBenchRows(figures));
    for (const problem of figures.problems) console.error(`PROBLEM: ${problem}`);
    failed = figures.problems.length > 0 || failed;
  }
}
if (suites.has('training')) {
  console.log(
    '\n== training: 10,000 reminders due at once through the bulk lane, delivery while people chat',
  );
  if (!postgresUrl) printSkipped('training');
  else {
    const figures = await runTrainingBench({ url: postgresUrl, recipients: people });
    printTable(trainingBenchRows(figures));
    for (const problem of figures.problems) console.error(`PROBLEM: ${problem}`);
    failed = figures.problems.length > 0 || failed;
  }
}
if (suites.has('villages')) {
  console.log('\n== village search');
  await sleep(HEAP_SETTLE_MS);
  printVillageSearchFigures(await runVillageSearchBench());
}
if (failed) {
  console.error('\nBENCH FAILED: a correctness check failed (see PROBLEM lines above)');
  process.exitCode = 1;
}

/** Runs one runtime bench and prints its table; returns true when a check failed. */
async function runtimeBench(options: RuntimeBenchOptions): Promise<boolean> {
  const where = options.url ? ` (${redact(options.url)}, from ${urlVariable})` : ' (in memory)';
  console.log(`\n== runtime on ${options.driver}${where}`);
  const figures = await runRuntimeBench(options);
  printTable(runtimeBenchRows(figures));
  for (const line of problemLines(figures)) console.error(`PROBLEM: ${line}`);
  return figures.problems.length > 0;
}

/** Runs the Telegram bench (the channel's production send pace) and prints its table. */
async function telegramBench(options: TelegramBenchOptions): Promise<boolean> {
  const where = options.url ? ` (${redact(options.url)}, from ${urlVariable})` : ' (in memory)';
  console.log(`\n== telegram through the fake Bot API on ${options.driver}${where}`);
  const figures = await runTelegramBench(options);
  printTable(telegramBenchRows(figures));
  for (const problem of figures.problems) console.error(`PROBLEM: ${problem}`);
  return figures.problems.length > 0;
}

/**
 * Runs the crash bench and prints its table. Lost and doubled steps are printed, not
 * failed on: they are what this bench measures.
 */
async function crashBench(options: CrashBenchOptions): Promise<boolean> {
  console.log(
    `\n== crash: kill -9 during onboarding (${redact(options.url)}, from ${urlVariable})`,
  );
  const figures = await runCrashBench(options);
  printTable(crashBenchRows(figures));
  for (const step of figures.lostSteps.slice(0, 20)) console.log(`lost: ${step}`);
  for (const message of figures.doubledMessages.slice(0, 20)) console.log(`doubled: ${message}`);
  for (const problem of figures.problems) console.error(`PROBLEM: ${problem}`);
  return figures.problems.length > 0;
}

function printSkipped(suite: string): void {
  console.log(`\n== ${suite} on PostgreSQL: skipped`);
  console.log('   set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a server to run it, e.g.');
  console.log('   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench');
}

function printHeader(): void {
  const script = [path.relative(process.cwd(), process.argv[1] ?? ''), ...process.argv.slice(2)];
  const command = `${process.env.npm_lifecycle_event === 'bench' ? 'npm run bench → ' : ''}tsx ${script.join(' ')}`;
  const cpus = os.cpus();
  printTable([
    ['command', command],
    ['database variable', urlVariable ?? 'none'],
    ['machine', `${cpus.length} CPUs (${cpus[0]?.model ?? 'unknown'}), ${os.platform()}`],
    ['node', process.version],
    ['load average (1 min)', os.loadavg()[0]?.toFixed(2) ?? '?'],
  ]);
}

function printTable(rows: [string, string][]): void {
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
}

/** The URL without its password, fit to print. */
function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
