import { describe, expect, it } from 'vitest';
import { t } from '../../../src/core/messages.js';
import { answerFits, answerKey, answerOptions } from '../../../src/domain/questionnaire/answers.js';
import { choice, DK, NA, NO, num, number, pick, rate, scale, YES, yesno } from './fixtures.js';

describe('answerOptions', () => {
  it('numbers yes/no as Ya, Tidak, Tidak tahu', () => {
    expect(answerOptions(yesno('Y')).map((o) => [o.value, o.label.key])).toEqual([
      ['yes', 'questionnaire:answer.yes'],
      ['no', 'questionnaire:answer.no'],
      ['dont_know', 'questionnaire:answer.dont_know'],
    ]);
  });

  it('puts tidak berlaku, with its own wording, before tidak tahu', () => {
    const item = yesno('L3', 'W', { notApplicable: true, notApplicableLabel: t('test:no_kids') });
    expect(answerOptions(item).map((o) => [o.value, o.label.key])).toEqual([
      ['yes', 'questionnaire:answer.yes'],
      ['no', 'questionnaire:answer.no'],
      ['not_applicable', 'test:no_kids'],
      ['dont_know', 'questionnaire:answer.dont_know'],
    ]);
    expect(answerOptions(yesno('Y', 'W', { notApplicable: true }))[2]?.label.key).toBe(
      'questionnaire:answer.not_applicable',
    );
  });

  it('makes option n of a scale the value n', () => {
    const options = answerOptions(scale('S'));
    expect(options.map((o) => o.answer)).toEqual([rate(1), rate(2), rate(3), rate(4), rate(5), DK]);
  });

  it('lists choices by value, and only tidak tahu beside a typed number', () => {
    expect(answerOptions(choice('C', [1, 0])).map((o) => o.value)).toEqual([
      'o1',
      'o2',
      'dont_know',
    ]);
    expect(answerOptions(number('N')).map((o) => o.answer)).toEqual([DK]);
  });
});

describe('answerKey and answerFits', () => {
  it('gives each answer its comparable key', () => {
    expect([YES, NO, pick('o1'), num(7), rate(3), DK, NA].map(answerKey)).toEqual([
      'yes',
      'no',
      'o1',
      7,
      3,
      'dont_know',
      'not_applicable',
    ]);
  });

  it('accepts tidak berlaku only where the item allows it', () => {
    expect(answerFits(yesno('Y'), NA)).toBe(false);
    expect(answerFits(yesno('Y', 'W', { notApplicable: true }), NA)).toBe(true);
    expect(answerFits(number('N'), DK)).toBe(true);
    expect(answerFits(number('N'), num(50))).toBe(true);
    expect(answerFits(number('N'), num(500))).toBe(false);
  });
});
