import {
  type BaileysEventMap,
  DisconnectReason,
  makeCacheableSignalKeyStore,
  type proto,
  type WAMessage,
  type WAMessageKey,
} from '@whiskeysockets/baileys';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import { loadAuthState, type StoredAuthState, type WhatsappAuthStore } from './auth-state.js';
import type { WhatsappLock } from './lock.js';
import type { BaileysLogger, MakeWhatsappSocket, WhatsappSocket } from './socket.js';

/** First wait before reconnecting after a close; doubled per failed attempt. */
export const RECONNECT_BASE_MS = 2_000;
/** Longest wait between two reconnection attempts. */
export const RECONNECT_MAX_MS = 5 * 60_000;
/** How often a process without the database lock tries to take it. */
export const LOCK_RETRY_MS = 30_000;
/** How often the process holding the lock checks that its connection still holds it. */
export const LOCK_CHECK_INTERVAL_MS = 15_000;

/** Runs `task` after `ms` milliseconds; returns a function that cancels it. */
export type Schedule = (task: () => void, ms: number) => () => void;

/** What to show the operator so they can link the number. */
export type PairingPrompt =
  | { type: 'qr'; qr: string }
  | { type: 'code'; code: string; phoneNumber: string };

/** One part's health, as `/healthz` shows it. */
export interface ConnectionHealth {
  status: 'up' | 'down';
  detail?: string;
}

/** What the connection needs. */
export interface ConnectionDeps {
  authStore: WhatsappAuthStore;
  lock: WhatsappLock;
  /** True when `lock` can be lost (PostgreSQL) and must be watched. */
  watchLock: boolean;
  makeSocket: MakeWhatsappSocket;
  pairingNumber?: string;
  showPairing(prompt: PairingPrompt): void;
  /**
   * Messages of `messages.upsert` events: `notify` as they come, `append` for those WhatsApp
   * held while the bot was away (offline delivery after a restart or reconnect).
   */
  onMessages(socket: WhatsappSocket, messages: WAMessage[], type: 'notify' | 'append'): void;
  /** A message sent recently, for WhatsApp's retry requests. */
  getMessage(key: WAMessageKey): proto.IMessage | undefined;
  schedule: Schedule;
  clock: Clock;
  logger: Logger;
  baileysLogger: BaileysLogger;
}

/** The socket's life: lock, pairing, reconnection, logout. */
export interface Connection {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The socket while it is open, else undefined. */
  socket(): WhatsappSocket | undefined;
  health(): ConnectionHealth;
}

interface LoadedAuth {
  stored: StoredAuthState;
  keys: ReturnType<typeof makeCacheableSignalKeyStore>;
}

type Phase =
  | { name: 'idle' | 'waiting_lock' | 'connecting' | 'pairing' | 'open' | 'stopped' }
  | { name: 'reconnecting'; reason: string }
  /** Closed for good until an operator restarts the process: reconnecting cannot help. */
  | { name: 'halted'; reason: 'replaced' | 'banned' };

/** Wait before reconnection attempt number `attempt` (1-based): exponential, capped. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(RECONNECT_MAX_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/**
 * Creates the connection. `start` takes the lock (or keeps retrying in the background
 * while another process holds it) and opens the socket with the stored login. A close
 * is followed by a reconnection after {@link reconnectDelayMs}, except a logout: then the
 * stored login is deleted and a fresh one asks for pairing again; and except a replaced
 * connection (440: another process or device opened this login, reconnecting would knock it
 * off in turn, forever) or a banned number (403): then nothing is retried until an operator
 * restarts the process, and `/healthz` says why. When the lock's
 * database connection is lost the socket is closed until the lock is taken again.
 */
