/**
 * A bot run as a child process for the comparison bench, measured from outside: CPU time
 * and peak resident memory from /proc/<pid> (Linux), readiness as its first `getUpdates`
 * on the fake Bot API, and SQL statements through the child's SIGUSR2 report
 * (`BENCH_COUNT_SQL`, see src/db/statement-count.ts and test/bench/stock-bot/main.ts).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeBotApi } from '../support/fake-bot-api.js';

/** Longest wait for a started bot to poll for updates. */
const READY_TIMEOUT_MS = 90_000;
/** Longest wait for the child's statement report after SIGUSR2. */
const REPORT_TIMEOUT_MS = 5_000;
/** Grace after SIGTERM before SIGKILL. */
const STOP_TIMEOUT_MS = 10_000;

/** What starts one bot. */
export interface BotProcessOptions {
  /**
   * The entry point: a TypeScript file, run as `node --import tsx <script>`, or a built
   * `.js` bundle, run with the Node options `npm start` gives it (see {@link startArgs}).
   */
  script: string;
  env: Record<string, string>;
  fake: FakeBotApi;
  /** Whether the child reports SQL statements on SIGUSR2 (it must handle the signal). */
  countStatements: boolean;
}

/** A started bot. */
export interface BotProcess {
  pid: number;
  /** CPU time (user + system) the process used until it first polled, in milliseconds. */
  startupCpuMs: number;
  /** CPU time used so far, in milliseconds. */
  cpuMs(): number;
  /** Peak resident memory so far (VmHWM), in megabytes. */
  peakRssMb(): number;
  /** Statements sent so far, or undefined when the child does not count them. */
  statements(): Promise<number | undefined>;
  /** The last few kilobytes the bot wrote to stderr. */
  stderr(): string;
  /** SIGTERM, and SIGKILL when it has not stopped in time. */
  stop(): Promise<void>;
}

/** The arguments `npm start` gives node (package.json's `start`, after `node`). */
export function startArgs(): string[] {
  const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = manifest.scripts.start.split(/\s+/);
  if (command !== 'node') throw new Error('npm start no longer runs node: update the bench');
  return args;
}

let ticksPerSecond: number | undefined;

/** CPU time of a process from /proc/<pid>/stat, in milliseconds. */
export function processCpuMs(pid: number): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after "pid (comm) ": state is the 3rd field overall, utime the 14th, stime the 15th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}

/**
 * CPU time of every PostgreSQL server process this user can read (a local server:
 * the postmaster, its backends and workers), in milliseconds; 0 when there is none.
 */
export function localPostgresCpuMs(): number {
  let total = 0;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgres') continue;
      total += processCpuMs(Number(entry));
    } catch {
      // The process ended meanwhile.
    }
  }
  return total;
}

/** Peak resident memory of a process (VmHWM), in megabytes. */
export function processPeakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmHWM:\s+(\d+) kB/m.exec(status)?.[1];
  return Number(kb ?? 0) / 1024;
}

/** Starts the bot and resolves once it polls the fake. */
export async function startBotProcess(options: BotProcessOptions): Promise<BotProcess> {
  const polls = options.fake.callsOf('getUpdates').length;
  const countDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-compare-'));
  const countFile = path.join(countDir, 'statements.json');
  // BENCH_CPU_PROF=<folder>: each bot writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const args = options.script.endsWith('.ts')
    ? [...profile, '--import', 'tsx', options.script]
    : [...profile, ...startArgs().filter((arg) => arg.startsWith('-')), options.script];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      PATH: process.env.PATH ?? '',
      ...options.env,
      ...(options.countStatements ? { BENCH_COUNT_SQL: countFile } : {}),
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${options.script} did not start`);
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const stop = async () => {
    if (running()) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(countDir, { recursive: true, force: true });
  };
  const end = performance.now() + READY_TIMEOUT_MS;
  while (options.fake.callsOf('getUpdates').length <= polls) {
    if (!running() || performance.now() > end) {
      await stop();
      throw new Error(`${options.script} did not start polling:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    pid,
    startupCpuMs: processCpuMs(pid),
    cpuMs: () => processCpuMs(pid),
    peakRssMb: () => processPeakRssMb(pid),
    async statements() {
      if (!options.countStatements || !running()) return undefined;
      fs.rmSync(countFile, { force: true });
      child.kill('SIGUSR2');
      const until = performance.now() + REPORT_TIMEOUT_MS;
      while (!fs.existsSync(countFile)) {
        if (performance.now() > until) throw new Error(`${options.script}: no statement report`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return (JSON.parse(fs.readFileSync(countFile, 'utf8')) as { statements: number }).statements;
    },
    stderr: () => stderr,
    stop,
  };
}
