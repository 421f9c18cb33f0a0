import type { Writable } from 'node:stream';
import { downloadMediaMessage } from '@whiskeysockets/baileys';
import qrcode from 'qrcode-terminal';
import type { Inbound, Text } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { RuntimeChannel } from '../../runtime/types.js';
import type { WhatsappAuthStore } from './auth-state.js';
import {
  type ConnectionHealth,
  createConnection,
  type PairingPrompt,
  type Schedule,
} from './connection.js';
import { createInboundHandler, type DownloadImage, type InboundDeps } from './inbound.js';
import { processLock, type WhatsappLock } from './lock.js';
import { WHATSAPP_CHANNEL } from './name.js';
import { createWhatsappSender, type Sleep } from './sender.js';
import { type BaileysLogger, type MakeWhatsappSocket, makeBaileysSocket } from './socket.js';

export type { WhatsappAuthStore } from './auth-state.js';
export type { PairingPrompt, Schedule } from './connection.js';
export { createAdvisoryLock, type WhatsappLock } from './lock.js';
export type { MakeWhatsappSocket, WhatsappSocket } from './socket.js';

export { WHATSAPP_CHANNEL };

/**
 * Baileys' own log lines are kept at this level or quieter: below it they are chatty
 * and carry addresses of people.
 */
export const BAILEYS_LOG_LEVEL = 'warn';

/** What the WhatsApp channel is built from. */
export interface WhatsappChannelDeps {
  config: {
    /** Digits with country code; when set, a pairing code is asked for instead of a QR code. */
    pairingNumber?: string;
    sendIntervalMs: number;
    /** Admin phone numbers, digits with country code. */
    adminNumbers: string[];
    mediaMaxBytes: number;
    /**
     * Messages WhatsApp held while the bot was away longer than this are not answered
     * (`WHATSAPP_STALE_AFTER_HOURS`); the person gets one short late notice instead.
     */
    staleAfterMs: number;
  };
  authStore: WhatsappAuthStore;
  linkIdentity: InboundDeps['linkIdentity'];
  media: InboundDeps['media'];
  /** The bytes of a stored photo a message shows (a report opened by staff). */
  loadPhoto?: (mediaId: string) => Promise<Uint8Array | undefined>;
  receive(inbound: Inbound): Promise<unknown>;
  /** The runtime's one dedupe (`Runtime.recordOnce`). */
  recordOnce(key: { channel: string; messageId: string }): Promise<boolean>;
  /** Resolves a text in a language (the translator's `translate`). */
  translate(text: Text, language: string): string;
  /** The language of the contact known by this WhatsApp address, if any. */
  languageOf(externalId: string): Promise<string | undefined>;
  /** The language of people the bot does not know yet. */
  defaultLanguage: string;
  /** The PostgreSQL advisory lock; omitted on PGlite, where the data-folder lock suffices. */
  lock?: WhatsappLock;
  clock: Clock;
  logger: Logger;
  /** The socket factory; Baileys' `makeWASocket` unless a test passes a fake. */
  makeSocket?: MakeWhatsappSocket;
  downloadImage?: DownloadImage;
  /** Shows the QR code or pairing code; by default printed on `pairingOutput`. */
  showPairing?: (prompt: PairingPrompt) => void;
  /** Where the QR code is drawn; standard output by default. */
  pairingOutput?: Writable;
  schedule?: Schedule;
  sleep?: Sleep;
  random?: () => number;
}

/** The running WhatsApp channel. */
export interface WhatsappChannel {
  channel: RuntimeChannel;
  /** Takes the lock and connects; returns without waiting for pairing or the connection. */
  start(): Promise<void>;
  /** Disconnects (the login stays stored), releases the lock, finishes messages in hand. */
  stop(): Promise<void>;
  /** For `/healthz`: up while connected, down with a one-line reason otherwise. */
  health(): Promise<ConnectionHealth>;
  /** Resolves when every message received so far has been handed to the runtime. */
  idle(): Promise<void>;
}

