import { timingSafeEqual } from 'node:crypto';
import { type RunnerHandle, run, sequentialize } from '@grammyjs/runner';
import { Bot, webhookCallback } from 'grammy';
import type { Inbound, Text } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { HttpApp, PartHealth } from '../../http/server.js';
import type { Logger } from '../../logger.js';
import type { RuntimeChannel } from '../../runtime/types.js';
import type { LoadTelegramPhoto } from './attachments.js';
import { createCallbackSigner } from './callback-data.js';
import { registerCommands } from './commands.js';
import { createPace, TELEGRAM_SENDS_PER_SECOND } from './pace.js';
import { ALLOWED_UPDATES } from './parse.js';
import { downloadFile } from './photo.js';
import { createTelegramSender, describeError } from './sender.js';
import { createUpdateHandler, type SaveTelegramPhoto } from './updates.js';

/** The channel name of Telegram. */
export const TELEGRAM_CHANNEL = 'telegram';
/** The official Bot API server. */
export const TELEGRAM_API_ROOT = 'https://api.telegram.org';
/** Long-polling wait of one `getUpdates`, in seconds. */
export const TELEGRAM_POLL_TIMEOUT_SECONDS = 30;
/** Longest wait for any Bot API call, in seconds (above the long-polling wait). */
export const TELEGRAM_API_TIMEOUT_SECONDS = 60;
/** Wait before trying start-up again, or restarting polling that stopped, in milliseconds. */
export const TELEGRAM_RESTART_DELAY_MS = 5_000;
/**
 * How long a webhook request waits for its update to be handled before answering 200
 * anyway (handling goes on); Telegram gives up on slow webhooks and sends again.
 */
export const TELEGRAM_WEBHOOK_ANSWER_WITHIN_MS = 20_000;

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** What the Telegram channel is built from. */
export interface TelegramChannelDeps {
  token: string;
  apiRoot?: string;
  /** Webhook mode when set: updates arrive on the URL's path of the HTTP server. */
  webhook?: { url: string; secret: string };
  /** Telegram user ids of administrators. */
  adminIds: readonly string[];
  receive(inbound: Inbound): Promise<unknown>;
  markUnreachable(address: { channel: string; externalId: string }): Promise<void>;
  savePhoto: SaveTelegramPhoto;
  /** Finds a stored photo a message shows (a report opened by staff). */
  loadPhoto?: LoadTelegramPhoto;
  maxPhotoBytes: number;
  translate(text: Text, language: string): string;
  languages: readonly string[];
  defaultLanguage: string;
  clock: Clock;
  logger: Logger;
  /** Overall pace of sends; defaults to {@link TELEGRAM_SENDS_PER_SECOND}. */
  sendsPerSecond?: number;
  /** Long-polling wait; defaults to {@link TELEGRAM_POLL_TIMEOUT_SECONDS}. */
  pollTimeoutSeconds?: number;
  /** Wait before trying again after a failed start; defaults to {@link TELEGRAM_RESTART_DELAY_MS}. */
  restartDelayMs?: number;
}

/** The running Telegram channel. */
export interface TelegramChannel {
  channel: RuntimeChannel;
  /** Adds the webhook route to the HTTP app (webhook mode only). */
  mount(app: HttpApp): void;
  /**
   * Starts polling, or registers the webhook: call it once the HTTP server listens.
   * Never throws: a failure is logged, shown in health, and tried again.
   */
  start(): Promise<void>;
  /** Stops taking updates and waits for those in hand. */
  stop(): Promise<void>;
  health(): Promise<PartHealth>;
}

