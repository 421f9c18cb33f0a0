/**
 * Text for Telegram's HTML parse mode. Locales and flows write WhatsApp-style markers
 * (`*bold*`, `_italic_`); people's own words pass through the same texts. Everything is
 * escaped first, then the markers become tags, so nothing a person types can become
 * markup other than bold or italic, and the tags are always balanced and nested.
 */
import { LINK_MARKUP, plainLinks } from '../text-render.js';

/** Telegram's limit on one message's text, in UTF-16 code units after entity parsing. */
export const TELEGRAM_TEXT_MAX_CHARS = 4096;

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * `*bold*`: the markers touch a word on the inside and no word on the outside, as
 * WhatsApp reads them; no line break inside.
 */
const BOLD = /(^|[^\p{L}\p{N}*])\*(?=\S)([^*\n]*?\S)\*(?![\p{L}\p{N}*])/gu;
/** `_italic_`, the same way; never across a tag, so it cannot cross a bold span. */
const ITALIC = /(^|[^\p{L}\p{N}_])_(?=[^\s<>])([^_\n<>]*?[^\s<>])_(?![\p{L}\p{N}_])/gu;

/** Escapes the three characters Telegram's HTML parser reads. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (c) => HTML_ESCAPES[c] ?? c);
}

/**
 * Plain text with WhatsApp-style markers → safe Telegram HTML. A `[label](url)` link
 * becomes the label, linked (`<a href>`); markers are read only outside links, so an
 * address's `_` or `~` is never taken for formatting.
 */
export function toTelegramHtml(text: string): string {
  let html = '';
  let from = 0;
  for (const match of text.matchAll(LINK_MARKUP)) {
    const [whole, label = '', url = ''] = match;
    html += formatHtml(text.slice(from, match.index));
    html += `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`;
    from = match.index + whole.length;
  }
  return html + formatHtml(text.slice(from));
}

function formatHtml(text: string): string {
  return escapeHtml(text)
    .replace(BOLD, (_, before: string, inner: string) => `${before}<b>${inner}</b>`)
    .replace(ITALIC, (_, before: string, inner: string) => `${before}<i>${inner}</i>`);
}

/** The same text without markers, links as their address, for when Telegram refuses the HTML. */
export function stripMarkers(text: string): string {
  return plainLinks(text)
    .replace(BOLD, (_, before: string, inner: string) => `${before}${inner}`)
    .replace(ITALIC, (_, before: string, inner: string) => `${before}${inner}`);
}
