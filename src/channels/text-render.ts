import type { RenderedMessage } from '../core/messages.js';

/**
 * Renders a message as plain text with numbered options, the baseline every channel
 * shares (buttons, where a platform has them, come on top of this).
 */
export function renderNumberedText(message: RenderedMessage): string {
  const blocks = [...message.texts];
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
