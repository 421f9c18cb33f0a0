import type { RenderedMessage } from '../core/messages.js';

/**
 * A link as the translator writes it, `[label](url)` (src/core/messages.ts `Link`): the
 * label in group 1, the address (http or https, no spaces) in group 2.
 */
export const LINK_MARKUP = /\[([^[\]\n]+)\]\((https?:\/\/[^\s()<>"]+)\)/g;

/** Each link as its address alone, for platforms whose text cannot hide an address. */
export function plainLinks(text: string): string {
  return text.replace(LINK_MARKUP, (_, _label: string, url: string) => url);
}

/** How links come out of {@link renderNumberedText}. */
export type LinkStyle = 'address' | 'markup';

/**
 * Renders a message as plain text with numbered options, the baseline every channel
 * shares (buttons, where a platform has them, come on top of this). Links become their
 * address, or stay `[label](url)` for a channel that links words itself (`markup`).
 */
export function renderNumberedText(message: RenderedMessage, links: LinkStyle = 'address'): string {
  const blocks = (links === 'markup' ? message.texts : message.texts.map(plainLinks)).slice();
  if (message.choices) {
    blocks.push(message.choices.options.map((o) => `${o.number}. ${o.label}`).join('\n'));
    if (message.choiceHint) blocks.push(`_${message.choiceHint}_`);
  }
  return blocks.filter((b) => b.length > 0).join('\n\n');
}

/**
 * Splits text into parts of at most `maxLength` characters, at paragraph, then line,
 * then word boundaries; never inside a surrogate pair.
 */
export function splitText(text: string, maxLength: number): string[] {
  if (text.length <= maxLength) return [text];
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxLength) {
    const window = rest.slice(0, maxLength);
    let cut = Math.max(window.lastIndexOf('\n\n'), window.lastIndexOf('\n'));
    if (cut < maxLength / 2) cut = window.lastIndexOf(' ');
    if (cut < maxLength / 2) cut = maxLength;
    if (/[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}
