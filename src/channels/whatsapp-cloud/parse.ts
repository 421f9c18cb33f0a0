import type { InboundPayload, UnsupportedKind } from '../../core/messages.js';
import type { CloudMessage } from './webhook.js';

/** A picture to download by its media id before the message goes to the runtime. */
export interface CloudImage {
  type: 'image';
  mediaId: string;
  caption?: string;
  mimeType?: string;
}

/** What one Cloud API message is for the bot. */
export type ParsedCloudMessage =
  | { type: 'ignore'; reason: string }
  | { type: 'payload'; payload: InboundPayload }
  | CloudImage;

/** Message types the bot cannot use yet, named back to the person. */
const UNSUPPORTED: Record<string, UnsupportedKind> = {
  sticker: 'sticker',
  video: 'video',
  document: 'document',
  contacts: 'contact',
};

/** Not something a person said to the bot: no answer. */
const SILENT = new Set(['reaction', 'system', 'ephemeral', 'request_welcome']);

/** Pictures a person may send "as a document" to keep their quality. */
const IMAGE_DOCUMENT = /^image\/(jpeg|png|webp|heic|heif)$/i;

const COMMAND = /^\/(\p{L}[\p{L}\p{N}_]*)(?:\s+([\s\S]*))?$/u;

/** Button and list row ids the bot gives: `c:<question token>:<option number>`. */
const CHOICE_ID = /^c:(.+):(\d{1,3})$/;

/** The id of a reply button or list row for option `number` of the question `token`. */
export function choiceId(token: string, number: number): string {
  return `c:${token}:${number}`;
}

/**
 * Reads one message of a notification: text and commands, button and list replies (as the
 * choice they name, or their title), pictures (to download), locations; other kinds are
 * named as unsupported, reactions and system notices ignored. Pure.
 */
export function parseCloudMessage(message: CloudMessage): ParsedCloudMessage {
  const payload = (value: InboundPayload): ParsedCloudMessage => ({
    type: 'payload',
    payload: value,
  });
  switch (message.type) {
    case 'text':
      return textOrIgnore(message.text?.body);
    case 'interactive': {
      const reply = message.interactive?.button_reply ?? message.interactive?.list_reply;
      if (!reply) return { type: 'ignore', reason: 'interactive without a reply' };
      const choice = CHOICE_ID.exec(reply.id);
      if (choice?.[1] && choice[2]) {
        return payload({ type: 'choice', token: choice[1], number: Number(choice[2]) });
      }
      return textOrIgnore(reply.title);
    }
    case 'button':
      return textOrIgnore(message.button?.payload || message.button?.text);
    case 'image':
      return message.image ? image(message.image) : { type: 'ignore', reason: 'no image' };
    case 'document': {
      const doc = message.document;
      if (doc?.mime_type && IMAGE_DOCUMENT.test(doc.mime_type)) return image(doc);
      return payload({ type: 'unsupported', kind: 'document' });
    }
    case 'audio':
      return payload({ type: 'unsupported', kind: message.audio?.voice ? 'voice' : 'audio' });
    case 'location': {
      const l = message.location;
      if (!l) return { type: 'ignore', reason: 'no location' };
      const label = (l.name || l.address)?.trim();
      return payload({
        type: 'location',
        latitude: l.latitude,
        longitude: l.longitude,
        ...(label ? { label } : {}),
      });
    }
    default:
      if (SILENT.has(message.type)) return { type: 'ignore', reason: message.type };
      return payload({ type: 'unsupported', kind: UNSUPPORTED[message.type] ?? 'other' });
  }
}

function textOrIgnore(text: string | undefined): ParsedCloudMessage {
  const trimmed = text?.trim();
  if (!trimmed) return { type: 'ignore', reason: 'empty text' };
  const command = COMMAND.exec(trimmed);
  const payload: InboundPayload = command?.[1]
    ? { type: 'command', name: command[1].toLowerCase(), args: (command[2] ?? '').trim() }
    : { type: 'text', text: trimmed };
  return { type: 'payload', payload };
}

function image(m: { id: string; mime_type?: string; caption?: string }): CloudImage {
  const caption = m.caption?.trim();
  return {
    type: 'image',
    mediaId: m.id,
    ...(caption ? { caption } : {}),
    ...(m.mime_type ? { mimeType: m.mime_type } : {}),
  };
}
