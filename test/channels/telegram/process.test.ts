import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { eventually } from './setup.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `src/main.ts` as `npm start` does, pointed at the fake Bot API. */
async function startBot(fake: FakeBotApi, env: Record<string, string>) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-tg-proc-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      TELEGRAM_BOT_TOKEN: fake.token,
      TELEGRAM_API_ROOT: fake.apiRoot,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  cleanups.push(() => child.kill('SIGKILL'));
  return { child, stderr: () => err, exited };
}

describe('npm start with TELEGRAM_BOT_TOKEN', () => {
  it('polls, answers a chat, reports telegram in /healthz and stops on SIGTERM', async () => {
    const fake = await startFakeBotApi();
    cleanups.push(() => fake.close());
    const port = await freePort();
    const bot = await startBot(fake, { PORT: String(port) });
    await eventually(() => fake.callsOf('getUpdates').length > 0, 'polling', 60_000);
    const chat = fake.chat(5001);
    chat.say('/start');
    expect((await chat.next(1, 30_000))[0]?.parseMode).toBe('HTML');
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await health.json()).toMatchObject({
      parts: { telegram: { status: 'up' }, console: { status: 'disabled' } },
    });
    bot.child.kill('SIGTERM');
    expect(await bot.exited, bot.stderr()).toBe(0);
    expect(bot.stderr()).not.toContain(fake.token);
  }, 90_000);

  it('in webhook mode, registers the webhook after listening and refuses a wrong secret', async () => {
    const fake = await startFakeBotApi();
    cleanups.push(() => fake.close());
    const port = await freePort();
    const secret = 'process-test-secret-0123456789';
    const bot = await startBot(fake, {
      PORT: String(port),
      TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}/telegram/hook`,
      TELEGRAM_WEBHOOK_SECRET: secret,
    });
    await eventually(() => fake.webhook() !== undefined, 'the webhook', 60_000);
    expect(fake.webhook()).toEqual({ url: `http://127.0.0.1:${port}/telegram/hook`, secret });
    const chat = fake.chat(5002);
    const update = chat.say('/start');
    expect((await chat.next(1, 30_000))[0]?.parseMode).toBe('HTML');
    expect((await fake.deliverWebhook(update, 'wrong-secret-0123456789')).status).toBe(401);
    expect(fake.callsOf('getUpdates')).toHaveLength(0);
    bot.child.kill('SIGTERM');
    expect(await bot.exited, bot.stderr()).toBe(0);
  }, 90_000);
});
