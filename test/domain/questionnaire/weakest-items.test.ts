import { describe, expect, it } from 'vitest';
import { personItemScores, weakestItems } from '../../../src/domain/questionnaire/weakest-items.js';
import { DK, NO, testBank, YES, yesno } from './fixtures.js';

const bank = testBank([
  yesno('A', 'W', { weight: 2 }),
  yesno('B'),
  yesno('C'),
  yesno('D', 'W', { weight: 2 }),
  yesno('K1', 'K'),
]);
const ids = (weak: { item: { id: string } }[]) => weak.map((w) => w.item.id);

describe('weakestItems', () => {
  it('orders by weight × (1 − score), ties in bank order', () => {
    const weak = weakestItems(bank, { A: 0.5, B: 0, C: 0.25, D: 0 });
    expect(ids(weak)).toEqual(['D', 'A', 'B']);
    expect(weak.map((w) => w.loss)).toEqual([2, 1, 1]);
  });

  it('leaves out full scores and unscored items, and honours the limit', () => {
    expect(ids(weakestItems(bank, { A: 1, B: null, C: 0.5 }))).toEqual(['C']);
    expect(ids(weakestItems(bank, { A: 0, B: 0, C: 0, D: 0 }, 2))).toEqual(['A', 'D']);
    expect(weakestItems(bank, {})).toEqual([]);
  });

  it('works on a person’s answers', () => {
    const scores = personItemScores(bank, { A: YES, B: NO, C: DK, D: NO, K1: NO }, 'W');
    expect(scores).toEqual({ A: 1, B: 0, D: 0 });
    expect(ids(weakestItems(bank, scores))).toEqual(['D', 'B']);
  });
});
