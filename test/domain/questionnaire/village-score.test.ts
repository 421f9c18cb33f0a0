import { describe, expect, it } from 'vitest';
import type { AnswerMap } from '../../../src/domain/questionnaire/types.js';
import {
  MIN_RESIDENTS,
  villageItemScores,
  villagePillarScore,
} from '../../../src/domain/questionnaire/village-score.js';
import { DK, NO, testBank, YES, yesno } from './fixtures.js';

// K part: K1 (weight 2), K2. W part: W1..W5.
const bank = testBank([
  yesno('K1', 'K', { weight: 2 }),
  yesno('K2', 'K'),
  ...['W1', 'W2', 'W3', 'W4', 'W5'].map((id) => yesno(id)),
]);
/** K part 100 × 2/3. */
const K_ANSWERS: AnswerMap = { K1: YES, K2: NO };
const K_SCORE = 200 / 3;
/** A resident whose W score is `yes` × 20 (of 5 items, all answered). */
const resident = (yes: number): AnswerMap =>
  Object.fromEntries(['W1', 'W2', 'W3', 'W4', 'W5'].map((id, i) => [id, i < yes ? YES : NO]));
/** A resident who answered 2 of 5 W items: under the gate. */
const INCOMPLETE: AnswerMap = { W1: YES, W2: YES, W3: DK };

describe('villagePillarScore', () => {
  it('needs 5 residents: 4 leave the W part out', () => {
    expect(MIN_RESIDENTS).toBe(5);
    const four = [1, 2, 3, 4].map(resident);
    const result = villagePillarScore({ bank, kAnswers: {}, residents: four });
    expect(result.residents).toEqual({ score: null, present: false, respondents: 4, counted: 4 });
    expect(result).toMatchObject({ score: null, shown: false, basis: 'none' });
  });

  it('uses the W part alone, flagged, from 5 residents', () => {
    const five = [1, 2, 3, 4, 5].map(resident);
    const result = villagePillarScore({ bank, kAnswers: {}, residents: five });
    expect(result.residents).toEqual({ score: 60, present: true, respondents: 5, counted: 5 });
    expect(result).toMatchObject({ score: 60, shown: true, basis: 'w_only' });
  });

  it('uses the K part alone, flagged, with fewer than 5 residents', () => {
    const result = villagePillarScore({
      bank,
      kAnswers: K_ANSWERS,
      residents: [resident(5), resident(5)],
    });
    expect(result.basis).toBe('k_only');
    expect(result.score).toBeCloseTo(K_SCORE, 10);
    expect(result.kader).toMatchObject({ shown: true, applicableCount: 2, scoredCount: 2 });
  });

  it('combines both parts 0.6 K + 0.4 W', () => {
    const residents = [0, 1, 2, 3, 4, 5].map(resident); // W mean 300 / 6 = 50
    const result = villagePillarScore({ bank, kAnswers: K_ANSWERS, residents });
    expect(result.basis).toBe('both');
    expect(result.residents.score).toBe(50);
    expect(result.score).toBeCloseTo(0.6 * K_SCORE + 0.4 * 50, 10);
  });

  it('does not count a resident under 60 % W completeness', () => {
    const residents = [resident(1), resident(2), resident(3), resident(4), INCOMPLETE];
    const result = villagePillarScore({ bank, kAnswers: {}, residents });
    expect(result.residents).toEqual({ score: null, present: false, respondents: 5, counted: 4 });

    const more = villagePillarScore({
      bank,
      kAnswers: {},
      residents: [...residents, resident(0)],
    });
    // The incomplete resident's 100 is not in the mean: (20 + 40 + 60 + 80 + 0) / 5.
    expect(more.residents).toEqual({ score: 40, present: true, respondents: 6, counted: 5 });
  });

  it('gates the K part on its own completeness', () => {
    const bigK = testBank([
      ...['K1', 'K2', 'K3', 'K4', 'K5'].map((id) => yesno(id, 'K')),
      yesno('W1'),
    ]);
    const residents = Array.from({ length: 5 }, () => ({ W1: YES }));
    const twoOfFive = { K1: YES, K2: YES, K3: DK };
    const threeOfFive = { K1: YES, K2: YES, K3: NO };
    const low = villagePillarScore({ bank: bigK, kAnswers: twoOfFive, residents });
    expect(low).toMatchObject({ basis: 'w_only', score: 100 });
    expect(low.kader).toMatchObject({ shown: false, completeness: 0.4, score: 100 });
    const enough = villagePillarScore({ bank: bigK, kAnswers: threeOfFive, residents });
    expect(enough.basis).toBe('both');
    expect(enough.score).toBeCloseTo(0.6 * (200 / 3) + 0.4 * 100, 10);
  });

  it('reads only K items from kAnswers and only W items from residents', () => {
    const residents = Array.from({ length: 5 }, () => ({ ...resident(5), K1: NO, K2: NO }));
    const result = villagePillarScore({
      bank,
      kAnswers: { ...K_ANSWERS, W1: NO, W2: NO },
      residents,
    });
    expect(result.kader.score).toBeCloseTo(K_SCORE, 10);
    expect(result.residents.score).toBe(100);
  });

  it('counts as respondents only residents who answered a W item', () => {
    const result = villagePillarScore({
      bank,
      kAnswers: {},
      residents: [{}, { K1: YES }, { W1: DK }],
    });
    expect(result.residents).toMatchObject({ respondents: 1, counted: 0 });
  });
});

describe('villageItemScores', () => {
  it('gives the K items and the counted residents mean of each W item', () => {
    const residents = [resident(1), resident(2), resident(3), resident(4), resident(5), INCOMPLETE];
    const scores = villageItemScores({ bank, kAnswers: K_ANSWERS, residents });
    expect(scores).toEqual({ K1: 1, K2: 0, W1: 1, W2: 0.8, W3: 0.6, W4: 0.4, W5: 0.2 });
  });

  it('leaves out the parts that do not feed the score', () => {
    expect(villageItemScores({ bank, kAnswers: K_ANSWERS, residents: [resident(5)] })).toEqual({
      K1: 1,
      K2: 0,
    });
    expect(villageItemScores({ bank, kAnswers: { K1: DK }, residents: [] })).toEqual({});
  });
});
