import type { RenderedMessage } from '../../core/messages.js';
import { neutraliseFormatting } from '../../i18n.js';
import { renderNumberedText, splitText } from '../text-render.js';

export { neutraliseFormatting };

/**
 * Longest text sent as one WhatsApp message, in characters. WhatsApp accepts far more
 * (about 65,000), but a long wall of text on a small phone is hard to read and slow on
 * a weak connection; longer texts are split at paragraph, line or word boundaries.
 */
export const WHATSAPP_MAX_TEXT_CHARS = 4_000;

/**
 * Renders a message as WhatsApp texts: the numbered-text baseline (buttons and lists are
 * not delivered to ordinary accounts), split into parts of at most
 * {@link WHATSAPP_MAX_TEXT_CHARS}.
 *
 * Formatting: the locale texts use WhatsApp's `*bold*` and `_italic_` on purpose and are
 * sent as they are; the hint under the options is set in italics. People's words and data
 * inside a text come as parameters, whose formatting characters the translator already
 * replaced with look-alikes (`neutraliseFormatting`); option labels are neutralised here
 * too.
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
