import { type Json, type Text, t } from './messages.js';

/** Keys {@link joinTexts} builds on; listed by the flows that use it. */
export const JOIN_KEYS = ['common:join.line', 'common:join.paragraph'];

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

/** A text as the JSON an action returns: a {@link Text} is plain JSON already. */
export function textAsJson(text: Text): Json {
  return text as unknown as Json;
}
