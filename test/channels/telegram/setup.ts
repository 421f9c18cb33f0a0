import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  createTelegramChannel,
  type TelegramChannel,
} from '../../../src/channels/telegram/index.js';
import type { FlowDefinition } from '../../../src/core/flow/types.js';
import {
  createHealthCheck,
  createHttpApp,
  type HttpServer,
  startHttpServer,
} from '../../../src/http/server.js';
import { createLogger, type Logger } from '../../../src/logger.js';
import { photoSource } from '../../../src/media/photo-source.js';
import { createMediaStore } from '../../../src/media/store.js';
import type { RuntimeChannel } from '../../../src/runtime/types.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { createHarness, createTestIds, type Harness, silentLogger } from '../../support/harness.js';

/** The webhook secret of webhook-mode tests. */
export const WEBHOOK_SECRET = 'test-webhook-secret-0123456789';

/** A runtime on a test database, a Telegram channel and the fake Bot API it talks to. */
export interface TelegramTest {
  fake: FakeBotApi;
  h: Harness;
  telegram: TelegramChannel;
  /** The HTTP server (webhook mode). */
  http?: HttpServer;
  /** Like a restarted process: the channel stops, a new runtime and channel start. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link startTelegramTest}. */
export interface TelegramTestOptions {
  webhook?: boolean;
  flows?: FlowDefinition[];
  /** A fixed entry flow; without it idle people open onboarding, as in the app. */
  entryFlow?: string;
  adminIds?: string[];
  restartDelayMs?: number;
  /** Runs before the channel starts (to script failures of start-up calls). */
  beforeStart?: (fake: FakeBotApi) => void;
  /** Where the channel, the runtime and the HTTP app log; nothing by default. */
  logger?: Logger;
}

/** A logger keeping its JSON lines, from `level` up. */
export function captureLogs(level = 'info'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const logger = createLogger({
    level,
    format: 'json',
    destination: { write: (line) => lines.push(line) },
  });
  return { logger, lines };
}

/** Lines that name one of `ids` as a whole number (not inside a longer one). */
export function linesNaming(lines: string[], ids: number[]): string[] {
  return lines.filter((line) =>
    ids.some((id) => new RegExp(`(^|[^0-9])${id}([^0-9]|$)`).test(line)),
  );
}

/** Starts everything; polling by default, webhook mode with `webhook`. */
export async function startTelegramTest(options: TelegramTestOptions = {}): Promise<TelegramTest> {
  const fake = await startFakeBotApi();
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-tg-media-'));
  const mediaIds = createTestIds('media');
  const channels: RuntimeChannel[] = [];
  let h: Harness | undefined;
  const harness = () => {
    if (!h) throw new Error('the harness is not built yet');
    return h;
  };
  let http: HttpServer | undefined;
  let webhookUrl: string | undefined;

  const store = () =>
    createMediaStore({
      db: harness().db.db,
      mediaDir,
      maxBytes: 1_000_000,
      clock: harness().clock,
      ids: mediaIds,
    });
  const build = () =>
    createTelegramChannel({
      token: fake.token,
      apiRoot: fake.apiRoot,
      webhook: webhookUrl ? { url: webhookUrl, secret: WEBHOOK_SECRET } : undefined,
      adminIds: options.adminIds ?? [],
      receive: (inbound) => harness().runtime.receive(inbound),
      recordOnce: (key) => harness().runtime.recordOnce(key),
      wasReceived: (key) => harness().runtime.wasReceived(key),
      markUnreachable: (address) => harness().runtime.markUnreachable(address),
      savePhoto: async ({ bytes, fileId }) => {
        const saved = await store().save({ bytes, originChannel: 'telegram', originRef: fileId });
        return saved.type === 'stored' ? { type: 'stored', mediaId: saved.media.id } : saved;
      },
      loadPhoto: (mediaId) =>
        photoSource({ db: harness().db.db, store: store() }, 'telegram')(mediaId),
      maxPhotoBytes: 1_000_000,
      translate: (text, language) => harness().translator.translate(text, language),
      languages: ['id', 'en'],
      defaultLanguage: 'id',
      clock: { now: () => harness().clock.now() },
      logger: options.logger ?? silentLogger,
      pollTimeoutSeconds: 1,
      restartDelayMs: options.restartDelayMs,
    });

  let telegram: TelegramChannel;
  const app = createHttpApp({
    health: createHealthCheck({ telegram: () => telegram.health() }),
    logger: options.logger ?? silentLogger,
  });
  if (options.webhook) {
    http = await startHttpServer({ app, port: 0, logger: silentLogger, hostname: '127.0.0.1' });
    webhookUrl = `http://127.0.0.1:${http.port}/telegram/webhook`;
  }
  telegram = build();
  telegram.mount(app);
  channels.push(telegram.channel);
  h = await createHarness({
    flows: options.flows,
    entryFlow: options.entryFlow,
    onboarding: options.entryFlow === undefined,
    channels,
    logger: options.logger,
  });
  options.beforeStart?.(fake);
  await telegram.start();

  const test: TelegramTest = {
    fake,
    h,
    telegram,
    http,
    async restart() {
      await test.telegram.stop();
      test.telegram = build();
      channels[0] = test.telegram.channel;
      await harness().restart();
      await test.telegram.start();
    },
    async close() {
      await test.telegram.stop();
      await http?.close();
      await harness().close();
      await fake.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
  return test;
}

/** A small real JPEG. */
export function jpeg(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#3a7d44' } })
    .jpeg()
    .toBuffer();
}

/** Photo sizes as Telegram lists them, smallest first, each a file the fake serves. */
export function photoSizes(fake: FakeBotApi, id: string, bytes: Uint8Array) {
  fake.addFile(`${id}-s`, bytes);
  fake.addFile(`${id}-l`, bytes);
  const size = bytes.byteLength;
  return [
    { file_id: `${id}-s`, file_unique_id: `${id}-us`, width: 32, height: 24, file_size: size },
    { file_id: `${id}-l`, file_unique_id: `${id}-ul`, width: 64, height: 48, file_size: size },
  ];
}

/** Polls `check` until it is true. */
export async function eventually(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Gives the bot a moment in which it must stay silent. */
export function quietFor(ms = 400): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
