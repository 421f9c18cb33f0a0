import type { Message, PhotoSize, Update } from 'grammy/types';
import { z } from 'zod';
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
      /** Dedupe key of the press ({@link dedupeKeyOf}). */
      messageId: string;
      chatId?: number;
      /** The message carrying the keyboard, when Telegram still has it. */
      keyboardMessageId?: number;
      data?: string;
      private: boolean;
      language?: string;
    }
  /** A command addressed to the bot in a group: answered with an invitation to a private chat. */
  | {
      type: 'group_command';
      chatId: number;
      /** Dedupe key of the command ({@link dedupeKeyOf}): one invitation however often it comes. */
      messageId: string;
      replyTo: number;
      language?: string;
    }
  /** The person blocked the bot. */
  | { type: 'blocked'; chatId: number }
  /** Nothing to do; `issues` names the fields of an update not shaped as Telegram sends them. */
  | { type: 'ignored'; reason: string; issues?: string[] };

/** Where a private message came from and how it is recognised when delivered again. */
export interface PrivateSource {
  chatId: number;
  /** Dedupe key ({@link dedupeKeyOf}): stable when Telegram or a restart delivers it again. */
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

const chatShape = z.looseObject({ id: z.number().int(), type: z.string() });
const userShape = z.looseObject({ id: z.number().int(), language_code: z.string().optional() });
const locationShape = z.looseObject({ latitude: z.number(), longitude: z.number() });
const messageShape = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int(),
  chat: chatShape,
  from: userShape.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  photo: z
    .array(
      z.looseObject({
        file_id: z.string(),
        width: z.number(),
        height: z.number(),
        file_size: z.number().optional(),
      }),
    )
    .optional(),
  location: locationShape.optional(),
  venue: z
    .looseObject({ location: locationShape, title: z.string(), address: z.string() })
    .optional(),
});
/** The fields of an update {@link parseUpdate} reads, as Telegram sends them; others pass. */
const updateShape = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: messageShape.optional(),
  callback_query: z
    .looseObject({
      id: z.string(),
      from: userShape,
      data: z.string().optional(),
      message: z
        .looseObject({ message_id: z.number().int(), date: z.number().int(), chat: chatShape })
        .optional(),
    })
    .optional(),
  my_chat_member: z
    .looseObject({ chat: chatShape, new_chat_member: z.looseObject({ status: z.string() }) })
    .optional(),
});

/** True for a JSON value that can be an update at all: an object with an integer `update_id`. */
export function isUpdateLike(value: unknown): value is Pick<Update, 'update_id'> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isSafeInteger((value as { update_id?: unknown }).update_id)
  );
}

/**
 * The key that drops a redelivered update: `u:<update_id>[:<date>]`. Telegram sends an
 * update it was not sure we took again with the same `update_id`, by polling and by
 * webhook alike. No chat or user id is in it, so the dedupe table holds nothing personal.
 * The date of the message guards against a clash with an old key: after a week without
 * updates Telegram starts the ids again at a random number.
 */
export function dedupeKeyOf(update: Update): string {
  const date = update.message?.date ?? update.callback_query?.message?.date;
  return date === undefined ? `u:${update.update_id}` : `u:${update.update_id}:${date}`;
}

/**
 * The chat an update belongs to, for handling one chat's updates in order: the chat id,
 * else the sender, else the update itself. Works on updates of any shape.
 */
export function chatKeyOf(update: Update): string {
  const loose = update as {
    message?: { chat?: { id?: unknown } };
    callback_query?: { message?: { chat?: { id?: unknown } }; from?: { id?: unknown } };
    my_chat_member?: { chat?: { id?: unknown } };
  };
  const id =
    loose.message?.chat?.id ??
    loose.callback_query?.message?.chat?.id ??
    loose.callback_query?.from?.id ??
    loose.my_chat_member?.chat?.id;
  return typeof id === 'number' ? `chat:${id}` : `update:${update.update_id}`;
}

/**
 * Reads an update. `botUsername` tells which group commands are addressed to this bot;
 * `maxPhotoBytes` which photo size to fetch (the largest Telegram says fits). An update
 * whose fields are not shaped as Telegram sends them is ignored, never thrown on.
 */
export function parseUpdate(
  update: Update,
  options: { botUsername: string; maxPhotoBytes: number },
): TelegramEvent {
  const checked = updateShape.safeParse(update);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => issue.path.join('.') || '(update)');
    return { type: 'ignored', reason: 'malformed update', issues };
  }
  const messageId = dedupeKeyOf(update);
  if (update.callback_query) {
    const query = update.callback_query;
    const chat = query.message?.chat;
    return {
      type: 'press',
      callbackQueryId: query.id,
      messageId,
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
  if (message.chat.type !== 'private') {
    return parseGroupMessage(message, options.botUsername, messageId);
  }
  const source: PrivateSource = {
    chatId: message.chat.id,
    messageId,
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
function parseGroupMessage(
  message: Message,
  botUsername: string,
  messageId: string,
): TelegramEvent {
  const command = message.text === undefined ? undefined : parseText(message.text);
  const addressed =
    command?.payload.type === 'command' &&
    (command.mention === undefined || command.mention.toLowerCase() === botUsername.toLowerCase());
  if (!addressed) return { type: 'ignored', reason: 'group message' };
  return {
    type: 'group_command',
    chatId: message.chat.id,
    messageId,
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
