import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Callback data of a choice button: `c|<question token>|<option number>|<mac>`. The MAC
 * (HMAC-SHA256 over the chat, token and number, cut to {@link CALLBACK_MAC_BYTES}) uses a
 * key derived from the bot token, so data a modified client made up, or copied from
 * another chat, is refused before it reaches a conversation.
 */

/** Bytes of MAC kept: 64 bits is plenty against guessing, and fits Telegram's 64-byte limit. */
export const CALLBACK_MAC_BYTES = 8;
/** Telegram's limit on callback data, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

const PREFIX = 'c';
const KEY_LABEL = 'sapa-desa/telegram/callback-data/v1';
const TOKEN_PATTERN = /^[\w.-]{1,32}$/;

/** What a verified press carries. */
export interface ChoicePress {
  token: string;
  number: number;
}

/** Signs and checks choice buttons for one bot. */
export interface CallbackSigner {
  /** The callback data of option `number` of the question `token`, in chat `chatId`. */
  encode(chatId: number | string, choice: ChoicePress): string;
  /** The press, or undefined when the data is malformed or its MAC does not match. */
  decode(chatId: number | string, data: string | undefined): ChoicePress | undefined;
}

/** Builds the signer; the key is derived from the bot token, so it changes with the bot. */
export function createCallbackSigner(botToken: string): CallbackSigner {
  const key = createHash('sha256').update(KEY_LABEL).update('\u0000').update(botToken).digest();
  const mac = (chatId: number | string, token: string, number: number): Buffer =>
    createHmac('sha256', key)
      .update(`${chatId}|${token}|${number}`)
      .digest()
      .subarray(0, CALLBACK_MAC_BYTES);

  return {
    encode(chatId, { token, number }) {
      if (!TOKEN_PATTERN.test(token)) throw new Error(`question token "${token}" cannot be sent`);
      const data = `${PREFIX}|${token}|${number}|${mac(chatId, token, number).toString('base64url')}`;
      if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) {
        throw new Error('callback data over 64 bytes');
      }
      return data;
    },
    decode(chatId, data) {
      const parts = (data ?? '').split('|');
      if (parts.length !== 4 || parts[0] !== PREFIX) return undefined;
      const [, token = '', numberText = '', given = ''] = parts;
      if (!TOKEN_PATTERN.test(token) || !/^\d{1,4}$/.test(numberText)) return undefined;
      const number = Number(numberText);
      const expected = mac(chatId, token, number);
      const actual = Buffer.from(given, 'base64url');
      if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) return undefined;
      return { token, number };
    },
  };
}
