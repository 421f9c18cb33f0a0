import { describe, expect, it } from 'vitest';
import {
  answerLabel,
  NOT_APPLICABLE,
  parseAnswer,
} from '../../../src/domain/questionnaire/answers.js';
import {
  itemBefore,
  itemPosition,
  pillarProgress,
} from '../../../src/domain/questionnaire/progress.js';
import type { Item } from '../../../src/domain/questionnaire/types.js';
import {
  choice,
  DK,
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

// W1, K1, W2 (skipped when W1 is no), W3.
const bank = testBank([
  yesno('W1'),
  yesno('K1', 'K'),
  yesno('W2', 'W', { skipIf: { item: 'W1', equals: 'no' } }),
  yesno('W3'),
]);
const ids = (items: (Item | undefined)[]) => items.map((item) => item?.id);

describe('pillarProgress', () => {
  it('counts applicable items answered, tidak tahu included, and names the next one', () => {
    expect(pillarProgress(bank, {}, 'W')).toMatchObject({ answered: 0, total: 3 });
    expect(pillarProgress(bank, {}, 'W').next?.id).toBe('W1');
    const some = pillarProgress(bank, { W1: YES, W2: DK }, 'W');
    expect(some).toMatchObject({ answered: 2, total: 3 });
    expect(some.next?.id).toBe('W3');
  });

  it('follows role and skips', () => {
    expect(pillarProgress(bank, {}, 'K')).toMatchObject({ answered: 0, total: 4 });
    const skipped = pillarProgress(bank, { W1: NO }, 'W');
    expect(skipped).toMatchObject({ answered: 1, total: 2 });
    expect(skipped.next?.id).toBe('W3');
    const done = pillarProgress(bank, { W1: NO, W3: YES, W2: YES }, 'W');
    expect(done).toEqual({ answered: 2, total: 2, next: undefined });
  });
});

describe('itemPosition and itemBefore', () => {
  it('number an item among those that apply', () => {
    expect(itemPosition(bank, {}, 'K', 'W2')).toEqual({ number: 3, total: 4 });
    expect(itemPosition(bank, { W1: NO }, 'W', 'W3')).toEqual({ number: 2, total: 2 });
  });

  it('find the applicable item before, jumping skipped and other-role items', () => {
    expect(ids([itemBefore(bank, {}, 'W', 'W1')])).toEqual([undefined]);
    expect(itemBefore(bank, {}, 'W', 'W2')?.id).toBe('W1');
    expect(itemBefore(bank, {}, 'K', 'W2')?.id).toBe('K1');
    expect(itemBefore(bank, { W1: NO }, 'W', 'W3')?.id).toBe('W1');
    expect(itemBefore(bank, { W1: NO }, 'W', 'W2')?.id).toBe('W1');
    expect(itemBefore(bank, {}, 'W', 'gone')?.id).toBe('W3');
  });
});

describe('answerLabel', () => {
  it('reads an answer back as its option label, or the typed number', () => {
    const c = choice('C', [1, 0]);
    expect(answerLabel(yesno('Y'), YES)?.key).toBe('questionnaire:answer.yes');
    expect(answerLabel(c, pick('o2'))?.key).toBe('test:C.o2');
    expect(answerLabel(c, DK)?.key).toBe('questionnaire:answer.dont_know');
    expect(answerLabel(scale('S'), rate(4))?.key).toBe('test:scale.4');
    expect(answerLabel(number('N'), num(7))).toEqual({
      key: 'questionnaire:answer.number',
      params: { value: 7 },
    });
  });

  it('gives nothing for an answer the item cannot take', () => {
    expect(answerLabel(yesno('Y'), pick('o1'))).toBeUndefined();
    expect(answerLabel(yesno('Y'), NOT_APPLICABLE)).toBeUndefined();
  });
});

describe('parseAnswer', () => {
  it('reads stored answers and refuses anything else', () => {
    for (const answer of [YES, pick('some'), num(0), rate(5), DK, NOT_APPLICABLE]) {
      expect(parseAnswer(JSON.parse(JSON.stringify(answer)))).toEqual(answer);
    }
    for (const bad of [null, 'yes', { type: 'yesno', value: 'ya' }, { type: 'number' }, {}]) {
      expect(parseAnswer(bad)).toBeUndefined();
    }
  });
});
