import type { RenderedMessage } from '../../core/messages.js';
import { renderNumberedText, splitText } from '../text-render.js';

/**
 * Longest text sent as one WhatsApp message, in characters. WhatsApp accepts far more
 * (about 65,000), but a long wall of text on a small phone is hard to read and slow on
 * a weak connection; longer texts are split at paragraph, line or word boundaries.
 */
export const WHATSAPP_MAX_TEXT_CHARS = 4_000;

/** Characters WhatsApp reads as formatting, and look-alikes that it does not. */
const FORMATTING_LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02cd', // ˍ modifier letter low macron
  '~': '\u223c', // ∼ tilde operator
  '`': '\u02cb', // ˋ modifier letter grave accent
};

/**
 * Renders a message as WhatsApp texts: the numbered-text baseline (buttons and lists are
 * not delivered to ordinary accounts), split into parts of at most
 * {@link WHATSAPP_MAX_TEXT_CHARS}.
 *
 * Formatting: the locale texts use WhatsApp's `*bold*` and `_italic_` on purpose and are
 * sent as they are; the hint under the options is set in italics. Option labels may be
 * data or earlier answers, so their formatting characters are neutralised. Texts arrive
 * with their parameters already filled in, so a person's own words inside a paragraph
 * (a summary echoing their answer) cannot be told apart from the locale text here and
 * are sent unchanged.
 */
export function renderWhatsappMessage(message: RenderedMessage): string[] {
  const safe: RenderedMessage = message.choices
    ? {
        ...message,
        choices: {
          ...message.choices,
          options: message.choices.options.map((o) => ({
            ...o,
            label: neutraliseFormatting(o.label),
          })),
        },
      }
    : message;
  const text = renderNumberedText(safe);
  return text.length === 0 ? [] : splitText(text, WHATSAPP_MAX_TEXT_CHARS);
}

/**
 * Replaces WhatsApp's formatting characters (`*`, `_`, `~`, backtick) with look-alikes,
 * so a text is shown exactly as written, never bold, italic, struck or monospaced. (Quote
 * and list markers only count at the start of a line, where a label never is: it follows
 * its number.)
 */
export function neutraliseFormatting(text: string): string {
  return text.replace(/[*_~`]/g, (c) => FORMATTING_LOOKALIKES[c] ?? c);
}