/** Creates the WhatsApp channel over Baileys. */
export function createWhatsappChannel(deps: WhatsappChannelDeps): WhatsappChannel {
  const logger = deps.logger.child({ channel: WHATSAPP_CHANNEL });
  const baileysLogger = quieter(logger, BAILEYS_LOG_LEVEL);
  const sender = createWhatsappSender({
    socket: () => connection.socket(),
    intervalMs: deps.config.sendIntervalMs,
    clock: deps.clock,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.random ?? Math.random,
    logger,
    loadPhoto: deps.loadPhoto,
  });
  const inbound = createInboundHandler({
    channel: WHATSAPP_CHANNEL,
    receive: deps.receive,
    recordOnce: deps.recordOnce,
    staleAfterMs: deps.config.staleAfterMs,
    async sendLateNotice(externalId) {
      const language = (await deps.languageOf(externalId)) ?? deps.defaultLanguage;
      const text = deps.translate({ key: 'whatsapp:late' }, language);
      const result = await sender.send(externalId, { texts: [text], language });
      if (result.type !== 'sent')
        logger.warn({ error: result.error }, 'whatsapp late notice not sent');
    },
    linkIdentity: deps.linkIdentity,
    media: deps.media,
    mediaMaxBytes: deps.config.mediaMaxBytes,
    downloadImage:
      deps.downloadImage ??
      ((message, socket) =>
        downloadMediaMessage(
          message,
          'stream',
          {},
          socket.updateMediaMessage
            ? { logger: baileysLogger, reuploadRequest: socket.updateMediaMessage }
            : undefined,
        )),
    clock: deps.clock,
    logger,
  });
  const connection = createConnection({
    authStore: deps.authStore,
    lock: deps.lock ?? processLock,
    watchLock: deps.lock !== undefined,
    makeSocket: deps.makeSocket ?? makeBaileysSocket,
    pairingNumber: deps.config.pairingNumber,
    showPairing: deps.showPairing ?? ((prompt) => printPairing(prompt, deps.pairingOutput, logger)),
    onMessages: (socket, messages, type) => {
      if (type === 'append') inbound.handleQueued(socket, messages);
      else for (const message of messages) inbound.handle(socket, message);
    },
    getMessage: (key) => (key.id ? sender.recent(key.id) : undefined),
    schedule: deps.schedule ?? defaultSchedule,
    clock: deps.clock,
    logger,
    baileysLogger,
  });
  const admins = new Set(deps.config.adminNumbers);

  return {
    channel: {
      name: WHATSAPP_CHANNEL,
      send: sender.send,
      isAdmin: (message) => message.phone !== undefined && admins.has(message.phone),
    },
    start: () => connection.start(),
    async stop() {
      await connection.stop();
      await inbound.idle();
    },
    health: async () => connection.health(),
    idle: () => inbound.idle(),
  };
}

const defaultSchedule: Schedule = (task, ms) => {
  const timer = setTimeout(task, ms);
  return () => clearTimeout(timer);
};

/** Prints the QR code (drawn in the terminal) or the pairing code for the operator. */
function printPairing(prompt: PairingPrompt, output: Writable | undefined, logger: Logger): void {
  const out = output ?? process.stdout;
  if (prompt.type === 'code') {
    logger.warn(
      { pairingCode: prompt.code },
      'WhatsApp pairing: on the phone open WhatsApp → Linked devices → Link a device → ' +
        'Link with phone number instead, and enter this code',
    );
    out.write(`\nWhatsApp pairing code: ${prompt.code}\n\n`);
    return;
  }
  logger.warn('WhatsApp pairing: scan the QR code with WhatsApp → Linked devices → Link a device');
  qrcode.generate(prompt.qr, { small: true }, (drawing) => {
    out.write(`\nScan with WhatsApp → Linked devices → Link a device:\n${drawing}\n`);
  });
}

/** A child logger never more talkative than `level` (nor than its parent). */
function quieter(logger: Logger, level: string): BaileysLogger {
  const values = logger.levels.values;
  const parent = values[logger.level] ?? 0;
  const limit = values[level] ?? 0;
  return logger.child({ module: 'baileys' }, { level: parent > limit ? logger.level : level });
}
