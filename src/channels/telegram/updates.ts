import type { Api, Context } from 'grammy';
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
  markUnreachable(address: { channel: string; externalId: string }): Promise<void>;
  download(fileId: string): Promise<Download>;
  savePhoto: SaveTelegramPhoto;
  maxPhotoBytes: number;
  translate(text: Text, language: string): string;
  /** The bot language for a Telegram `language_code` (for notices outside a conversation). */
  languageOf(code: string | undefined): string;
  clock: Clock;
  logger: Logger;
}

/**
 * Builds the handler of one update: private messages and presses go to the runtime,
 * group commands get an invitation to a private chat, a block marks the person
 * unreachable, everything else is ignored. Errors propagate to the caller.
 */
export function createUpdateHandler(deps: UpdateHandlerDeps): (ctx: Context) => Promise<void> {
  const say = (key: string, language: string | undefined, params?: Text['params']) =>
    deps.translate(params ? { key, params } : { key }, deps.languageOf(language));

  function receive(chatId: number, messageId: string, payload: InboundPayload) {
    return deps.receive({
      channel: deps.channel,
      messageId,
      externalId: String(chatId),
      receivedAt: deps.clock.now(),
      payload,
    });
  }

  async function onPhoto(event: Extract<TelegramEvent, { type: 'photo' }>, log: Logger) {
    const refuse = (reason: string) =>
      deps.sender.notify(event.chatId, say(`telegram:photo.${reason}`, event.language));
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

  async function onPress(event: Extract<TelegramEvent, { type: 'press' }>, log: Logger) {
    const choice =
      event.private && event.chatId !== undefined
        ? deps.signer.decode(event.chatId, event.data)
        : undefined;
    if (!choice || event.chatId === undefined) {
      log.info('telegram press refused: unknown or tampered callback data');
      await answer(event.callbackQueryId, say('telegram:closed', event.language), log);
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

  return async (ctx) => {
    const event = parseUpdate(ctx.update, {
      botUsername: ctx.me.username,
      maxPhotoBytes: deps.maxPhotoBytes,
    });
    const log = deps.logger.child({ channel: deps.channel, updateId: ctx.update.update_id });
    switch (event.type) {
      case 'message':
        await receive(event.chatId, event.messageId, event.payload);
        return;
      case 'photo':
        return onPhoto(event, log);
      case 'press':
        return onPress(event, log);
      case 'group_command':
        await deps.sender.notify(event.chatId, say('telegram:group.private_only', event.language), {
          replyTo: event.replyTo,
          replyMarkup: {
            inline_keyboard: [
              [
                {
                  text: say('telegram:group.open', event.language),
                  url: `https://t.me/${ctx.me.username}`,
                },
              ],
            ],
          },
        });
        return;
      case 'blocked':
        log.info('telegram chat blocked the bot; marking it unreachable');
        await deps.markUnreachable({ channel: deps.channel, externalId: String(event.chatId) });
        return;
      case 'ignored':
        log.debug({ reason: event.reason }, 'telegram update ignored');
        return;
    }
  };
}
