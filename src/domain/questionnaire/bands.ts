/**
 * How scores are shown: whole numbers, a band name, and the pilar prioritas.
 */
import { PILLAR_IDS, type PillarId } from './types.js';

/** The score bands, lowest first (not official; DOMAIN.md 2.3). */
export const BANDS = ['rintisan', 'berkembang', 'maju', 'cerdas'] as const;

/** A score band. */
export type Band = (typeof BANDS)[number];

/** Lowest shown score of each band above Rintisan: Berkembang from 40, Maju 60, Cerdas 80. */
export const BAND_FLOORS: Readonly<Record<Exclude<Band, 'rintisan'>, number>> = {
  berkembang: 40,
  maju: 60,
  cerdas: 80,
};

/**
 * Slack when rounding, in score points: a weighted mean or 0.6 K + 0.4 W whose exact value
 * ends in .5 can come out of floating point a hair below it (59.49999999999999); real
 * scores are never that close to .5 without being on it.
 */
export const ROUNDING_TOLERANCE = 1e-9;

/**
 * A score as shown: a whole number, halves rounded up (0.5 → 1, 59.5 → 60), tolerant of
 * floating-point error just below a half.
 */
export function roundScore(score: number): number {
  return Math.floor(score + 0.5 + ROUNDING_TOLERANCE);
}

/**
 * The band of a score, judged on the shown (rounded) score so the name always matches the
 * number: Rintisan < 40 ≤ Berkembang < 60 ≤ Maju < 80 ≤ Cerdas, hence 39.5 is Berkembang.
 */
export function band(score: number): Band {
  const shown = roundScore(score);
  if (shown >= BAND_FLOORS.cerdas) return 'cerdas';
  if (shown >= BAND_FLOORS.maju) return 'maju';
  if (shown >= BAND_FLOORS.berkembang) return 'berkembang';
  return 'rintisan';
}

/** What {@link priorityPillar} compares: any person or village pillar score. */
export interface ShownScore {
  pillar: PillarId;
  score: number | null;
  shown: boolean;
}

/**
 * The pilar prioritas: the shown pillar with the lowest shown (rounded) score, so two
 * pillars that read the same are a tie; ties go to the first in the canonical order
 * ({@link PILLAR_IDS}), whatever the order of `results`. Undefined when none is shown.
 */
export function priorityPillar(results: readonly ShownScore[]): PillarId | undefined {
  let best: { pillar: PillarId; shown: number; rank: number } | undefined;
  for (const result of results) {
    if (!result.shown || result.score === null) continue;
    const candidate = {
      pillar: result.pillar,
      shown: roundScore(result.score),
      rank: PILLAR_IDS.indexOf(result.pillar),
    };
    if (
      !best ||
      candidate.shown < best.shown ||
      (candidate.shown === best.shown && candidate.rank < best.rank)
    ) {
      best = candidate;
    }
  }
  return best?.pillar;
}
