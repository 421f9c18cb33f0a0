import {
  getContentType,
  isHostedLidUser,
  isHostedPnUser,
  isJidBot,
  isJidBroadcast,
  isJidGroup,
  isJidMetaAI,
  isJidNewsletter,
  isLidUser,
  isPnUser,
  jidNormalizedUser,
  normalizeMessageContent,
  type proto,
  toNumber,
  type WAMessage,
} from '@whiskeysockets/baileys';
import type { InboundPayload, UnsupportedKind } from '../../core/messages.js';

/** Who sent a WhatsApp message: its LID and/or phone-number address, device stripped. */
export interface WhatsappAddress {
  /** `…@lid`, when WhatsApp told it. */
  lid?: string;
  /** `…@s.whatsapp.net`, when WhatsApp told it. */
  pn?: string;
}

/** An image to download before the message can be handed to the runtime. */
export interface WhatsappImage {
  type: 'image';
  caption?: string;
  mimeType?: string;
  /** Size the sender declared, in bytes; checked before downloading. */
  fileLength?: number;
}

/** What one WhatsApp message is for the bot. */
export type ParsedWhatsappMessage =
  /** Nothing is sent back: not a person's message to the bot. */
  | { type: 'ignore'; reason: string }
  | {
      type: 'message';
      messageId: string;
      from: WhatsappAddress;
      content: { type: 'payload'; payload: InboundPayload } | WhatsappImage;
    };

/** Message kinds the bot cannot use yet, named back to the person. */
const UNSUPPORTED: Partial<Record<keyof proto.IMessage, UnsupportedKind>> = {
  stickerMessage: 'sticker',
  lottieStickerMessage: 'sticker',
  stickerPackMessage: 'sticker',
  videoMessage: 'video',
  ptvMessage: 'video',
  documentMessage: 'document',
  contactMessage: 'contact',
  contactsArrayMessage: 'contact',
  pollCreationMessage: 'poll',
  pollCreationMessageV2: 'poll',
  pollCreationMessageV3: 'poll',
  pollCreationMessageV5: 'poll',
};

/** Message kinds that are not something a person said to the bot: no answer at all. */
const SILENT = new Set<keyof proto.IMessage>([
  'protocolMessage',
  'reactionMessage',
  'encReactionMessage',
  'pollUpdateMessage',
  'senderKeyDistributionMessage',
  'keepInChatMessage',
  'pinInChatMessage',
  'callLogMesssage',
  'bcallMessage',
  'encEventResponseMessage',
  'messageHistoryBundle',
  // An album's announcement ("4 photos"): each photo follows as its own imageMessage.
  'albumMessage',
]);

/** Pictures a person may send "as a document" to keep their quality. */
const IMAGE_DOCUMENT = /^image\/(jpeg|png|webp|heic|heif)$/i;

const COMMAND = /^\/(\p{L}[\p{L}\p{N}_]*)(?:\s+([\s\S]*))?$/u;

/**
 * Reads one message of a `messages.upsert` (`notify`, or `append` for messages queued
 * while the bot was away). Ephemeral, view-once,
 * edited and document-with-caption wrappers are unwrapped first (Baileys'
 * `normalizeMessageContent`). Pure: downloading an image is the caller's job.
 */
export function parseWhatsappMessage(message: WAMessage): ParsedWhatsappMessage {
  const { key } = message;
  if (key.fromMe) return ignore('sent by the bot itself');
  const chat = key.remoteJid ?? '';
  if (isJidBroadcast(chat)) return ignore('status or broadcast');
  if (isJidGroup(chat)) return ignore('group');
  if (isJidNewsletter(chat)) return ignore('newsletter');
  if (isJidMetaAI(chat) || isJidBot(chat)) return ignore('bot');
  const from = senderAddress(chat, key.remoteJidAlt);
  if (!from) return ignore('sender address not understood');
  if (!key.id) return ignore('no message id');
  if (message.messageStubType) return ignore('stub');
  const content = normalizeMessageContent(message.message);
  const kind = getContentType(content);
  if (!content || !kind) return ignore('no content');
  if (SILENT.has(kind)) return ignore(kind);
  const parsed = readContent(content, kind);
  return parsed ? { type: 'message', messageId: key.id, from, content: parsed } : ignore(kind);
}