/** Builds the Telegram channel on grammY. */
export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const apiRoot = (deps.apiRoot ?? TELEGRAM_API_ROOT).replace(/\/+$/, '');
  const log = deps.logger.child({ channel: TELEGRAM_CHANNEL });
  const bot = new Bot(deps.token, {
    client: { apiRoot, timeoutSeconds: TELEGRAM_API_TIMEOUT_SECONDS },
  });
  const signer = createCallbackSigner(deps.token);
  const sender = createTelegramSender({
    api: bot.api,
    pace: createPace(deps.sendsPerSecond ?? TELEGRAM_SENDS_PER_SECOND),
    signer,
    translate: deps.translate,
    defaultLanguage: deps.defaultLanguage,
    logger: log,
    loadPhoto: deps.loadPhoto,
  });
  const handle = createUpdateHandler({
    ...deps,
    channel: TELEGRAM_CHANNEL,
    api: bot.api,
    sender,
    signer,
    logger: log,
    download: (fileId) =>
      downloadFile({
        api: bot.api,
        apiRoot,
        token: deps.token,
        fileId,
        maxBytes: deps.maxPhotoBytes,
      }),
    languageOf: (code) => {
      const short = code?.slice(0, 2).toLowerCase();
      return short && deps.languages.includes(short) ? short : deps.defaultLanguage;
    },
  });

  const inFlight = new Set<Promise<unknown>>();
  let state: PartHealth = { status: 'down', detail: 'not started' };
  let stopped = true;
  let runner: RunnerHandle | undefined;
  let retry: NodeJS.Timeout | undefined;

  bot.api.config.use(async (previous, method, payload, signal) => {
    try {
      const result = await previous(method, payload, signal);
      if (method === 'getUpdates' && result.ok && !stopped) state = { status: 'up' };
      return result;
    } catch (error) {
      if (method === 'getUpdates' && !signal?.aborted) {
        state = { status: 'down', detail: `polling: ${describeError(error)}` };
        log.warn({ error: describeError(error) }, 'telegram polling failed; retrying');
      }
      throw error;
    }
  });
  bot.use(sequentialize((ctx) => String(ctx.chat?.id ?? ctx.from?.id ?? '')));
  bot.use(async (ctx) => {
    const work = handle(ctx);
    inFlight.add(work);
    try {
      await work;
    } finally {
      inFlight.delete(work);
    }
  });
  bot.catch((error) => {
    log.error(
      { updateId: error.ctx.update.update_id, error: describeError(error.error) },
      'telegram update failed',
    );
  });

  function later(what: string, error: unknown, again: () => Promise<void>) {
    state = { status: 'down', detail: `${what}: ${describeError(error)}` };
    log.error({ error: describeError(error) }, `telegram ${what} failed; trying again`);
    if (stopped) return;
    retry = setTimeout(() => void again(), deps.restartDelayMs ?? TELEGRAM_RESTART_DELAY_MS);
    retry.unref();
  }

  async function startPolling(): Promise<void> {
    if (stopped) return;
    try {
      // A webhook left from an earlier deployment makes getUpdates fail with 409.
      await bot.api.deleteWebhook();
    } catch (error) {
      return later('polling start', error, startPolling);
    }
    const current = run(bot, {
      runner: {
        silent: true,
        fetch: {
          timeout: deps.pollTimeoutSeconds ?? TELEGRAM_POLL_TIMEOUT_SECONDS,
          allowed_updates: [...ALLOWED_UPDATES],
        },
      },
    });
    runner = current;
    state = { status: 'up' };
    log.info('telegram polling started');
    current.task()?.catch((error: unknown) => {
      if (runner === current) later('polling', error, startPolling);
    });
  }

  async function setUp(): Promise<void> {
    if (stopped) return;
    try {
      await bot.init();
    } catch (error) {
      return later('start-up', error, setUp);
    }
    registerCommands({ api: bot.api, ...deps }).catch((error: unknown) =>
      log.warn({ error: describeError(error) }, 'telegram commands not registered'),
    );
    if (!deps.webhook) return startPolling();
    try {
      await bot.api.setWebhook(deps.webhook.url, {
        secret_token: deps.webhook.secret,
        allowed_updates: [...ALLOWED_UPDATES],
      });
      state = { status: 'up' };
      log.info('telegram webhook registered');
    } catch (error) {
      later('webhook registration', error, setUp);
    }
  }

  return {
    channel: {
      name: TELEGRAM_CHANNEL,
      send: sender.send,
      isAdmin: (inbound) =>
        inbound.channel === TELEGRAM_CHANNEL && deps.adminIds.includes(inbound.externalId),
    },
    mount(app) {
      const webhook = deps.webhook;
      if (!webhook) return;
      const callback = webhookCallback(bot, 'hono', {
        secretToken: webhook.secret,
        onTimeout: 'return',
        timeoutMilliseconds: TELEGRAM_WEBHOOK_ANSWER_WITHIN_MS,
      });
      app.post(new URL(webhook.url).pathname, async (c) => {
        if (!sameSecret(c.req.header(SECRET_HEADER), webhook.secret)) {
          c.get('logger').warn('telegram webhook call with a wrong or missing secret');
          return c.json({ error: 'unauthorized' }, 401);
        }
        if (stopped) return c.json({ error: 'unavailable' }, 503);
        try {
          return await callback(c);
        } catch (error) {
          // Telegram sends the update again; the runtime drops it if it was handled.
          c.get('logger').error({ error: describeError(error) }, 'telegram webhook update failed');
          return c.json({ error: 'internal' }, 500);
        }
      });
    },
    async start() {
      stopped = false;
      await setUp();
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = runner;
      runner = undefined;
      await current?.stop();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      state = { status: 'down', detail: 'stopped' };
    },
    health: async () => state,
  };
}

/** Compares the webhook secret in constant time. */
function sameSecret(given: string | undefined, secret: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}
