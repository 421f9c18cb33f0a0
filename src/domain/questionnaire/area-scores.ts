/**
 * Scores of many villages at once (an area's table), and the average per pillar of a set
 * of villages (the kabupaten average the radar chart compares with).
 */
import type { BankRegistry } from './registry.js';
import { PILLAR_IDS, type PillarId } from './types.js';
import {
  type StoredAnswer,
  scoreVillageAnswers,
  toStoredAnswer,
  type VillagePillarResult,
} from './village-answers.js';

/** One stored row with the village it is about. */
export type AreaAnswerRow = Parameters<typeof toStoredAnswer>[0] & { villageCode: string };

/** Each village's pillar results, by village code (villages with any usable answer). */
export function scoreAreaAnswers(
  registry: BankRegistry,
  rows: readonly AreaAnswerRow[],
): Map<string, VillagePillarResult[]> {
  const byVillage = new Map<string, StoredAnswer[]>();
  for (const row of rows) {
    const stored = toStoredAnswer(row);
    if (!stored) continue;
    const list = byVillage.get(row.villageCode) ?? [];
    list.push(stored);
    byVillage.set(row.villageCode, list);
  }
  const scores = new Map<string, VillagePillarResult[]>();
  for (const [code, answers] of byVillage) scores.set(code, scoreVillageAnswers(registry, answers));
  return scores;
}

/**
 * The mean of the shown scores per pillar, in {@link PILLAR_IDS} order; null for a pillar
 * no village has a score on.
 */
export function pillarAverages(
  villages: Iterable<readonly VillagePillarResult[]>,
): (number | null)[] {
  const sums = new Map<PillarId, { sum: number; n: number }>();
  for (const results of villages) {
    for (const result of results) {
      if (result.score === null) continue;
      const entry = sums.get(result.pillar) ?? { sum: 0, n: 0 };
      entry.sum += result.score;
      entry.n += 1;
      sums.set(result.pillar, entry);
    }
  }
  return PILLAR_IDS.map((pillar) => {
    const entry = sums.get(pillar);
    return entry ? entry.sum / entry.n : null;
  });
}

/** A village's score per pillar in {@link PILLAR_IDS} order (null: not enough data). */
export function pillarScores(results: readonly VillagePillarResult[]): (number | null)[] {
  return PILLAR_IDS.map((pillar) => results.find((r) => r.pillar === pillar)?.score ?? null);
}
