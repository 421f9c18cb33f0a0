/**
 * Comparison bench (issue 13): the same onboarding on a stock grammY bot
 * (test/bench/stock-bot/) and on Sapa Desa (`src/main.ts`), each a child process on a
 * fresh database over the fake Bot API, in alternating runs (stock, sapa, stock, …);
 * medians, and the ratio sapa/stock.
 *
 * `npm run bench -- --suite compare [--runs N] [--people N]`: PostgreSQL (BENCH_DATABASE_URL
 * or TEST_DATABASE_URL), 200 people, unpaced, 3 runs of each bot.
 * `--db pglite`: Sapa Desa alone on PGlite, 50 people.
 * `--paced`: Sapa Desa alone at its default send pace (TELEGRAM_SEND_PER_SECOND unset),
 * 50 people: replies per second against the configured pace.
 */
import os from 'node:os';
import { type CompareRunFigures, type CompareRunOptions, runCompareOnce } from './compare-run.js';

/** Runs of each bot unless told. */
export const DEFAULT_COMPARE_RUNS = 3;
/** People at once on PostgreSQL, unpaced, unless told. */
export const DEFAULT_COMPARE_PEOPLE = 200;
/** People at once on PGlite, or at the default pace, unless told. */
export const DEFAULT_SMALL_COMPARE_PEOPLE = 50;
/** Sapa Desa's default Telegram send pace (TELEGRAM_SEND_PER_SECOND), per second. */
const DEFAULT_PACE = 25;

/** What to compare. */
export interface CompareOptions {
  db: 'postgres' | 'pglite';
  url?: string;
  people?: number;
  runs?: number;
  paced?: boolean;
}

/** Medians of one bot's runs. */
export type CompareMedians = Omit<CompareRunFigures, 'bot' | 'problems'> & { runs: number };

/** Runs the comparison, printing each run and then the medians; true when a check failed. */
export async function runCompareBench(
  options: CompareOptions,
  print: (line: string) => void = console.log,
): Promise<boolean> {
  const alone = options.db === 'pglite' || options.paced === true;
  const people = options.people ?? (alone ? DEFAULT_SMALL_COMPARE_PEOPLE : DEFAULT_COMPARE_PEOPLE);
  const runs = options.runs ?? DEFAULT_COMPARE_RUNS;
  const bots: CompareRunOptions['bot'][] = alone ? ['sapa'] : ['stock', 'sapa'];
  const results: CompareRunFigures[] = [];
  let failed = false;
  print(
    `${bots.join(' vs ')} on ${options.db}, ${people} people at once, ${options.paced ? `paced (default ${DEFAULT_PACE}/s)` : 'unpaced'}, ${runs} run(s) each, alternating; load average at start ${load()}`,
  );
  for (let run = 1; run <= runs; run++) {
    for (const bot of bots) {
      const figures = await runCompareOnce({
        bot,
        driver: options.db,
        url: options.url,
        people,
        paced: options.paced === true,
      });
      results.push(figures);
      print(`run ${run} ${bot.padEnd(5)} ${runLine(figures)}`);
      for (const problem of figures.problems.slice(0, 10)) print(`PROBLEM: ${bot}: ${problem}`);
      failed = failed || figures.problems.length > 0;
    }
  }
  const medians = bots.map((bot) => mediansOf(results.filter((r) => r.bot === bot)));
  print('');
  for (const [label = '', ...values] of tableRows(bots, medians, options.paced === true)) {
    print(`${label.padEnd(34)}  ${values.map((v) => v.padStart(12)).join('  ')}`);
  }
  print(`load average (1 min) at the end: ${load()}`);
  return failed;
}

function load(): string {
  return (os.loadavg()[0] ?? 0).toFixed(2);
}

function runLine(f: CompareRunFigures): string {
  const optional = (value: number | undefined) => (value === undefined ? '-' : value.toFixed(2));
  return [
    `${f.messagesPerSecond.toFixed(1)} msg/s`,
    `p50 ${f.p50Ms.toFixed(0)} ms`,
    `p99 ${f.p99Ms.toFixed(0)} ms`,
    `cpu ${f.cpuMsPerMessage.toFixed(2)} ms/msg`,
    `server cpu ${optional(f.serverCpuMsPerMessage)} ms/msg`,
    `harness cpu ${f.harnessCpuMsPerMessage.toFixed(2)} ms/msg`,
    `rss ${f.peakRssMb.toFixed(0)} MB`,
    `start-up cpu ${f.startupCpuMs.toFixed(0)} ms`,
    `sql ${optional(f.statementsPerMessage)}/msg`,
    `commits ${optional(f.commitsPerMessage)}/msg`,
    `replies ${f.repliesPerSecond.toFixed(1)}/s`,
    `load ${f.loadStart.toFixed(2)}→${f.loadEnd.toFixed(2)}`,
  ].join(', ');
}

