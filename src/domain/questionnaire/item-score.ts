/**
 * The score of one answer to one item, in [0, 1] (DOMAIN.md 2.3, issue 8).
 */
import { answerFits } from './answers.js';
import { type Answer, type Item, SCALE_POINTS } from './types.js';

/**
 * Scores an answer: yes/no ya 1, tidak 0; a choice its option's score; a scale value v
 * (v − 1) / 4; a number the score of the band it falls in. Returns null, meaning "not
 * scored", for "tidak tahu", "tidak berlaku", and any answer that does not fit the item
 * ({@link answerFits}: another type, an unknown option, a number out of range). Unscored
 * answers stay out of the weighted mean and lower completeness.
 */
export function itemScore(item: Item, answer: Answer): number | null {
  if (!answerFits(item, answer)) return null;
  switch (answer.type) {
    case 'yesno':
      return answer.value ? 1 : 0;
    case 'choice':
      return item.type === 'choice'
        ? (item.options.find((o) => o.value === answer.value)?.score ?? null)
        : null;
    case 'scale':
      return (answer.value - 1) / (SCALE_POINTS - 1);
    case 'number':
      return item.type === 'number'
        ? (item.bands.find((b) => answer.value >= b.min && answer.value <= b.max)?.score ?? null)
        : null;
    default:
      return null;
  }
}
