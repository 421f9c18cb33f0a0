import type {
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
} from 'grammy/types';
import type { RenderedMessage } from '../../core/messages.js';
import { renderNumberedText, splitText } from '../text-render.js';
import type { ChoicePress } from './callback-data.js';
import { stripMarkers, TELEGRAM_TEXT_MAX_CHARS } from './format.js';

/** Longest button label, in characters; the full label stays in the numbered text. */
export const BUTTON_LABEL_MAX_CHARS = 32;
/** Buttons whose labels are at most this long sit two to a row. */
export const SHORT_BUTTON_MAX_CHARS = 16;

/** Any keyboard or keyboard change a message can carry. */
export type ReplyMarkup =
  | InlineKeyboardMarkup
  | ReplyKeyboardMarkup
  | ReplyKeyboardRemove
  | ForceReply;

/** One `sendMessage` to make: text with WhatsApp-style markers (formatted when sent). */
export interface TelegramPart {
  text: string;
  replyMarkup?: ReplyMarkup;
}

/** How one {@link RenderedMessage} goes out on Telegram. */
export interface TelegramRendering {
  parts: TelegramPart[];
  /**
   * An inline keyboard to put on the last part with `editMessageReplyMarkup` once sent:
   * a message carries one markup, and here the last part had to remove the location
   * keyboard.
   */
  inlineAfter?: InlineKeyboardMarkup;
  /** Whether the share-location keyboard is shown once this message is sent. */
  locationKeyboardOpen: boolean;
}

/** What rendering needs besides the message. */
export interface RenderOptions {
  /** Callback data of a choice button (signed for the chat it goes to). */
  encode(choice: ChoicePress): string;
  /** Label of the share-location button, in the message's language. */
  locationButton: string;
  /** Whether the chat shows the share-location keyboard from an earlier message. */
  locationKeyboardOpen: boolean;
}

/**
 * Renders a message: the numbered text (split at Telegram's limit), choices as an
 * inline keyboard under the last part, a share-location button when a location is
 * expected, and the removal of that button once it is no longer needed.
 */
export function renderForTelegram(
  message: RenderedMessage,
  options: RenderOptions,
): TelegramRendering {
  const chunks = splitText(renderNumberedText(message, 'markup'), TELEGRAM_TEXT_MAX_CHARS);
  const parts: TelegramPart[] = chunks.map((text) => ({ text }));
  const last = parts[parts.length - 1] as TelegramPart;
  const first = parts[0] as TelegramPart;
  if (message.expect === 'location') {
    last.replyMarkup = locationKeyboard(options.locationButton);
    return { parts, locationKeyboardOpen: true };
  }
  const inline = inlineKeyboard(message, options.encode);
  if (!options.locationKeyboardOpen) {
    if (inline) last.replyMarkup = inline;
    return { parts, locationKeyboardOpen: false };
  }
  const remove: ReplyKeyboardRemove = { remove_keyboard: true };
  if (!inline) {
    last.replyMarkup = remove;
    return { parts, locationKeyboardOpen: false };
  }
  if (parts.length > 1) {
    first.replyMarkup = remove;
    last.replyMarkup = inline;
    return { parts, locationKeyboardOpen: false };
  }
  last.replyMarkup = remove;
  return { parts, inlineAfter: inline, locationKeyboardOpen: false };
}

/** Buttons for a single-answer question; none for multiple answers (those are typed). */
export function inlineKeyboard(
  message: RenderedMessage,
  encode: (choice: ChoicePress) => string,
): InlineKeyboardMarkup | undefined {
  const choices = message.choices;
  if (!choices || choices.multiple || choices.options.length === 0) return undefined;
  const buttons: InlineKeyboardButton[] = choices.options.map((option) => ({
    text: shorten(`${option.number}. ${option.label}`, BUTTON_LABEL_MAX_CHARS),
    callback_data: encode({ token: choices.token, number: option.number }),
  }));
  const perRow = buttons.every((b) => b.text.length <= SHORT_BUTTON_MAX_CHARS) ? 2 : 1;
  const rows: InlineKeyboardButton[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) rows.push(buttons.slice(i, i + perRow));
  return { inline_keyboard: rows };
}

function locationKeyboard(label: string): ReplyKeyboardMarkup {
  return {
    keyboard: [[{ text: label, request_location: true }]],
    resize_keyboard: true,
    one_time_keyboard: true,
  };
}

/** Cuts a label to `max` characters with an ellipsis, never inside a surrogate pair. */
export function shorten(label: string, max: number): string {
  const chars = Array.from(stripMarkers(label));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
