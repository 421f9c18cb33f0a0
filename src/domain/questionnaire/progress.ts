/**
 * Where a person stands in one pillar: what is answered, what comes next, what came
 * before. Items are those that apply to them (role, then skip conditions).
 */
import { applicableItems } from './applicable.js';
import type { AnswerMap, Audience, Bank, Item } from './types.js';

/** A person's progress through a pillar. */
export interface PillarProgress {
  /** Applicable items answered, "tidak tahu" and "tidak berlaku" included. */
  answered: number;
  /** Items that apply to the person now. */
  total: number;
  /** The first applicable item not answered yet; undefined when every one is. */
  next?: Item;
}

/** Progress of `answers` through `bank` for a person of `audience`. */
export function pillarProgress(bank: Bank, answers: AnswerMap, audience: Audience): PillarProgress {
  const items = applicableItems(bank, { audience, answers });
  const open = items.filter((item) => answers[item.id] === undefined);
  return { answered: items.length - open.length, total: items.length, next: open[0] };
}

/** An item's place among the items that apply: 1-based, and how many apply. */
export function itemPosition(
  bank: Bank,
  answers: AnswerMap,
  audience: Audience,
  itemId: string,
): { number: number; total: number } {
  const items = applicableItems(bank, { audience, answers });
  return { number: items.findIndex((item) => item.id === itemId) + 1, total: items.length };
}

/**
 * The applicable item asked before `itemId`: the last one that comes before it in the
 * bank (also when `itemId` itself no longer applies). Undefined at the first item.
 */
export function itemBefore(
  bank: Bank,
  answers: AnswerMap,
  audience: Audience,
  itemId: string,
): Item | undefined {
  const at = bank.items.findIndex((item) => item.id === itemId);
  const before = at < 0 ? bank.items.length : at;
  const earlier = new Set(bank.items.slice(0, before).map((item) => item.id));
  return applicableItems(bank, { audience, answers })
    .filter((item) => earlier.has(item.id))
    .at(-1);
}
