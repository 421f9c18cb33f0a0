import { describe, expect, it } from 'vitest';
import {
  isComplete,
  MIN_COMPLETENESS,
  personPillarScore,
} from '../../../src/domain/questionnaire/pillar-score.js';
import {
  choice,
  DK,
  NA,
  NO,
  num,
  number,
  pick,
  rate,
  scale,
  testBank,
  YES,
  yesno,
} from './fixtures.js';

describe('personPillarScore', () => {
  it('is 100 × the weighted mean of the item scores', () => {
    const bank = testBank([yesno('A', 'W', { weight: 2 }), choice('B', [1, 0.5, 0]), scale('S')]);
    const result = personPillarScore(bank, { A: YES, B: pick('o3'), S: rate(3) }, 'W');
    // (2 × 1 + 1 × 0 + 1 × 0.5) / 4
    expect(result.score).toBeCloseTo(62.5, 10);
    expect(result).toMatchObject({
      pillar: 'tata_kelola',
      bankVersion: 1,
      completeness: 1,
      shown: true,
      scoredCount: 3,
      applicableCount: 3,
    });
  });

  it('weights a starred item twice', () => {
    const bank = testBank([yesno('A', 'W', { weight: 2 }), yesno('B')]);
    expect(personPillarScore(bank, { A: YES, B: NO }, 'W').score).toBeCloseTo(200 / 3, 10);
    expect(personPillarScore(bank, { A: NO, B: YES }, 'W').score).toBeCloseTo(100 / 3, 10);
  });

  it('leaves tidak tahu and tidak berlaku out of the mean but in the denominator of completeness', () => {
    const bank = testBank([
      yesno('A'),
      yesno('B'),
      yesno('C', 'W', { notApplicable: true }),
      yesno('D'),
      yesno('E'),
    ]);
    const result = personPillarScore(bank, { A: YES, B: NO, C: NA, D: DK, E: YES }, 'W');
    expect(result.score).toBeCloseTo(200 / 3, 10);
    expect(result).toMatchObject({ scoredCount: 3, applicableCount: 5, completeness: 0.6 });
  });

  describe('the 60 % gate', () => {
    const five = testBank(['A', 'B', 'C', 'D', 'E'].map((id) => yesno(id)));

    it('shows 3 of 5 (exactly 60 %)', () => {
      const result = personPillarScore(five, { A: YES, B: YES, C: NO, D: DK }, 'W');
      expect(result.completeness).toBe(0.6);
      expect(result.shown).toBe(true);
    });

    it('hides 2 of 5, keeping the score for staff', () => {
      const result = personPillarScore(five, { A: YES, B: NO, C: DK, D: DK, E: DK }, 'W');
      expect(result.completeness).toBe(0.4);
      expect(result.shown).toBe(false);
      expect(result.score).toBe(50);
    });

    it('compares unrounded: 0.6 passes, 0.5999 does not', () => {
      expect(MIN_COMPLETENESS).toBe(0.6);
      expect(isComplete(0.6)).toBe(true);
      expect(isComplete(3 / 5)).toBe(true);
      expect(isComplete(0.5999)).toBe(false);
      expect(isComplete(5 / 9)).toBe(false);
    });

    it('hides 4 of 7 (57 %) and shows 5 of 8 (62.5 %)', () => {
      const items = (n: number) => Array.from({ length: n }, (_, i) => yesno(`I${i}`));
      const yes = (n: number) => Object.fromEntries(items(n).map((i) => [i.id, YES]));
      expect(personPillarScore(testBank(items(7)), yes(4), 'W').shown).toBe(false);
      expect(personPillarScore(testBank(items(8)), yes(5), 'W').shown).toBe(true);
    });
  });

  it('filters by role: a resident is scored on W items only', () => {
    const bank = testBank([yesno('K1', 'K'), number('K2'), yesno('W1'), yesno('W2')]);
    const answers = { K1: NO, K2: num(0), W1: YES, W2: YES };
    expect(personPillarScore(bank, answers, 'W')).toMatchObject({
      score: 100,
      applicableCount: 2,
    });
    expect(personPillarScore(bank, answers, 'K')).toMatchObject({
      score: 50,
      applicableCount: 4,
    });
  });

  it('counts completeness over the items left after skips', () => {
    const bank = testBank([
      yesno('A'),
      yesno('B', 'W', { skipIf: { item: 'A', equals: 'no' } }),
      yesno('C'),
    ]);
    // B skipped: 2 applicable, both scored.
    expect(personPillarScore(bank, { A: NO, C: YES }, 'W')).toMatchObject({
      score: 50,
      completeness: 1,
      applicableCount: 2,
    });
  });

  it('has no score without answers', () => {
    const bank = testBank([yesno('A'), yesno('B')]);
    expect(personPillarScore(bank, {}, 'W')).toMatchObject({
      score: null,
      completeness: 0,
      shown: false,
    });
    expect(personPillarScore(testBank([yesno('K1', 'K')]), {}, 'W')).toMatchObject({
      score: null,
      completeness: 0,
      shown: false,
      applicableCount: 0,
    });
  });
});
