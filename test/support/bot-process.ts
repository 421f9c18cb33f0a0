import { type ChildProcess, spawn } from 'node:child_process';
import type { FakeBotApi } from './fake-bot-api.js';
import { freePort } from './free-port.js';

/** Longest wait for a started bot to poll for updates. */
const BOT_READY_TIMEOUT_MS = 90_000;

/** The bot (`src/main.ts`) as a child process, as `npm start` runs it. */
export interface BotProcess {
  killed: boolean;
  exited: Promise<void>;
  /** kill -9. */
  kill(): void;
  /** SIGTERM, and SIGKILL when it has not stopped in time. */
  stop(): Promise<void>;
}

/**
 * Starts the bot on PostgreSQL with the Telegram channel on `fake`, with more environment
 * (`TELEGRAM_SEND_PER_SECOND`, ...); resolves once it polls the fake.
 */
export async function startBotProcess(params: {
  fake: FakeBotApi;
  databaseUrl: string;
  dataDir: string;
  env?: Record<string, string>;
}): Promise<BotProcess> {
  const { fake } = params;
  const polls = fake.callsOf('getUpdates').length;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: params.dataDir,
      DATABASE_URL: params.databaseUrl,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      LOG_FORMAT: 'json',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      ...params.env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr = (stderr + String(chunk)).slice(-4_000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const bot: BotProcess = {
    killed: false,
    exited,
    kill() {
      bot.killed = true;
      child.kill('SIGKILL');
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const end = performance.now() + BOT_READY_TIMEOUT_MS;
  while (fake.callsOf('getUpdates').length <= polls) {
    if (child.exitCode !== null || performance.now() > end) {
      await bot.stop();
      throw new Error(`the bot did not start polling:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return bot;
}
