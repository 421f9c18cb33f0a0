import type { Readable } from 'node:stream';
import { jidNormalizedUser, toNumber, type WAMessage } from '@whiskeysockets/baileys';
import type { Inbound, InboundPayload } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { SaveMediaInput, SaveMediaResult } from '../../media/store.js';
import { createKeyedQueue } from '../../runtime/keyed-queue.js';
import {
  type ParsedWhatsappMessage,
  parseWhatsappMessage,
  phoneOf,
  type WhatsappAddress,
  type WhatsappImage,
} from './parse.js';
import type { WhatsappSocket } from './socket.js';

type ParsedMessage = Extract<ParsedWhatsappMessage, { type: 'message' }>;

/** Fetches the bytes of an image message (Baileys' `downloadMediaMessage` in production). */
export type DownloadImage = (
  message: WAMessage,
  socket: WhatsappSocket,
) => Promise<Readable | Uint8Array>;

/** Finds or re-keys the identity of a sender; returns the external id to use. */
export type LinkIdentity = (sender: {
  channel: string;
  lid?: string;
  pn?: string;
  phone?: string;
}) => Promise<{ externalId: string }>;

/** What inbound handling needs. */
export interface InboundDeps {
  channel: string;
  receive(inbound: Inbound): Promise<unknown>;
  /** The runtime's one dedupe, for messages answered outside a conversation. */
  recordOnce(key: { channel: string; messageId: string }): Promise<boolean>;
  /**
   * Sends the short "sorry, your message was read late" notice, in the person's language,
   * to a person whose only messages queued while the bot was away are too old to answer.
   */
  sendLateNotice(externalId: string): Promise<void>;
  /** Messages queued while the bot was away longer than this are not answered. */
  staleAfterMs: number;
  linkIdentity: LinkIdentity;
  media: { save(input: SaveMediaInput): Promise<SaveMediaResult> };
  /** Largest picture downloaded, in bytes (`MEDIA_MAX_BYTES`). */
  mediaMaxBytes: number;
  downloadImage: DownloadImage;
  clock: Clock;
  logger: Logger;
}

/** Turns WhatsApp messages into runtime input, one person's messages in order. */
export interface InboundHandler {
  /** Queues one message; returns at once. */
  handle(socket: WhatsappSocket, message: WAMessage): void;
  /**
   * Queues the messages WhatsApp held while the bot was away (`messages.upsert` of type
   * `append`): each person's recent ones are answered as usual; those older than
   * `staleAfterMs` are recorded as seen, and a person who sent nothing newer gets one late
   * notice instead.
   */
  handleQueued(socket: WhatsappSocket, messages: WAMessage[]): void;
  /** Resolves when every message queued so far has been handed to the runtime. */
  idle(): Promise<void>;
}

/**
 * Creates the inbound handler. Per message: parse (ignored kinds stop here), complete
 * the sender's address from Baileys' LID mapping, link the identity (LID first, phone
 * number kept), download a picture into the media store, then `receive`.
 */
