import type { Message, PhotoSize, Update } from 'grammy/types';
import type { InboundPayload, UnsupportedKind } from '../../core/messages.js';

/** What one Telegram update means for the bot. */
export type TelegramEvent =
  /** A message in a private chat, ready for the runtime. */
  | (PrivateSource & { type: 'message'; payload: InboundPayload })
  /** A picture in a private chat: `photo` is the size to download, none when all are too big. */
  | (PrivateSource & { type: 'photo'; photo?: { fileId: string }; caption?: string })
  /** A button press; the data is checked before anything else happens. */
  | {
      type: 'press';
      callbackQueryId: string;
      /** Dedupe key of the press. */
      messageId: string;
      chatId?: number;
      /** The message carrying the keyboard, when Telegram still has it. */
      keyboardMessageId?: number;
      data?: string;
      private: boolean;
      language?: string;
    }
  /** A command addressed to the bot in a group: answered with an invitation to a private chat. */
  | { type: 'group_command'; chatId: number; replyTo: number; language?: string }
  /** The person blocked the bot. */
  | { type: 'blocked'; chatId: number }
  | { type: 'ignored'; reason: string };

/** Where a private message came from and how it is recognised when delivered again. */
export interface PrivateSource {
  chatId: number;
  /** `<chat id>:<message id>`: stable when Telegram or a restart delivers it again. */
  messageId: string;
  language?: string;
}

/** The update types the bot asks Telegram for; edits and channel posts are not among them. */
export const ALLOWED_UPDATES = ['message', 'callback_query', 'my_chat_member'] as const;

/** Content fields that are ours to name back to the person, in the order they are checked. */
const UNSUPPORTED: [keyof Message, UnsupportedKind][] = [
  ['sticker', 'sticker'],
  ['voice', 'voice'],
  ['audio', 'audio'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['animation', 'video'],
  ['document', 'document'],
  ['contact', 'contact'],
  ['poll', 'poll'],
  ['dice', 'other'],
  ['game', 'other'],
  ['story', 'other'],
  ['paid_media', 'other'],
  ['invoice', 'other'],
  ['checklist', 'other'],
];

/**
 * Reads an update. `botUsername` tells which group commands are addressed to this bot;
 * `maxPhotoBytes` which photo size to fetch (the largest Telegram says fits).
 */
export function parseUpdate(
  update: Update,
  options: { botUsername: string; maxPhotoBytes: number },
): TelegramEvent {
  if (update.callback_query) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    return {
      type: 'press',
      callbackQueryId: query.id,
      messageId: `cb:${query.id}`,
      chatId: chat?.id,
      keyboardMessageId: query.message?.message_id,
      data: query.data,
      private: chat?.type === 'private',
      language: query.from.language_code,
    };
  }
  if (update.my_chat_member) {
    const member = update.my_chat_member;
    if (member.chat.type === 'private' && member.new_chat_member.status === 'kicked') {
      return { type: 'blocked', chatId: member.chat.id };
    }
    return { type: 'ignored', reason: 'membership change' };
  }
  const message = update.message;
  if (!message) return { type: 'ignored', reason: 'update type not handled' };
  if (message.chat.type !== 'private') return parseGroupMessage(message, options.botUsername);
  const source: PrivateSource = {
    chatId: message.chat.id,
    messageId: `${message.chat.id}:${message.message_id}`,
    language: message.from?.language_code,
  };
  if (message.photo) {
    const photo = pickPhoto(message.photo, options.maxPhotoBytes);
    return {
      ...source,
      type: 'photo',
      photo: photo && { fileId: photo.file_id },
      caption: message.caption,
    };
  }
  const payload = parsePrivateMessage(message);
  return payload
    ? { ...source, type: 'message', payload }
    : { type: 'ignored', reason: 'service message' };
}

/** A private message's content as a payload; undefined for service messages. */
function parsePrivateMessage(message: Message): InboundPayload | undefined {
  if (message.text !== undefined) return parseText(message.text).payload;
  if (message.venue) {
    const { location, title, address } = message.venue;
    const label = [title, address].filter(Boolean).join(', ');
    return { type: 'location', latitude: location.latitude, longitude: location.longitude, label };
  }
  if (message.location) {
    return {
      type: 'location',
      latitude: message.location.latitude,
      longitude: message.location.longitude,
    };
  }
  const unsupported = UNSUPPORTED.find(([field]) => message[field] !== undefined);
  return unsupported ? { type: 'unsupported', kind: unsupported[1] } : undefined;
}

/** In groups only commands addressed to this bot count, and they get an invitation. */
function parseGroupMessage(message: Message, botUsername: string): TelegramEvent {
  const command = message.text === undefined ? undefined : parseText(message.text);
  const addressed =
    command?.payload.type === 'command' &&
    (command.mention === undefined || command.mention.toLowerCase() === botUsername.toLowerCase());
  if (!addressed) return { type: 'ignored', reason: 'group message' };
  return {
    type: 'group_command',
    chatId: message.chat.id,
    replyTo: message.message_id,
    language: message.from?.language_code,
  };
}

/** `/name@bot args` → a command; anything else is text. */
export function parseText(text: string): { payload: InboundPayload; mention?: string } {
  const match = /^\/([A-Za-z0-9_]{1,64})(?:@([A-Za-z0-9_]{3,64}))?(?:\s+([\s\S]*))?$/.exec(
    text.trim(),
  );
  if (!match?.[1]) return { payload: { type: 'text', text } };
  const payload: InboundPayload = {
    type: 'command',
    name: match[1].toLowerCase(),
    args: (match[3] ?? '').trim(),
  };
  return match[2] ? { payload, mention: match[2] } : { payload };
}

/** The largest size Telegram says is at most `maxBytes` (sizes come smallest first). */
export function pickPhoto(sizes: PhotoSize[], maxBytes: number): PhotoSize | undefined {
  const fitting = sizes.filter((s) => s.file_size === undefined || s.file_size <= maxBytes);
  return fitting.reduce<PhotoSize | undefined>(
    (best, s) => (best === undefined || s.width * s.height > best.width * best.height ? s : best),
    undefined,
  );
}