export function createConnection(deps: ConnectionDeps): Connection {
  const log = deps.logger;
  let phase: Phase = { name: 'idle' };
  let socket: WhatsappSocket | undefined;
  let detach: (() => void) | undefined;
  let auth: LoadedAuth | undefined;
  let attempts = 0;
  let loggedOut = false;
  let pairingRequested = false;
  let cancelTimer: (() => void) | undefined;
  let cancelWatch: (() => void) | undefined;
  let writes: Promise<unknown> = Promise.resolve();

  const later = (task: () => Promise<void>, ms: number) => {
    cancelTimer?.();
    cancelTimer = deps.schedule(() => {
      cancelTimer = undefined;
      void task().catch((error) => log.error({ err: error }, 'whatsapp connection step failed'));
    }, ms);
  };
  const stopped = () => phase.name === 'stopped' || phase.name === 'halted';

  async function acquire(): Promise<void> {
    if (stopped()) return;
    const held = await deps.lock.tryAcquire().catch((error: unknown) => {
      log.warn({ err: error }, 'whatsapp lock could not be checked');
      return false;
    });
    if (stopped()) return;
    if (!held) {
      if (phase.name !== 'waiting_lock') {
        log.warn('another process uses this WhatsApp number (database lock held); waiting');
      }
      phase = { name: 'waiting_lock' };
      later(acquire, LOCK_RETRY_MS);
      return;
    }
    if (deps.watchLock) watch();
    await open();
  }

  function watch(): void {
    cancelWatch?.();
    cancelWatch = deps.schedule(() => void checkLock(), LOCK_CHECK_INTERVAL_MS);
  }

  async function checkLock(): Promise<void> {
    if (stopped()) return;
    if (await deps.lock.check()) return watch();
    log.warn('the database connection holding the WhatsApp lock was lost; closing the socket');
    cancelTimer?.();
    await close();
    phase = { name: 'connecting' };
    await acquire();
  }

  async function open(): Promise<void> {
    if (stopped()) return;
    phase = { name: 'connecting' };
    if (!auth) {
      const stored = await loadAuthState({ store: deps.authStore, clock: deps.clock });
      auth = { stored, keys: makeCacheableSignalKeyStore(stored.state.keys, deps.baileysLogger) };
      if (stored.restored) log.info('whatsapp login restored from the database');
    }
    const current = auth;
    pairingRequested = false;
    const created = deps.makeSocket({
      auth: { creds: current.stored.state.creds, keys: current.keys },
      logger: deps.baileysLogger,
      // Keep the phone's notifications: the bot does not show as "online" all the time.
      markOnlineOnConnect: false,
      // Baileys' default history sync (all but the full history) stays on: it carries the
      // LID ↔ phone-number pairs; history itself comes as `messaging-history.set`, not read.
      syncFullHistory: false,
      getMessage: async (key) => deps.getMessage(key),
    });
    socket = created;
    detach = created.ev.process((events) => onEvents(created, current, events));
  }

  function onEvents(from: WhatsappSocket, login: LoadedAuth, events: Partial<BaileysEventMap>) {
    if (from !== socket) return;
    if (events['creds.update']) {
      writes = writes
        .then(() => login.stored.saveCreds())
        .catch((error) => log.error({ err: error }, 'whatsapp credentials could not be saved'));
    }
    const update = events['connection.update'];
    if (update?.qr) onQr(from, login, update.qr);
    if (update?.connection === 'open') {
      phase = { name: 'open' };
      attempts = 0;
      loggedOut = false;
      log.info('whatsapp connected');
    }
    const upsert = events['messages.upsert'];
    if (upsert) deps.onMessages(from, upsert.messages, upsert.type);
    if (update?.connection === 'close') onClose(update.lastDisconnect?.error);
  }

  function onQr(from: WhatsappSocket, login: LoadedAuth, qr: string): void {
    phase = { name: 'pairing' };
    const number = deps.pairingNumber;
    if (!number || login.stored.state.creds.registered) {
      deps.showPairing({ type: 'qr', qr });
      return;
    }
    if (pairingRequested) return;
    pairingRequested = true;
    from.requestPairingCode(number).then(
      (code) => deps.showPairing({ type: 'code', code, phoneNumber: number }),
      (error: unknown) => log.error({ err: error }, 'whatsapp pairing code request failed'),
    );
  }

  function onClose(error: unknown): void {
    unhook();
    if (stopped()) return;
    const status = statusCodeOf(error);
    if (status === DisconnectReason.loggedOut) {
      void onLoggedOut().catch((e) => log.error({ err: e }, 'whatsapp logout handling failed'));
      return;
    }
    if (status === DisconnectReason.connectionReplaced || status === DisconnectReason.forbidden) {
      halt(status === DisconnectReason.forbidden ? 'banned' : 'replaced');
      return;
    }
    // After pairing WhatsApp asks for a restart: reconnect at once, it is not a failure.
    const restart = status === DisconnectReason.restartRequired;
    if (!restart) attempts += 1;
    const delayMs = restart ? 0 : reconnectDelayMs(attempts);
    const reason = status ? `status ${status}` : describe(error);
    phase = { name: 'reconnecting', reason };
    const fields = { statusCode: status, delayMs, attempt: attempts };
    if (restart) log.info(fields, 'whatsapp asked for a restart; reconnecting');
    else log.warn(fields, 'whatsapp connection closed; reconnecting');
    later(open, delayMs);
  }

  /** Stops for good: no reconnection, the lock released so another process may take over. */
  function halt(reason: 'replaced' | 'banned'): void {
    phase = { name: 'halted', reason };
    cancelTimer?.();
    cancelWatch?.();
    if (reason === 'replaced') {
      log.error(
        'whatsapp connection replaced (440): another process or WhatsApp Web uses this login; ' +
          'not reconnecting, so the two do not knock each other off forever. Stop the other ' +
          'one, then restart this process',
      );
    } else {
      log.error(
        'whatsapp refused this number (403: banned or restricted); not reconnecting. Check ' +
          'the number in the WhatsApp app, then restart this process',
      );
    }
    void close();
  }

  async function onLoggedOut(): Promise<void> {
    log.warn(
      'WhatsApp logged this device out (removed from Linked Devices, or the session was ' +
        'revoked): the stored login is deleted; pair the number again with the new QR code ' +
        'or pairing code',
    );
    loggedOut = true;
    phase = { name: 'connecting' };
    await writes;
    await deps.authStore.clear();
    auth = undefined;
    attempts = 0;
    later(open, 0);
  }

  function unhook(): void {
    detach?.();
    detach = undefined;
    socket = undefined;
  }

  async function close(): Promise<void> {
    const current = socket;
    unhook();
    if (current) {
      await Promise.resolve(current.end(undefined)).catch((error: unknown) => {
        log.debug({ err: error }, 'whatsapp socket end failed');
      });
    }
    await deps.lock.release().catch(() => undefined);
  }

  return {
    async start() {
      phase = { name: 'idle' };
      await acquire();
    },
    async stop() {
      phase = { name: 'stopped' };
      cancelTimer?.();
      cancelWatch?.();
      await close();
      await writes;
    },
    socket: () => (phase.name === 'open' ? socket : undefined),
    health: () => healthOf(phase, loggedOut),
  };
}