export function createInboundHandler(deps: InboundDeps): InboundHandler {
  const queue = createKeyedQueue();

  async function deliver(
    socket: WhatsappSocket,
    message: WAMessage,
    parsed: ParsedMessage,
  ): Promise<void> {
    const from = await completeAddress(socket, parsed.from);
    const phone = phoneOf(from.pn);
    const { externalId } = await deps.linkIdentity({ channel: deps.channel, ...from, phone });
    const payload =
      parsed.content.type === 'payload'
        ? parsed.content.payload
        : await imagePayload(socket, message, parsed.content, parsed.messageId);
    await deps.receive({
      channel: deps.channel,
      messageId: parsed.messageId,
      externalId,
      ...(phone ? { phone } : {}),
      receivedAt: deps.clock.now(),
      payload,
    });
  }

  /**
   * Fills in the other address of a sender from Baileys' LID mapping store: the phone
   * number of a LID-only sender, the LID of one writing by number alone.
   */
  async function completeAddress(
    socket: WhatsappSocket,
    from: WhatsappAddress,
  ): Promise<WhatsappAddress> {
    const mapping = socket.signalRepository?.lidMapping;
    if ((from.lid && from.pn) || !mapping) return from;
    try {
      if (from.lid) {
        const pn = await mapping.getPNForLID(from.lid);
        return pn ? { ...from, pn: jidNormalizedUser(pn) } : from;
      }
      const lid = from.pn ? await mapping.getLIDForPN(from.pn) : null;
      return lid ? { ...from, lid: jidNormalizedUser(lid) } : from;
    } catch (error) {
      deps.logger.debug({ err: error }, 'whatsapp LID mapping lookup failed');
      return from;
    }
  }

  async function imagePayload(
    socket: WhatsappSocket,
    message: WAMessage,
    image: WhatsappImage,
    messageId: string,
  ): Promise<InboundPayload> {
    const refused: InboundPayload = { type: 'unsupported', kind: 'other' };
    if (image.fileLength !== undefined && image.fileLength > deps.mediaMaxBytes) {
      deps.logger.info({ bytes: image.fileLength }, 'whatsapp picture too large; not downloaded');
      return refused;
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = await readAtMost(await deps.downloadImage(message, socket), deps.mediaMaxBytes);
    } catch (error) {
      deps.logger.warn({ err: error }, 'whatsapp picture download failed');
      return refused;
    }
    if (!bytes) {
      deps.logger.info('whatsapp picture larger than declared and the limit; dropped');
      return refused;
    }
    const saved = await deps.media.save({
      bytes,
      ...(image.mimeType ? { mimeType: image.mimeType } : {}),
      originChannel: deps.channel,
      originRef: messageId,
    });
    if (saved.type === 'rejected') {
      deps.logger.info({ reason: saved.reason }, 'whatsapp picture refused by the media store');
      return refused;
    }
    return {
      type: 'photo',
      mediaId: saved.media.id,
      ...(image.caption ? { caption: image.caption } : {}),
    };
  }

  /** Records stale messages as seen; the late notice when the newest is new to the dedupe. */
  async function answerStale(socket: WhatsappSocket, stale: ParsedMessage[]): Promise<void> {
    let fresh = false;
    for (const parsed of stale) {
      fresh = await deps.recordOnce({ channel: deps.channel, messageId: parsed.messageId });
    }
    const newest = stale.at(-1);
    if (!fresh || !newest) return;
    const from = await completeAddress(socket, newest.from);
    const phone = phoneOf(from.pn);
    const { externalId } = await deps.linkIdentity({ channel: deps.channel, ...from, phone });
    deps.logger.info(
      { messages: stale.length },
      'whatsapp messages too old to answer; late notice',
    );
    await deps.sendLateNotice(externalId);
  }

  function enqueue(key: string, task: () => Promise<void>): void {
    void queue
      .run(key, task)
      .catch((error) => deps.logger.error({ err: error }, 'whatsapp message handling failed'));
  }

  function parse(message: WAMessage): ParsedMessage | undefined {
    const parsed = parseWhatsappMessage(message);
    if (parsed.type === 'message') return parsed;
    deps.logger.debug({ reason: parsed.reason }, 'whatsapp message ignored');
    return undefined;
  }

  /**
   * Queued messages by person, oldest first, split into those sent since `oldest` and
   * those before. Without a time WhatsApp gave, a message counts as recent: better answered.
   */
  function groupQueued(messages: WAMessage[], now: number, oldest: number) {
    const byPerson = new Map<
      string,
      { recent: [WAMessage, ParsedMessage][]; stale: ParsedMessage[] }
    >();
    const sorted = [...messages].sort((a, b) => (sentAtMs(a) ?? now) - (sentAtMs(b) ?? now));
    for (const message of sorted) {
      const parsed = parse(message);
      if (!parsed) continue;
      const key = personKey(parsed);
      const entry = byPerson.get(key) ?? { recent: [], stale: [] };
      byPerson.set(key, entry);
      if ((sentAtMs(message) ?? now) < oldest) entry.stale.push(parsed);
      else entry.recent.push([message, parsed]);
    }
    return byPerson;
  }

  return {
    handle(socket, message) {
      const parsed = parse(message);
      if (parsed) enqueue(personKey(parsed), () => deliver(socket, message, parsed));
    },
    handleQueued(socket, messages) {
      const now = deps.clock.now().getTime();
      for (const [key, { recent, stale }] of groupQueued(messages, now, now - deps.staleAfterMs)) {
        enqueue(key, async () => {
          for (const parsed of recent.length > 0 ? stale : []) {
            await deps.recordOnce({ channel: deps.channel, messageId: parsed.messageId });
          }
          if (recent.length === 0) await answerStale(socket, stale);
          for (const [message, parsed] of recent) await deliver(socket, message, parsed);
        });
      }
    },
    idle: () => queue.drain(),
  };
}

/**
 * One queue per person: by phone number when known, since a person may appear under their
 * number and their LID.
 */
function personKey(parsed: ParsedMessage): string {
  return phoneOf(parsed.from.pn) ?? parsed.from.lid ?? '';
}

/** When the person sent a message, in epoch milliseconds; undefined when WhatsApp did not say. */
function sentAtMs(message: WAMessage): number | undefined {
  const at = message.messageTimestamp;
  return at == null ? undefined : toNumber(at) * 1000;
}

/** The bytes of a download, or undefined as soon as they exceed `maxBytes`. */
async function readAtMost(
  source: Readable | Uint8Array,
  maxBytes: number,
): Promise<Uint8Array | undefined> {
  if (source instanceof Uint8Array) return source.byteLength > maxBytes ? undefined : source;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buffer.byteLength;
    if (total > maxBytes) {
      source.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}
