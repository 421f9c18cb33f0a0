import { Api } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import type { Inbound, Text } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { HttpApp, PartHealth } from '../../http/server.js';
import type { Logger } from '../../logger.js';
import { createKeyedQueue } from '../../runtime/keyed-queue.js';
import type { RuntimeChannel } from '../../runtime/types.js';
import type { LoadTelegramPhoto } from './attachments.js';
import { createCallbackSigner } from './callback-data.js';
import { registerCommands } from './commands.js';
import type { InPlaceStore } from './in-place.js';
import { createPace, TELEGRAM_SENDS_PER_SECOND } from './pace.js';
import { ALLOWED_UPDATES, chatKeyOf } from './parse.js';
import { downloadFile } from './photo.js';
import { type Poller, startPoller } from './polling.js';
import { createTelegramSender, describeError } from './sender.js';
import { createUpdateHandler, type InboundKey, type SaveTelegramPhoto } from './updates.js';
import { mountTelegramWebhook } from './webhook.js';

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

/** What the Telegram channel is built from. */
export interface TelegramChannelDeps {
  token: string;
  apiRoot?: string;
  /** Webhook mode when set: updates arrive on the URL's path of the HTTP server. */
  webhook?: { url: string; secret: string };
  /** Telegram user ids of administrators. */
  adminIds: readonly string[];
  receive(inbound: Inbound): Promise<unknown>;
  /** Records a dedupe key for a notice the channel sends itself; true the first time. */
  recordOnce(key: InboundKey): Promise<boolean>;
  /** True when a dedupe key was recorded already (a redelivered update). */
  wasReceived(key: InboundKey): Promise<boolean>;
  markUnreachable(address: { channel: string; externalId: string }): Promise<void>;
  savePhoto: SaveTelegramPhoto;
  /** Finds a stored photo a message shows (a report opened by staff). */
  loadPhoto?: LoadTelegramPhoto;
  /** Keeps the ids of messages updated in place (a broadcast's progress), edited by later ones. */
  inPlace?: InPlaceStore;
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

/** The signal type grammY's calls take (a shim's type, the same object at run time). */
type ApiSignal = Parameters<Api['getUpdates']>[1];

/**
 * Builds the Telegram channel: grammY's `Api` for calls, our own long polling (updates
 * confirmed only once handled) or webhook route, one chat's updates in order.
 */
export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const apiRoot = (deps.apiRoot ?? TELEGRAM_API_ROOT).replace(/\/+$/, '');
  const log = deps.logger.child({ channel: TELEGRAM_CHANNEL });
  const api = new Api(deps.token, { apiRoot, timeoutSeconds: TELEGRAM_API_TIMEOUT_SECONDS });
  const signer = createCallbackSigner(deps.token);
  const sender = createTelegramSender({
    api,
    pace: createPace(deps.sendsPerSecond ?? TELEGRAM_SENDS_PER_SECOND),
    signer,
    translate: deps.translate,
    defaultLanguage: deps.defaultLanguage,
    logger: log,
    loadPhoto: deps.loadPhoto,
    inPlace: deps.inPlace,
  });
  let me: UserFromGetMe | undefined;
  const handle = createUpdateHandler({
    ...deps,
    channel: TELEGRAM_CHANNEL,
    api,
    sender,
    signer,
    logger: log,
    botUsername: () => me?.username ?? '',
    download: (fileId) =>
      downloadFile({ api, apiRoot, token: deps.token, fileId, maxBytes: deps.maxPhotoBytes }),
    languageOf: (code) => {
      const short = code?.slice(0, 2).toLowerCase();
      return short && deps.languages.includes(short) ? short : deps.defaultLanguage;
    },
  });

  /** One chat's updates in order, whether they come by polling or by webhook. */
  const chats = createKeyedQueue();
  let state: PartHealth = { status: 'down', detail: 'not started' };
  let stopped = true;
  let poller: Poller | undefined;
  let retry: NodeJS.Timeout | undefined;

  api.config.use(async (previous, method, payload, signal) => {
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

  /**
   * Handles an update after the earlier ones of its chat; rejects (logged) if it failed.
   * `fresh`: never delivered before (see `PollerDeps.handle`).
   */
  function take(update: Update, fresh = false): Promise<void> {
    return chats.run(chatKeyOf(update), async () => {
      try {
        await handle(update, fresh);
      } catch (error) {
        log.error(
          { updateId: update.update_id, error: describeError(error) },
          'telegram update failed',
        );
        throw error;
      }
    });
  }

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
      await api.deleteWebhook();
    } catch (error) {
      return later('polling start', error, startPolling);
    }
    const allowed = [...ALLOWED_UPDATES];
    const current = startPoller({
      getUpdates: (params, signal) =>
        api.getUpdates({ ...params, allowed_updates: allowed }, signal as ApiSignal),
      handle: take,
      timeoutSeconds: deps.pollTimeoutSeconds ?? TELEGRAM_POLL_TIMEOUT_SECONDS,
      logger: log,
    });
    poller = current;
    state = { status: 'up' };
    log.info('telegram polling started');
    current.done.catch((error: unknown) => {
      if (poller === current) later('polling', error, startPolling);
    });
  }

  async function setUp(): Promise<void> {
    if (stopped) return;
    try {
      me = await api.getMe();
    } catch (error) {
      return later('start-up', error, setUp);
    }
    registerCommands({ api, ...deps }).catch((error: unknown) =>
      log.warn({ error: describeError(error) }, 'telegram commands not registered'),
    );
    if (!deps.webhook) return startPolling();
    try {
      await api.setWebhook(deps.webhook.url, {
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
      if (!deps.webhook) return;
      mountTelegramWebhook(app, {
        path: new URL(deps.webhook.url).pathname,
        secret: deps.webhook.secret,
        // Before getMe answered, group commands could not be told apart: Telegram retries.
        stopped: () => stopped || me === undefined,
        take,
        answerWithinMs: TELEGRAM_WEBHOOK_ANSWER_WITHIN_MS,
      });
    },
    async start() {
      stopped = false;
      await setUp();
    },
    async stop() {
      stopped = true;
      clearTimeout(retry);
      const current = poller;
      poller = undefined;
      await current?.stop();
      await chats.drain();
      state = { status: 'down', detail: 'stopped' };
    },
    health: async () => state,
  };
}
