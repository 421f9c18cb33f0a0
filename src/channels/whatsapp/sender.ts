import type { AnyMessageContent, proto } from '@whiskeysockets/baileys';
import type { Attachment, RenderedMessage } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { SendContext, SendResult } from '../../runtime/types.js';
import { createPartsSender, partsKey } from '../parts.js';
import { renderWhatsappMessage } from './render.js';
import type { WhatsappSocket } from './socket.js';

/** Extra random wait on top of the send interval, as a share of it (0.5: up to +50 %). */
export const WHATSAPP_SEND_JITTER_RATIO = 0.5;
/** How long "typing…" shows at least before a message goes out, in milliseconds. */
export const WHATSAPP_TYPING_MIN_MS = 800;
/** Messages kept in memory so WhatsApp can ask for one again when a phone failed to decrypt it. */
export const WHATSAPP_RECENT_SENT_MAX = 500;

/** Waits this many milliseconds (injected so tests do not wait). */
export type Sleep = (ms: number) => Promise<void>;

/** What the sender needs. */
export interface WhatsappSenderDeps {
  /** The connected socket, or undefined while disconnected. */
  socket(): WhatsappSocket | undefined;
  /** Shortest time between two messages of the bot's number (`WHATSAPP_SEND_INTERVAL_MS`). */
  intervalMs: number;
  clock: Clock;
  sleep: Sleep;
  /** A number in [0, 1); `Math.random` in production. */
  random: () => number;
  logger: Logger;
  /** The bytes of a stored photo a message shows; without it photos are left out. */
  loadPhoto?: (mediaId: string) => Promise<Uint8Array | undefined>;
}

/** Sends rendered messages through the socket at a human pace. */
export interface WhatsappSender {
  /**
   * Sends a message as its parts (texts, then attachments). When a part fails, the parts
   * sent are remembered for this outbox row (or, without one, this exact message to this
   * address) and the retry starts at the first part not sent.
   */
  send(externalId: string, message: RenderedMessage, context?: SendContext): Promise<SendResult>;
  /** A message this process sent recently, for Baileys' `getMessage` (retry receipts). */
  recent(id: string): proto.IMessage | undefined;
}

/**
 * Builds the sender. Every message of the bot's number goes through one queue: each
 * waits until `intervalMs` plus random jitter has passed since the previous one, shows
 * "typing…" to its recipient for at least {@link WHATSAPP_TYPING_MIN_MS}, then goes out.
 * A long text goes out as several messages, each paced. Retries and per-person order
 * are the outbox's job: a failure here is reported as `retry`, and the outbox holds that
 * person's later messages back until it succeeds.
 */
export function createWhatsappSender(deps: WhatsappSenderDeps): WhatsappSender {
  let tail: Promise<unknown> = Promise.resolve();
  let nextAt = 0;
  const recentSent = new Map<string, proto.IMessage>();
  const inParts = createPartsSender();

  /** Runs `task` when the number's turn comes, one at a time. */
  function paced<T>(task: (waitMs: number) => Promise<T>): Promise<T> {
    const run = () => task(Math.max(0, nextAt - deps.clock.now().getTime()));
    const result = tail.then(run, run);
    tail = result.catch(() => undefined);
    return result;
  }

  function remember(sent: { key?: proto.IMessageKey | null; message?: proto.IMessage | null }) {
    if (!sent.key?.id || !sent.message) return;
    recentSent.set(sent.key.id, sent.message);
    if (recentSent.size > WHATSAPP_RECENT_SENT_MAX) {
      const oldest = recentSent.keys().next().value;
      if (oldest !== undefined) recentSent.delete(oldest);
    }
  }

  /** What WhatsApp is sent for an attachment; undefined for a photo that is gone. */
  async function contentOf(attachment: Attachment): Promise<AnyMessageContent | undefined> {
    if (attachment.type === 'location') {
      const { latitude, longitude } = attachment;
      return { location: { degreesLatitude: latitude, degreesLongitude: longitude } };
    }
    if (attachment.type === 'document') {
      const { content, mimeType, fileName } = attachment;
      return { document: Buffer.from(content, 'utf8'), mimetype: mimeType, fileName };
    }
    const bytes = await deps.loadPhoto?.(attachment.mediaId);
    return bytes ? { image: Buffer.from(bytes) } : undefined;
  }

  async function sendPart(
    jid: string,
    content: AnyMessageContent,
    waitMs: number,
  ): Promise<SendResult> {
    const before = deps.socket();
    if (!before) return notConnected();
    await before.sendPresenceUpdate('composing', jid).catch((error: unknown) => {
      deps.logger.debug({ err: error }, 'whatsapp typing indicator failed');
    });
    await deps.sleep(Math.max(waitMs, WHATSAPP_TYPING_MIN_MS));
    const socket = deps.socket();
    if (!socket) return notConnected();
    try {
      const sent = await socket.sendMessage(jid, content);
      if (sent) remember(sent);
      return { type: 'sent' };
    } catch (error) {
      return { type: 'retry', error: describe(error) };
    } finally {
      const gap = deps.intervalMs * (1 + deps.random() * WHATSAPP_SEND_JITTER_RATIO);
      nextAt = deps.clock.now().getTime() + gap;
    }
  }

  return {
    async send(externalId, message, context) {
      if (!/^[^@\s]+@(lid|s\.whatsapp\.net|hosted|hosted\.lid)$/.test(externalId)) {
        return { type: 'failed', error: 'not a WhatsApp person address' };
      }
      const parts: (() => Promise<AnyMessageContent | undefined>)[] = [
        ...renderWhatsappMessage(message).map((text) => async () => ({ text })),
        ...(message.attachments ?? []).map((attachment) => () => contentOf(attachment)),
      ];
      return inParts.send(partsKey(externalId, message, context), parts.length, async (index) => {
        const content = await parts[index]?.();
        // A photo that is gone is left out: its text says it in words.
        if (!content) return { type: 'sent' };
        return paced((waitMs) => sendPart(externalId, content, waitMs));
      });
    },
    recent: (id) => recentSent.get(id),
  };
}

function notConnected(): SendResult {
  return { type: 'retry', error: 'whatsapp is not connected' };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
