import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/messages.js';
import type { Bank, Item } from '../../../src/domain/questionnaire/types.js';
import {
  MAX_OPTIONS,
  validateBank,
  validateBanks,
} from '../../../src/domain/questionnaire/validate.js';
import { choice, number, scale, testBank, yesno } from './fixtures.js';

/** The single problem a bank of these items has. */
function problemOf(items: Item[]): string {
  const problems = validateBank(testBank(items));
  expect(problems).toHaveLength(1);
  return problems[0] as string;
}

describe('validateBank', () => {
  it('accepts a sound bank', () => {
    const bank = testBank([
      yesno('A', 'K', { notApplicable: true, notApplicableLabel: t('test:na') }),
      choice('B', [1, 0.5, 0]),
      number('C'),
      scale('D'),
      yesno('E', 'W', { skipIf: { item: 'B', equals: 'o3' } }),
      yesno('F', 'K', { skipIf: { item: 'C', equals: 0 } }),
    ]);
    expect(validateBank(bank)).toEqual([]);
  });

  it('catches a repeated item id', () => {
    expect(problemOf([yesno('A'), yesno('A')])).toMatch(/item A: id used twice/);
  });

  it('catches scores outside [0, 1]', () => {
    expect(problemOf([choice('B', [1.5, 0])])).toMatch(/option "o1" score 1.5 is outside \[0, 1\]/);
    expect(problemOf([choice('B', [1, -0.1])])).toMatch(/score -0.1 is outside/);
    const item = number('C');
    item.bands[1] = { min: 1, max: 9, score: 2 };
    expect(problemOf([item])).toMatch(/band 1..9 score 2 is outside/);
  });

  it('catches a gap between bands', () => {
    const item = number('C');
    item.bands[1] = { min: 2, max: 9, score: 0.5 };
    expect(problemOf([item])).toMatch(/gap 1..1 before band 2..9/);
  });

  it('catches overlapping bands', () => {
    const item = number('C');
    item.bands[2] = { min: 9, max: 100, score: 1 };
    expect(problemOf([item])).toMatch(/band 9..100 overlaps/);
  });

  it('catches bands that do not reach the ends of the range', () => {
    const short = number('C');
    short.max = 200;
    expect(problemOf([short])).toMatch(/bands end at 100, the range at 200/);
    const late = number('C');
    late.min = -5;
    expect(problemOf([late])).toMatch(/gap -5..-1 before band 0..0/);
  });

  it('catches skip conditions that do not name an earlier item', () => {
    expect(
      problemOf([yesno('A', 'W', { skipIf: { item: 'B', equals: 'no' } }), yesno('B')]),
    ).toMatch(/item A: skipIf names "B", which is not an earlier item/);
    expect(problemOf([yesno('A', 'W', { skipIf: { item: 'A', equals: 'no' } })])).toMatch(
      /not an earlier item/,
    );
    expect(problemOf([yesno('A', 'W', { skipIf: { item: 'Z', equals: 'no' } })])).toMatch(
      /not an earlier item/,
    );
  });

  it('catches a skip condition on another audience or an impossible value', () => {
    expect(
      problemOf([yesno('K1', 'K'), yesno('W1', 'W', { skipIf: { item: 'K1', equals: 'no' } })]),
    ).toMatch(/skipIf names K1 of audience K, not W/);
    expect(
      problemOf([yesno('A'), yesno('B', 'W', { skipIf: { item: 'A', equals: 'tidak' } })]),
    ).toMatch(/skipIf A can never equal tidak/);
    expect(
      problemOf([scale('S'), yesno('B', 'W', { skipIf: { item: 'S', equals: '3' } })]),
    ).toMatch(/can never equal 3/);
    expect(
      problemOf([number('N'), yesno('B', 'K', { skipIf: { item: 'N', equals: 101 } })]),
    ).toMatch(/can never equal 101/);
    expect(
      problemOf([yesno('A'), yesno('B', 'W', { skipIf: { item: 'A', equals: 'not_applicable' } })]),
    ).toMatch(/can never equal not_applicable/);
  });

  it('catches weights that are not positive', () => {
    expect(problemOf([yesno('A', 'W', { weight: 0 })])).toMatch(/weight must be positive/);
    expect(problemOf([yesno('A', 'W', { weight: -1 })])).toMatch(/weight must be positive/);
  });

  it('catches more than 9 options, tidak tahu and tidak berlaku included', () => {
    expect(MAX_OPTIONS).toBe(9);
    expect(validateBank(testBank([choice('B', [1, 1, 1, 1, 1, 1, 1, 0])]))).toEqual([]);
    expect(problemOf([choice('B', [1, 1, 1, 1, 1, 1, 1, 1, 0])])).toMatch(/10 options, at most 9/);
    const withNa: Item = { ...choice('B', [1, 1, 1, 1, 1, 1, 1, 0]), notApplicable: true };
    expect(problemOf([withNa])).toMatch(/10 options, at most 9/);
  });

  it('catches an unknown audience', () => {
    const item = { ...yesno('A'), audience: 'X' } as unknown as Item;
    expect(problemOf([item])).toMatch(/audience must be K or W/);
  });

  it('catches a scale without five labels', () => {
    const item = scale('S');
    item.labels = item.labels.slice(0, 4);
    expect(problemOf([item])).toMatch(/a scale needs 5 labels, has 4/);
  });

  it('catches option values that are repeated or reserved', () => {
    const repeated = choice('B', [1, 0]);
    repeated.options[1] = { ...repeated.options[1], value: 'o1' } as (typeof repeated.options)[1];
    expect(problemOf([repeated])).toMatch(/option value "o1" used twice/);
    const reserved = choice('B', [1, 0]);
    reserved.options[1] = { value: 'dont_know', label: t('test:x'), score: 0 };
    expect(problemOf([reserved])).toMatch(/option value "dont_know" is reserved/);
  });

  it('catches a tidak berlaku label without tidak berlaku', () => {
    expect(problemOf([yesno('A', 'W', { notApplicableLabel: t('test:na') })])).toMatch(
      /notApplicableLabel without notApplicable/,
    );
  });

  it('catches a bad version and an empty bank', () => {
    expect(validateBank({ ...testBank([yesno('A')]), version: 0 })).toEqual([
      'bank tata_kelola: version must be a whole number from 1',
    ]);
    expect(validateBank(testBank([]))).toEqual(['bank tata_kelola: has no items']);
  });
});

describe('validateBanks', () => {
  const six = (): Bank[] =>
    (['tata_kelola', 'masyarakat', 'lingkungan', 'hidup', 'ekonomi', 'mobilitas'] as const).map(
      (pillar, i) => testBank([yesno(`X${i}`)], pillar),
    );

  it('accepts one bank per pillar in the canonical order', () => {
    expect(validateBanks(six())).toEqual([]);
  });

  it('catches a missing or misplaced pillar', () => {
    const banks = six();
    expect(validateBanks([...banks].reverse())).toEqual([
      expect.stringMatching(/^banks must be tata_kelola, masyarakat, .* found mobilitas, ekonomi/),
    ]);
    expect(validateBanks(banks.slice(1))).toHaveLength(1);
  });

  it('catches an item id used in two banks, and problems inside a bank', () => {
    const banks = six();
    banks[1] = testBank([yesno('X0'), yesno('B', 'W', { weight: 0 })], 'masyarakat');
    expect(validateBanks(banks)).toEqual([
      'bank masyarakat item B: weight must be positive',
      'item X0 is in both tata_kelola and masyarakat',
    ]);
  });
});
