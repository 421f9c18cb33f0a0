/**
 * For staff: the items that pull a pillar score down the most.
 */
import { applicableItems } from './applicable.js';
import { itemScore } from './item-score.js';
import type { AnswerMap, Audience, Bank, Item } from './types.js';

/** Items listed by default: enough to act on, short enough for one chat bubble. */
export const WEAKEST_ITEMS_LIMIT = 3;

/** An item that pulls a score down. */
export interface WeakItem {
  item: Item;
  /** Its score in [0, 1]. */
  score: number;
  /** Weight × (1 − score): the points it takes from the weighted mean's numerator. */
  loss: number;
}

/**
 * The items with the largest loss, weight × (1 − score), largest first; ties keep bank
 * order. Items without a score and items scoring 1 are left out. `scores` is by item id:
 * {@link villageItemScores} for a village, {@link personItemScores} for a person.
 */
export function weakestItems(
  bank: Bank,
  scores: Readonly<Record<string, number | null>>,
  limit = WEAKEST_ITEMS_LIMIT,
): WeakItem[] {
  const weak: WeakItem[] = [];
  for (const item of bank.items) {
    const score = scores[item.id];
    if (score === undefined || score === null) continue;
    const loss = item.weight * (1 - score);
    if (loss > 0) weak.push({ item, score, loss });
  }
  return weak.sort((a, b) => b.loss - a.loss).slice(0, limit);
}

/** A person's scored items (role and skips applied), by item id. */
export function personItemScores(
  bank: Bank,
  answers: AnswerMap,
  audience: Audience,
): Record<string, number> {
  const scores: Record<string, number> = {};
  for (const item of applicableItems(bank, { audience, answers })) {
    const answer = answers[item.id];
    const score = answer ? itemScore(item, answer) : null;
    if (score !== null) scores[item.id] = score;
  }
  return scores;
}
