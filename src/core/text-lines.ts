import { type Text, t } from './messages.js';

/**
 * Joins texts into one, line by line (or paragraph by paragraph), each part still resolved
 * in the reader's language at send time. Returns `empty` for no texts.
 */
export function joinTexts(texts: Text[], empty: Text, by: 'line' | 'paragraph' = 'line'): Text {
  const [first, ...rest] = texts;
  if (!first) return empty;
  if (rest.length === 0) return first;
  return t(`common:join.${by}`, { first, rest: joinTexts(rest, empty, by) });
}
