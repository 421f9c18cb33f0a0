import { createHash } from 'node:crypto';
import { type Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Attachment, RenderedMessage, Text } from '../../core/messages.js';
import { errorSummary, type Logger } from '../../logger.js';
import type { SendContext, SendResult } from '../../runtime/types.js';
import { type LoadTelegramPhoto, sendAttachment } from './attachments.js';
import type { CallbackSigner } from './callback-data.js';
import { stripMarkers, toTelegramHtml } from './format.js';
import { type InPlaceStore, sendInPlace } from './in-place.js';
import type { Pace } from './pace.js';
import { type ReplyMarkup, renderForTelegram, type TelegramPart } from './render.js';

/** Wait after a 429 that named no `retry_after`, in milliseconds. */
export const TELEGRAM_DEFAULT_RETRY_AFTER_MS = 1_000;
/** Messages whose first parts went out before a failure, remembered so a retry skips them. */
export const PARTIAL_SENDS_REMEMBERED = 1_000;

/** Descriptions of a 400 that mean the chat is gone for good. */
const GONE = /chat not found|user is deactivated|bot was blocked|peer_id_invalid|user not found/i;
/** A 400 that only says our HTML was not accepted. */
const BAD_ENTITIES = /can't parse entities|unsupported start tag|can't find end tag/i;

/** What the sender needs. */
export interface TelegramSenderDeps {
  api: Api;
  pace: Pace;
  signer: CallbackSigner;
  translate(text: Text, language: string): string;
  defaultLanguage: string;
  logger: Logger;
  /** Finds a stored photo a message shows; without it photos are left out (the text names them). */
  loadPhoto?: LoadTelegramPhoto;
  /** Keeps the ids of messages updated in place; without it each update is a new message. */
  inPlace?: InPlaceStore;
}

/** Sends rendered messages and the channel's own short notices. */
export interface TelegramSender {
  /**
   * Sends one outbox message (one kept up to date in place edits the earlier one); the
   * outbox retries or gives up from the result.
   */
  send(externalId: string, message: RenderedMessage, context?: SendContext): Promise<SendResult>;
  /** Sends a notice outside any conversation (group invitations, refused photos); never throws. */
  notify(chatId: number, text: string, extra?: NoticeExtra): Promise<void>;
  /**
   * Takes the inline keyboard off a message when the send pace has room to spare (it is
   * left otherwise: a later press on it is answered as closed); never throws.
   */
  removeKeyboard(chatId: number, messageId: number): Promise<void>;
}

/** Optional parts of a notice. */
export interface NoticeExtra {
  replyMarkup?: ReplyMarkup;
  replyTo?: number;
}

/**
 * A failed call as a short string for logs. Never the error object itself: a
 * GrammyError carries the call's payload (message text, chat id); other errors (a
 * database failing under an update) lose the values they were given.
 */
export function describeError(error: unknown): string {
  if (error instanceof GrammyError) {
    return `${error.method}: ${error.error_code} ${error.description}`;
  }
  if (error instanceof HttpError) return `network: ${error.message}`;
  return errorSummary(error);
}

/** Maps a failed Bot API call to what the outbox should do about it. */
export function sendResultOf(error: unknown): SendResult {
  if (error instanceof GrammyError) {
    const message = `telegram ${error.error_code}: ${error.description}`;
    if (error.error_code === 429) {
      const seconds = error.parameters.retry_after;
      const afterMs = seconds === undefined ? TELEGRAM_DEFAULT_RETRY_AFTER_MS : seconds * 1000;
      return { type: 'retry', error: message, afterMs };
    }
    if (error.error_code === 403 || (error.error_code === 400 && GONE.test(error.description))) {
      return { type: 'failed', error: message, unreachable: true };
    }
    // 5xx is Telegram's trouble; 401 and 404 mean a revoked token or a wrong API root,
    // which the operator fixes: the messages wait for it.
    if (error.error_code >= 500 || error.error_code === 401 || error.error_code === 404) {
      return { type: 'retry', error: message };
    }
    return { type: 'failed', error: message };
  }
  return { type: 'retry', error: describeError(error) };
}

