import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { DRIVERS, TEST_DATABASE_URL } from '../../support/db.js';
import { withDatabase } from '../../support/db-shared.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { freePort } from '../../support/free-port.js';
import { eventually, jpeg, quietFor } from './setup.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

/** A fresh migrated PostgreSQL database of this run, dropped after the tests. */
async function freshPostgres(): Promise<string> {
  const template = inject('postgresTemplate');
  if (!TEST_DATABASE_URL || !template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${template}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  cleanups.push(async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  });
  return withDatabase(TEST_DATABASE_URL, name);
}

/** A fresh data folder, removed after the tests. */
function dataFolder(): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-tg-proc-'));
  cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
  return dataDir;
}

/** Starts `src/main.ts` as `npm start` does, pointed at the fake Bot API. */
async function startBot(fake: FakeBotApi, env: Record<string, string>, dataDir = dataFolder()) {
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

  it.each(DRIVERS)(
    'loses no update to a kill -9 (%s): 150 chats each answered once after a restart',
    async (driver) => {
      const fake = await startFakeBotApi();
      cleanups.push(() => fake.close());
      const dataDir = dataFolder();
      const database: Record<string, string> =
        driver === 'postgres' ? { DATABASE_URL: await freshPostgres() } : {};
      const first = await startBot(fake, { PORT: String(await freePort()), ...database }, dataDir);
      await eventually(() => fake.callsOf('getUpdates').length > 0, 'polling', 60_000);

      // 150 people each send a photo. Downloads of every second one hang, so the bot has
      // a batch in hand, half handled and half not, when it is killed.
      const picture = await jpeg(40, 30);
      const chats = Array.from({ length: 150 }, (_, i) => fake.chat(8_100_001 + i));
      const held = (params: Record<string, unknown>) => Number(params.file_id) % 2 === 0;
      const release = fake.hold('getFile', held);
      const updates = chats.map((chat, i) => {
        fake.addFile(String(i), picture);
        const sizes = [{ file_id: String(i), file_unique_id: `u${i}`, width: 40, height: 30 }];
        return chat.send({ photo: sizes });
      });
      const answered = () => chats.filter((chat) => chat.messages().length > 0).length;
      await eventually(() => fake.callsOf('getFile').length >= 100, 'a batch in hand', 60_000);
      await eventually(() => answered() >= 50, 'the unheld half answered', 60_000);
      // Time to mark the last replies sent: one killed between its send and that mark is
      // sent again after the restart (the outbox delivers at least once).
      await quietFor(2_000);
      first.child.kill('SIGKILL');
      await first.exited;
      // Nothing in hand was confirmed: no getUpdates asked past the first update.
      const firstId = updates[0]?.update_id ?? 0;
      const asked = fake.callsOf('getUpdates').map((c) => Number(c.params.offset ?? 0));
      expect(Math.max(...asked)).toBeLessThanOrEqual(firstId);
      expect(answered()).toBe(50);

      release();
      const second = await startBot(fake, { PORT: String(await freePort()), ...database }, dataDir);
      await eventually(() => answered() === 150, 'every chat answered', 120_000);
      await eventually(
        () =>
          fake
            .callsOf('getUpdates')
            .some((c) => Number(c.params.offset) > (updates.at(-1)?.update_id ?? 0)),
        'every update confirmed',
        30_000,
      );
      await quietFor(1_000);
      const firstReplies = chats.map((chat) => chat.messages()[0]?.text ?? '');
      expect(new Set(firstReplies).size).toBe(1);
      for (const chat of chats) {
        const again = chat.messages().filter((m) => m.text === firstReplies[0]);
        expect(again, `chat ${chat.chatId}`).toHaveLength(1);
      }
      // Telegram saw 150 photos; the 50 handled before the kill were not downloaded again.
      expect(fake.callsOf('getFile').length).toBe(100 + 100);
      second.child.kill('SIGTERM');
      expect(await second.exited, second.stderr()).toBe(0);
      const logs = first.stderr() + second.stderr();
      for (const chat of chats) expect(logs).not.toContain(String(chat.chatId));
    },
    240_000,
  );
});
