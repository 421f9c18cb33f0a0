import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Inbound, InboundPayload, Text } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { CallbackSigner } from './callback-data.js';
import { parseUpdate, type TelegramEvent } from './parse.js';
import type { Download } from './photo.js';
import type { TelegramSender } from './sender.js';

/** Stores a downloaded photo; the Telegram file id is kept as its origin. */
export type SaveTelegramPhoto = (input: {
  bytes: Uint8Array;
  fileId: string;
}) => Promise<
  | { type: 'stored'; mediaId: string }
  | { type: 'rejected'; reason: 'too_large' | 'not_an_image' | 'unsupported_type' }
>;

/** What handling an update needs. */
export interface UpdateHandlerDeps {
  channel: string;
  api: Api;
  sender: TelegramSender;
  signer: CallbackSigner;
  receive(inbound: Inbound): Promise<unknown>;
  /**
   * Records an update's dedupe key for a notice the channel sends itself: true the
   * first time, false when the key was recorded before (by this or by `receive`).
   */
  recordOnce(key: InboundKey): Promise<boolean>;
  /** True when an update's key was recorded already: it was delivered again. */
  wasReceived(key: InboundKey): Promise<boolean>;
  markUnreachable(address: { channel: string; externalId: string }): Promise<void>;
  download(fileId: string): Promise<Download>;
  savePhoto: SaveTelegramPhoto;
  maxPhotoBytes: number;
  translate(text: Text, language: string): string;
  /** The bot language for a Telegram `language_code` (for notices outside a conversation). */
  languageOf(code: string | undefined): string;
  /** The bot's username (known once `getMe` answered). */
  botUsername(): string;
  clock: Clock;
  logger: Logger;
}

/** The key the runtime drops redeliveries by. */
export interface InboundKey {
  channel: string;
  messageId: string;
}

/**
 * Builds the handler of one update: private messages and presses go to the runtime,
 * group commands get an invitation to a private chat, a block marks the person
 * unreachable, everything else is ignored. Every update that leads to a message goes
 * through the runtime's one dedupe, so a redelivery sends and downloads nothing again.
 * Errors (the database is unreachable) propagate to the caller: the update is not
 * handled and must come again.
 */
export function createUpdateHandler(
  deps: UpdateHandlerDeps,
): (update: Update, fresh?: boolean) => Promise<void> {
  const say = (key: string, language: string | undefined, params?: Text['params']) =>
    deps.translate(params ? { key, params } : { key }, deps.languageOf(language));
  const keyOf = (messageId: string) => ({ channel: deps.channel, messageId });

  /** Sends a notice outside the conversation once per update, however often it comes. */
  async function noticeOnce(
    event: { chatId: number; messageId: string },
    text: string,
    log: Logger,
    extra?: Parameters<TelegramSender['notify']>[2],
  ) {
    if (!(await deps.recordOnce(keyOf(event.messageId)))) {
      log.debug('telegram update delivered again; notice already sent');
      return;
    }
    await deps.sender.notify(event.chatId, text, extra);
  }

  function receive(chatId: number, messageId: string, payload: InboundPayload) {
    return deps.receive({
      channel: deps.channel,
      messageId,
      externalId: String(chatId),
      receivedAt: deps.clock.now(),
      payload,
    });
  }

  /** Whether an update that may have come before was handled already. */
  async function handledBefore(messageId: string, fresh: boolean): Promise<boolean> {
    return !fresh && (await deps.wasReceived(keyOf(messageId)));
  }

  async function onPhoto(
    event: Extract<TelegramEvent, { type: 'photo' }>,
    fresh: boolean,
    log: Logger,
  ) {
    if (await handledBefore(event.messageId, fresh)) {
      log.debug('telegram photo delivered again; not downloaded');
      return;
    }
    const refuse = (reason: string) =>
      noticeOnce(event, say(`telegram:photo.${reason}`, event.language), log);
    if (!event.photo) return refuse('too_large');
    let download: Download;
    try {
      download = await deps.download(event.photo.fileId);
    } catch (error) {
      log.warn({ error: (error as Error).message }, 'telegram photo download failed');
      return refuse('failed');
    }
    if (download.type === 'too_large') return refuse('too_large');
    const saved = await deps.savePhoto({ bytes: download.bytes, fileId: event.photo.fileId });
    if (saved.type === 'rejected') return refuse(saved.reason);
    const payload: InboundPayload = event.caption
      ? { type: 'photo', mediaId: saved.mediaId, caption: event.caption }
      : { type: 'photo', mediaId: saved.mediaId };
    await receive(event.chatId, event.messageId, payload);
  }

  async function onPress(
    event: Extract<TelegramEvent, { type: 'press' }>,
    fresh: boolean,
    log: Logger,
  ) {
    const choice =
      event.private && event.chatId !== undefined
        ? deps.signer.decode(event.chatId, event.data)
        : undefined;
    if (!choice || event.chatId === undefined) {
      log.info('telegram press refused: unknown or tampered callback data');
      await answer(event.callbackQueryId, say('telegram:closed', event.language), log);
      return;
    }
    if (await handledBefore(event.messageId, fresh)) {
      log.debug('telegram press delivered again; already answered');
      return;
    }
    await answer(event.callbackQueryId, undefined, log);
    const removed =
      event.keyboardMessageId === undefined
        ? undefined
        : deps.sender.removeKeyboard(event.chatId, event.keyboardMessageId);
    await receive(event.chatId, event.messageId, { type: 'choice', ...choice });
    await removed;
  }

  async function answer(id: string, text: string | undefined, log: Logger) {
    try {
      await deps.api.answerCallbackQuery(id, text ? { text } : {});
    } catch (error) {
      // A press delivered again after a restart is too old to answer; nothing is lost.
      log.debug({ error: (error as Error).message }, 'telegram callback answer failed');
    }
  }

  // `fresh`: never delivered before, no need to look for an earlier handling (polling only).
  return async (update, fresh = false) => {
    const event = parseUpdate(update, {
      botUsername: deps.botUsername(),
      maxPhotoBytes: deps.maxPhotoBytes,
    });
    const log = deps.logger.child({ updateId: update.update_id });
    switch (event.type) {
      case 'message':
        await receive(event.chatId, event.messageId, event.payload);
        return;
      case 'photo':
        return onPhoto(event, fresh, log);
      case 'press':
        return onPress(event, fresh, log);
      case 'group_command':
        return noticeOnce(event, say('telegram:group.private_only', event.language), log, {
          replyTo: event.replyTo,
          replyMarkup: {
            inline_keyboard: [
              [
                {
                  text: say('telegram:group.open', event.language),
                  url: `https://t.me/${deps.botUsername()}`,
                },
              ],
            ],
          },
        });
      case 'blocked':
        log.info('telegram chat blocked the bot; marking it unreachable');
        await deps.markUnreachable({ channel: deps.channel, externalId: String(event.chatId) });
        return;
      case 'ignored':
        if (event.issues) {
          log.warn(
            { issues: event.issues },
            'telegram update not shaped as Telegram sends; ignored',
          );
        } else log.debug({ reason: event.reason }, 'telegram update ignored');
        return;
    }
  };
}
