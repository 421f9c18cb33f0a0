import { describe, expect, it } from 'vitest';
import { applicableItems } from '../../../src/domain/questionnaire/applicable.js';
import type { AnswerMap } from '../../../src/domain/questionnaire/types.js';
import { DK, NO, num, number, testBank, YES, yesno } from './fixtures.js';

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe('applicableItems', () => {
  const bank = testBank([yesno('K1', 'K'), yesno('W1'), number('K2'), yesno('W2')]);

  it('asks residents W items and kader K and W items', () => {
    expect(ids(applicableItems(bank, { audience: 'W', answers: {} }))).toEqual(['W1', 'W2']);
    expect(ids(applicableItems(bank, { audience: 'K', answers: {} }))).toEqual([
      'K1',
      'W1',
      'K2',
      'W2',
    ]);
  });

  describe('skip conditions', () => {
    const skipping = testBank([
      yesno('A'),
      yesno('B', 'W', { skipIf: { item: 'A', equals: 'no' } }),
      yesno('C', 'W', { skipIf: { item: 'B', equals: 'yes' } }),
      number('N', 'K'),
      yesno('D', 'K', { skipIf: { item: 'N', equals: 0 } }),
    ]);
    const applicable = (answers: AnswerMap) =>
      ids(applicableItems(skipping, { audience: 'K', answers }));

    it('skip an item when the earlier answer equals the value', () => {
      expect(applicable({ A: NO })).toEqual(['A', 'C', 'N', 'D']);
      expect(applicable({ N: num(0) })).toEqual(['A', 'B', 'C', 'N']);
    });

    it('do not skip on another answer, tidak tahu, or no answer yet', () => {
      expect(applicable({ A: YES, N: num(3) })).toEqual(['A', 'B', 'C', 'N', 'D']);
      expect(applicable({ A: DK })).toEqual(['A', 'B', 'C', 'N', 'D']);
      expect(applicable({})).toEqual(['A', 'B', 'C', 'N', 'D']);
    });

    it('ignore the answer of an item that is itself skipped', () => {
      // B was answered yes, then A changed to no: B is skipped, so its answer cannot skip C.
      expect(applicable({ A: NO, B: YES })).toEqual(['A', 'C', 'N', 'D']);
      expect(applicable({ A: YES, B: YES })).toEqual(['A', 'B', 'N', 'D']);
    });
  });
});