/** The sender's LID and phone-number addresses from the chat JID and its alternative. */
export function senderAddress(jid: string, alt?: string | null): WhatsappAddress | undefined {
  const address: WhatsappAddress = {};
  for (const candidate of [jid, alt ?? undefined]) {
    if (!candidate) continue;
    const user = jidNormalizedUser(candidate);
    if (isLidUser(user) || isHostedLidUser(user)) address.lid ??= user;
    else if (isPnUser(user) || isHostedPnUser(user)) address.pn ??= user;
  }
  return address.lid || address.pn ? address : undefined;
}

/** The phone number (digits with country code) of a phone-number address. */
export function phoneOf(pn: string | undefined): string | undefined {
  const user = pn?.split('@')[0]?.split(':')[0];
  return user && /^\d{6,15}$/.test(user) ? user : undefined;
}

function readContent(
  content: proto.IMessage,
  kind: keyof proto.IMessage,
): WhatsappImage | { type: 'payload'; payload: InboundPayload } | undefined {
  const payload = (p: InboundPayload) => ({ type: 'payload', payload: p }) as const;
  switch (kind) {
    case 'conversation':
      return textPayload(content.conversation);
    case 'extendedTextMessage':
      return textPayload(content.extendedTextMessage?.text);
    case 'imageMessage':
      return image(content.imageMessage);
    case 'locationMessage': {
      const m = content.locationMessage;
      return location(m?.degreesLatitude, m?.degreesLongitude, m?.name || m?.address);
    }
    case 'liveLocationMessage': {
      const m = content.liveLocationMessage;
      return location(m?.degreesLatitude, m?.degreesLongitude, m?.caption);
    }
    case 'listResponseMessage': {
      const m = content.listResponseMessage;
      return textPayload(m?.singleSelectReply?.selectedRowId || m?.title);
    }
    case 'buttonsResponseMessage': {
      const m = content.buttonsResponseMessage;
      return textPayload(m?.selectedButtonId || m?.selectedDisplayText);
    }
    case 'templateButtonReplyMessage': {
      const m = content.templateButtonReplyMessage;
      return textPayload(m?.selectedId || m?.selectedDisplayText);
    }
    case 'interactiveResponseMessage':
      return textPayload(interactiveReply(content.interactiveResponseMessage));
    case 'audioMessage':
      return payload({
        type: 'unsupported',
        kind: content.audioMessage?.ptt ? 'voice' : 'audio',
      });
    case 'documentMessage': {
      const m = content.documentMessage;
      if (m?.mimetype && IMAGE_DOCUMENT.test(m.mimetype)) return image(m);
      return payload({ type: 'unsupported', kind: 'document' });
    }
    default:
      return payload({ type: 'unsupported', kind: UNSUPPORTED[kind] ?? 'other' });
  }
}

function textPayload(text: string | null | undefined) {
  const trimmed = text?.trim();
  if (!trimmed) return undefined;
  const command = COMMAND.exec(trimmed);
  const payload: InboundPayload = command?.[1]
    ? { type: 'command', name: command[1].toLowerCase(), args: (command[2] ?? '').trim() }
    : { type: 'text', text: trimmed };
  return { type: 'payload', payload } as const;
}

function image(
  m: proto.Message.IImageMessage | proto.Message.IDocumentMessage | null | undefined,
): WhatsappImage {
  const caption = m?.caption?.trim();
  return {
    type: 'image',
    ...(caption ? { caption } : {}),
    ...(m?.mimetype ? { mimeType: m.mimetype } : {}),
    ...(m?.fileLength != null ? { fileLength: toNumber(m.fileLength) } : {}),
  };
}

function location(
  latitude: number | null | undefined,
  longitude: number | null | undefined,
  label: string | null | undefined,
) {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') return undefined;
  const text = label?.trim();
  const payload: InboundPayload = {
    type: 'location',
    latitude,
    longitude,
    ...(text ? { label: text } : {}),
  };
  return { type: 'payload', payload } as const;
}

/** The id of the chosen row or button of a native-flow reply, else its shown text. */
function interactiveReply(
  m: proto.Message.IInteractiveResponseMessage | null | undefined,
): string | undefined {
  const params = m?.nativeFlowResponseMessage?.paramsJson;
  if (params) {
    try {
      const parsed = JSON.parse(params) as { id?: unknown };
      if (typeof parsed.id === 'string' || typeof parsed.id === 'number') return String(parsed.id);
    } catch {
      // Not JSON: fall back to the text shown on the reply.
    }
  }
  return m?.body?.text ?? undefined;
}

function ignore(reason: string): ParsedWhatsappMessage {
  return { type: 'ignore', reason };
}
