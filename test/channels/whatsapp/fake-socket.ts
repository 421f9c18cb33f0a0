import { Boom } from '@hapi/boom';
import {
  type AnyMessageContent,
  makeEventBuffer,
  proto,
  type UserFacingSocketConfig,
  type WAMessage,
  type WAPresence,
} from '@whiskeysockets/baileys';
import type { Schedule } from '../../../src/channels/whatsapp/connection.js';
import type { WhatsappSocket } from '../../../src/channels/whatsapp/socket.js';
import { silentLogger } from '../../support/harness.js';

/**
 * A Baileys socket without a network: events go through Baileys' own event buffer,
 * and what the bot sends is recorded.
 */
export interface FakeSocket extends WhatsappSocket {
  config: UserFacingSocketConfig;
  sent: { jid: string; text: string }[];
  /** Every call in order: presence updates and messages, to check "typing" comes first. */
  calls: string[];
  pairingRequests: string[];
  ended: boolean;
  /** Texts sent to `jid` since the last `take` for it. */
  take(jid: string): string[];
  open(): void;
  /** Closes with a Baileys-style error carrying this status code (DisconnectReason). */
  close(statusCode: number): void;
  showQr(qr: string): void;
  /** Delivers messages as a `messages.upsert` (type `notify` unless told). */
  deliver(messages: WAMessage | WAMessage[], type?: 'notify' | 'append'): void;
  lidToPn: Map<string, string>;
  /** When set and true for a message, sending it throws (as a dropped connection would). */
  failWhen?: (jid: string, content: AnyMessageContent) => boolean;
  pnToLid: Map<string, string>;
}

/** Builds one fake socket from the configuration the channel passes to its factory. */
export function createFakeSocket(config: UserFacingSocketConfig): FakeSocket {
  const ev = makeEventBuffer(silentLogger);
  const cursor = new Map<string, number>();
  const socket: FakeSocket = {
    config,
    ev,
    sent: [],
    calls: [],
    pairingRequests: [],
    ended: false,
    lidToPn: new Map(),
    pnToLid: new Map(),
    async sendMessage(jid: string, content: AnyMessageContent) {
      if (socket.failWhen?.(jid, content)) throw new Error('Connection Closed');
      const text = 'text' in content ? String(content.text) : JSON.stringify(content);
      socket.sent.push({ jid, text });
      socket.calls.push(`message ${jid}`);
      const id = `BOT${socket.sent.length}`;
      return {
        key: { id, remoteJid: jid, fromMe: true },
        message: proto.Message.fromObject({ conversation: text }),
      } as WAMessage;
    },
    async sendPresenceUpdate(type: WAPresence, jid?: string) {
      socket.calls.push(`presence ${type} ${jid}`);
    },
    async requestPairingCode(phoneNumber: string) {
      socket.pairingRequests.push(phoneNumber);
      return 'ABCD1234';
    },
    end() {
      socket.ended = true;
    },
    signalRepository: {
      lidMapping: {
        getPNForLID: async (lid: string) => socket.lidToPn.get(lid) ?? null,
        getLIDForPN: async (pn: string) => socket.pnToLid.get(pn) ?? null,
      },
    },
    take(jid) {
      const mine = socket.sent.filter((s) => s.jid === jid);
      const from = cursor.get(jid) ?? 0;
      cursor.set(jid, mine.length);
      return mine.slice(from).map((s) => s.text);
    },
    open: () => void ev.emit('connection.update', { connection: 'open' }),
    close: (statusCode) =>
      void ev.emit('connection.update', {
        connection: 'close',
        lastDisconnect: { error: new Boom('closed', { statusCode }), date: new Date() },
      }),
    showQr: (qr) => void ev.emit('connection.update', { qr }),
    deliver: (messages, type = 'notify') =>
      void ev.emit('messages.upsert', {
        messages: Array.isArray(messages) ? messages : [messages],
        type,
      }),
  };
  return socket;
}

/** A socket factory that keeps every socket it made. */
export function createFakeSocketFactory() {
  const sockets: FakeSocket[] = [];
  return {
    sockets,
    makeSocket: (config: UserFacingSocketConfig) => {
      const socket = createFakeSocket(config);
      sockets.push(socket);
      return socket;
    },
    /** The newest socket. */
    get current(): FakeSocket {
      const last = sockets.at(-1);
      if (!last) throw new Error('no socket was made');
      return last;
    },
  };
}

/** Timers run by hand: `run()` fires the pending ones, as time passing would. */
export function createManualSchedule() {
  const pending: { task: () => void; ms: number; cancelled: boolean }[] = [];
  const schedule: Schedule = (task, ms) => {
    const entry = { task, ms, cancelled: false };
    pending.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  return {
    schedule,
    /** Delays of timers waiting now, in order. */
    waiting: () => pending.filter((p) => !p.cancelled).map((p) => p.ms),
    /** Fires every timer waiting for at most `maxMs` (all by default). */
    run(maxMs = Number.POSITIVE_INFINITY) {
      const due = pending.filter((p) => !p.cancelled && p.ms <= maxMs);
      for (const entry of due) {
        entry.cancelled = true;
        entry.task();
      }
      return due.length;
    },
  };
}
