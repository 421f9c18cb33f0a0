/**
 * Messages kept up to date in place (`Outbound.inPlace`, a broadcast's progress): the first
 * one with a key is sent and its Telegram message id recorded on its outbox row; each later
 * one with the same key to the same chat edits that message (editMessageText) instead of
 * sending a new one. Every edit is an outbox row of its own, so a crash loses none, and an
 * edit sent twice only writes the same text again.
 */
import { GrammyError } from 'grammy';
import type { Logger } from '../../logger.js';
import type { SendResult } from '../../runtime/types.js';

/** Where in-place messages find and record their Telegram message ids (the outbox rows). */
export interface InPlaceStore {
  /**
   * The Telegram message id recorded for the latest earlier message with `key` to the
   * person of outbox row `outboxId`, on the same chat; undefined when there is none.
   */
  find(params: { outboxId: number; externalId: string; key: string }): Promise<number | undefined>;
  /** Records the Telegram message id a send of outbox row `outboxId` got. */
  record(params: { outboxId: number; messageId: number }): Promise<void>;
}

/** The same text again: Telegram refuses the edit, and the message already says it. */
const NOT_MODIFIED = /message is not modified/i;
/** The message is gone or too old to edit: a new one is sent instead. */
const NOT_EDITABLE = /message to edit not found|message can't be edited|message_id_invalid/i;

/** One in-place message to send. */
export interface InPlaceSend {
  store: InPlaceStore;
  logger: Logger;
  outboxId: number;
  externalId: string;
  key: string;
  /** The message's one text when it can be shown by an edit (no buttons, no attachments). */
  text: string | undefined;
  /** Edits Telegram message `messageId` to show `text` (paced like any call). */
  edit(messageId: number, text: string): Promise<void>;
  /** Sends it as a new message; `lastId` is the Telegram id of its last part. */
  sendNew(): Promise<{ result: SendResult; lastId?: number }>;
}

/** Edits the earlier message with the key, or sends a new one and records its id. */
export async function sendInPlace(params: InPlaceSend): Promise<SendResult> {
  const { store, text } = params;
  const previous = text === undefined ? undefined : await store.find(params);
  if (previous !== undefined && text !== undefined) {
    try {
      await params.edit(previous, text);
      return { type: 'sent' };
    } catch (error) {
      const refused = error instanceof GrammyError && error.error_code === 400;
      if (refused && NOT_MODIFIED.test(error.description)) return { type: 'sent' };
      if (!(refused && NOT_EDITABLE.test(error.description))) throw error;
      params.logger.info('telegram message to update is gone: sending a new one');
    }
  }
  const { result, lastId } = await params.sendNew();
  if (result.type === 'sent' && lastId !== undefined) {
    try {
      await store.record({ outboxId: params.outboxId, messageId: lastId });
    } catch (error) {
      // Sent already: the next update goes as a new message rather than this one twice.
      params.logger.warn({ err: error }, 'telegram message id of an in-place message not kept');
    }
  }
  return result;
}
