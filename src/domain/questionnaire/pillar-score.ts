/**
 * A person's score on one pillar (issue 8, part 3).
 */
import { applicableItems, applicableOf } from './applicable.js';
import { itemScore } from './item-score.js';
import type { AnswerMap, Audience, Bank, Item, PillarId } from './types.js';

/** A score is shown only from this share of scored over applicable items (0.6 = 60 %). */
export const MIN_COMPLETENESS = 0.6;
/** A pillar score runs from 0 to this. */
export const SCORE_MAX = 100;

/** The score of a set of answers over the items that apply. */
export interface PillarScore {
  pillar: PillarId;
  bankVersion: number;
  /** 0-100, unrounded: 100 × Σ wᵢsᵢ / Σ wᵢ over scored items; null when none is scored. */
  score: number | null;
  /** scoredCount / applicableCount, unrounded; 0 when nothing applies. */
  completeness: number;
  /** Completeness ≥ {@link MIN_COMPLETENESS}; otherwise show "data belum cukup". */
  shown: boolean;
  scoredCount: number;
  applicableCount: number;
}

/**
 * True when a completeness reaches the gate. Compared unrounded: 3/5 = 0.6 passes,
 * 0.5999 does not.
 */
export function isComplete(completeness: number): boolean {
  return completeness >= MIN_COMPLETENESS;
}

/**
 * A person's score on a pillar: items filtered by role (`K` sees K and W items, `W` only
 * W items) and skip conditions, each scored by {@link itemScore}; "tidak tahu" and "tidak
 * berlaku" are applicable but unscored. DOMAIN.md says "completeness = answered / total";
 * issue 8 wins: scored / applicable after role and skip filtering.
 */
export function personPillarScore(bank: Bank, answers: AnswerMap, audience: Audience): PillarScore {
  return scoreOver(bank, applicableItems(bank, { audience, answers }), answers);
}

/** The score of `answers` over the items of exactly these audiences (after skips). */
export function audiencePillarScore(
  bank: Bank,
  answers: AnswerMap,
  audiences: readonly Audience[],
): PillarScore {
  return scoreOver(bank, applicableOf(bank.items, audiences, answers), answers);
}

function scoreOver(bank: Bank, items: readonly Item[], answers: AnswerMap): PillarScore {
  let weighted = 0;
  let weights = 0;
  let scoredCount = 0;
  for (const item of items) {
    const answer = answers[item.id];
    const score = answer ? itemScore(item, answer) : null;
    if (score === null) continue;
    weighted += item.weight * score;
    weights += item.weight;
    scoredCount += 1;
  }
  const applicableCount = items.length;
  const completeness = applicableCount === 0 ? 0 : scoredCount / applicableCount;
  return {
    pillar: bank.pillar,
    bankVersion: bank.version,
    score: scoredCount === 0 ? null : (SCORE_MAX * weighted) / weights,
    completeness,
    shown: scoredCount > 0 && isComplete(completeness),
    scoredCount,
    applicableCount,
  };
}