/** The median of each figure over runs (calls per message: the median per method). */
export function mediansOf(runs: CompareRunFigures[]): CompareMedians {
  const of = (pick: (f: CompareRunFigures) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length === 0 ? undefined : median(values);
  };
  const methods = [...new Set(runs.flatMap((r) => Object.keys(r.callsPerMessage)))].sort();
  return {
    runs: runs.length,
    inbound: of((f) => f.inbound) ?? 0,
    wallMs: of((f) => f.wallMs) ?? 0,
    messagesPerSecond: of((f) => f.messagesPerSecond) ?? 0,
    p50Ms: of((f) => f.p50Ms) ?? 0,
    p99Ms: of((f) => f.p99Ms) ?? 0,
    cpuMsPerMessage: of((f) => f.cpuMsPerMessage) ?? 0,
    serverCpuMsPerMessage: of((f) => f.serverCpuMsPerMessage),
    harnessCpuMsPerMessage: of((f) => f.harnessCpuMsPerMessage) ?? 0,
    peakRssMb: of((f) => f.peakRssMb) ?? 0,
    startupCpuMs: of((f) => f.startupCpuMs) ?? 0,
    statementsPerMessage: of((f) => f.statementsPerMessage),
    commitsPerMessage: of((f) => f.commitsPerMessage),
    callsPerMessage: Object.fromEntries(
      methods.map((m) => [m, of((f) => f.callsPerMessage[m] ?? 0) ?? 0]),
    ),
    repliesPerSecond: of((f) => f.repliesPerSecond) ?? 0,
    pacedCallsPerSecond: of((f) => f.pacedCallsPerSecond) ?? 0,
    loadStart: of((f) => f.loadStart) ?? 0,
    loadEnd: of((f) => f.loadEnd) ?? 0,
  };
}

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Label, one median column per bot, and sapa/stock when both ran. */
function tableRows(bots: string[], medians: CompareMedians[], paced: boolean): string[][] {
  const both = medians.length === 2;
  const row = (
    label: string,
    pick: (m: CompareMedians) => number | undefined,
    digits = 1,
    ratio = true,
  ) => {
    const values = medians.map(pick);
    const shown = values.map((v) => (v === undefined ? '-' : v.toFixed(digits)));
    const [stock, sapa] = values;
    if (both && !ratio) shown.push('');
    else if (both) {
      shown.push(stock && sapa !== undefined ? `${(sapa / stock).toFixed(2)}×` : '-');
    }
    return [label, ...shown];
  };
  const methods = [...new Set(medians.flatMap((m) => Object.keys(m.callsPerMessage)))].sort();
  return [
    [`median of ${medians[0]?.runs ?? 0} run(s)`, ...bots, ...(both ? ['sapa/stock'] : [])],
    row('messages/s', (m) => m.messagesPerSecond),
    row('reply latency p50 (ms)', (m) => m.p50Ms, 0),
    row('reply latency p99 (ms)', (m) => m.p99Ms, 0),
    row('CPU per message (ms)', (m) => m.cpuMsPerMessage, 2),
    row('PostgreSQL CPU per message (ms)', (m) => m.serverCpuMsPerMessage, 2),
    row('bench harness CPU per message (ms)', (m) => m.harnessCpuMsPerMessage, 2, false),
    row('peak RSS (MB)', (m) => m.peakRssMb, 0),
    row('start-up CPU (ms)', (m) => m.startupCpuMs, 0),
    row('SQL statements per message', (m) => m.statementsPerMessage, 2),
    row('commits per message', (m) => m.commitsPerMessage, 2),
    ...methods.map((method) =>
      row(`${method} per message`, (m) => m.callsPerMessage[method] ?? 0, 2),
    ),
    row('replies (sendMessage)/s', (m) => m.repliesPerSecond),
    ...(paced
      ? [
          row('paced calls/s', (m) => m.pacedCallsPerSecond),
          row(
            `replies/s ÷ pace ${DEFAULT_PACE}/s (%)`,
            (m) => (m.repliesPerSecond / DEFAULT_PACE) * 100,
            0,
          ),
        ]
      : []),
    row('load average at start', (m) => m.loadStart, 2, false),
    row('load average at end', (m) => m.loadEnd, 2, false),
  ];
}