function healthOf(phase: Phase, loggedOut: boolean): ConnectionHealth {
  if (phase.name === 'open') return { status: 'up' };
  if (loggedOut) {
    return { status: 'down', detail: 'logged out by WhatsApp: pair the number again (see log)' };
  }
  switch (phase.name) {
    case 'halted':
      return {
        status: 'down',
        detail:
          phase.reason === 'replaced'
            ? 'connection replaced by another process or device: not reconnecting; stop the other one and restart'
            : 'number refused by WhatsApp (403, banned?): not reconnecting; restart once resolved',
      };
    case 'waiting_lock':
      return { status: 'down', detail: 'another process uses this WhatsApp number' };
    case 'pairing':
      return { status: 'down', detail: 'waiting for pairing: QR code or pairing code in the log' };
    case 'reconnecting':
      return { status: 'down', detail: `connection closed (${phase.reason}); reconnecting` };
    case 'stopped':
      return { status: 'down', detail: 'stopped' };
    default:
      return { status: 'down', detail: 'connecting' };
  }
}

/** The HTTP-like status code Baileys puts on a close error (a Boom), if any. */
function statusCodeOf(error: unknown): number | undefined {
  const code = (error as { output?: { statusCode?: unknown } } | undefined)?.output?.statusCode;
  return typeof code === 'number' ? code : undefined;
}

function describe(error: unknown): string {
  if (!error) return 'no reason given';
  return error instanceof Error ? error.message.split('\n', 1)[0] || error.name : String(error);
}