/** Builds the sender of one bot. */
export function createTelegramSender(deps: TelegramSenderDeps): TelegramSender {
  /** Chats that show the share-location keyboard (kept in memory: a restart forgets it). */
  const locationKeyboards = new Set<string>();
  const partial = new Map<string, number>();

  /** A paced call; `priority` is the outbox's (replies 0 before the bulk lane's sends). */
  async function call<T>(run: () => Promise<T>, priority = 0): Promise<T> {
    await deps.pace.take(priority);
    try {
      return await run();
    } catch (error) {
      const result = sendResultOf(error);
      if (result.type === 'retry' && result.afterMs !== undefined) deps.pace.pause(result.afterMs);
      throw error;
    }
  }

  async function sendText(
    chatId: string | number,
    text: string,
    extra: NoticeExtra = {},
    priority = 0,
  ) {
    const options = {
      reply_markup: extra.replyMarkup,
      link_preview_options: { is_disabled: true },
      ...(extra.replyTo === undefined
        ? {}
        : { reply_parameters: { message_id: extra.replyTo, allow_sending_without_reply: true } }),
    };
    try {
      const html = toTelegramHtml(text);
      return await call(
        () => deps.api.sendMessage(chatId, html, { ...options, parse_mode: 'HTML' }),
        priority,
      );
    } catch (error) {
      if (!(error instanceof GrammyError && BAD_ENTITIES.test(error.description))) throw error;
      deps.logger.warn(
        { error: describeError(error) },
        'telegram refused the formatting; sending plain text',
      );
      return call(() => deps.api.sendMessage(chatId, stripMarkers(text), options), priority);
    }
  }

  async function sendParts(
    externalId: string,
    parts: TelegramPart[],
    key: string,
    priority: number,
  ) {
    let lastId: number | undefined;
    for (let index = partial.get(key) ?? 0; index < parts.length; index++) {
      const part = parts[index] as TelegramPart;
      try {
        const extra = { replyMarkup: part.replyMarkup };
        lastId = (await sendText(externalId, part.text, extra, priority)).message_id;
      } catch (error) {
        if (index > 0) remember(key, index);
        return { result: sendResultOf(error) };
      }
    }
    partial.delete(key);
    return { result: { type: 'sent' } as SendResult, lastId };
  }

  /** Sends the attachments after the text; `done` of them went out before a failure. */
  async function sendAttachments(
    externalId: string,
    attachments: Attachment[],
    progress: { key: string; offset: number; done: number; priority: number },
  ): Promise<SendResult> {
    const paced = <T>(run: () => Promise<T>) => call(run, progress.priority);
    for (let index = progress.done; index < attachments.length; index++) {
      try {
        await sendAttachment(deps, externalId, attachments[index] as Attachment, paced);
      } catch (error) {
        remember(progress.key, progress.offset + index);
        return sendResultOf(error);
      }
    }
    partial.delete(progress.key);
    return { type: 'sent' };
  }

  function remember(key: string, sentParts: number) {
    partial.delete(key);
    partial.set(key, sentParts);
    const oldest = partial.keys().next().value;
    if (partial.size > PARTIAL_SENDS_REMEMBERED && oldest !== undefined) partial.delete(oldest);
  }

  async function addKeyboard(
    chatId: string,
    messageId: number,
    markup: InlineKeyboardMarkup,
    priority: number,
  ) {
    try {
      await call(
        () => deps.api.editMessageReplyMarkup(chatId, messageId, { reply_markup: markup }),
        priority,
      );
    } catch (error) {
      // The numbered text is in the message: typing the number still works.
      deps.logger.warn({ error: describeError(error) }, 'telegram keyboard could not be added');
    }
  }

  /** Sends a message; `lastId` is the Telegram id of its last text part. */
  async function sendNew(
    externalId: string,
    message: RenderedMessage,
    priority: number,
  ): Promise<{ result: SendResult; lastId?: number }> {
    const language = message.language ?? deps.defaultLanguage;
    const rendering = renderForTelegram(message, {
      encode: (choice) => deps.signer.encode(externalId, choice),
      locationButton: deps.translate({ key: 'telegram:location_button' }, language),
      locationKeyboardOpen: locationKeyboards.has(externalId),
    });
    const key = createHash('sha256')
      .update(externalId)
      .update(JSON.stringify(message))
      .digest('base64url');
    // Parts, then attachments, count as one sequence for resuming after a failure.
    const resumeAt = partial.get(key) ?? 0;
    const { result, lastId } = await sendParts(externalId, rendering.parts, key, priority);
    if (result.type !== 'sent') return { result };
    if (rendering.locationKeyboardOpen) locationKeyboards.add(externalId);
    else locationKeyboards.delete(externalId);
    if (rendering.inlineAfter && lastId !== undefined) {
      await addKeyboard(externalId, lastId, rendering.inlineAfter, priority);
    }
    const offset = rendering.parts.length;
    const done = Math.max(0, resumeAt - offset);
    const attached = await sendAttachments(externalId, message.attachments ?? [], {
      key,
      offset,
      done,
      priority,
    });
    return { result: attached, lastId };
  }

  /** The one text of a message an edit can show: no buttons, no attachments. */
  function editableText(message: RenderedMessage): string | undefined {
    if (message.choices || message.expect || message.attachments?.length) return undefined;
    const [only, ...more] = message.texts;
    return more.length === 0 && only !== undefined && only.length > 0 ? only : undefined;
  }

  async function edit(chatId: string, messageId: number, text: string, priority: number) {
    const options = { link_preview_options: { is_disabled: true }, parse_mode: 'HTML' as const };
    const html = toTelegramHtml(text);
    await call(() => deps.api.editMessageText(chatId, messageId, html, options), priority);
  }

  return {
    async send(externalId, message, context) {
      const priority = context?.priority ?? 0;
      const key = context?.outbound.inPlace?.key;
      if (!(key && context && deps.inPlace)) {
        return (await sendNew(externalId, message, priority)).result;
      }
      try {
        return await sendInPlace({
          store: deps.inPlace,
          logger: deps.logger,
          outboxId: context.outboxId,
          externalId,
          key,
          text: editableText(message),
          edit: (messageId, text) => edit(externalId, messageId, text, priority),
          sendNew: () => sendNew(externalId, message, priority),
        });
      } catch (error) {
        return sendResultOf(error);
      }
    },
    async notify(chatId, text, extra) {
      try {
        await sendText(chatId, text, extra);
      } catch (error) {
        deps.logger.warn({ error: describeError(error) }, 'telegram notice not sent');
      }
    },
    async removeKeyboard(chatId, messageId) {
      // Tidying, not a message: left out when it would delay a reply. A button pressed
      // later on the keyboard left is answered as closed (the question is over).
      if (!deps.pace.spare()) {
        deps.logger.debug('telegram keyboard left: the send pace has no room');
        return;
      }
      try {
        await deps.api.editMessageReplyMarkup(chatId, messageId);
      } catch (error) {
        const result = sendResultOf(error);
        if (result.type === 'retry' && result.afterMs !== undefined)
          deps.pace.pause(result.afterMs);
        // Already removed, or the message is too old to edit: nothing left to do.
        deps.logger.debug({ error: describeError(error) }, 'telegram keyboard not removed');
      }
    },
  };
}
