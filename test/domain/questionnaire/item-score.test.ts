import { describe, expect, it } from 'vitest';
import { itemScore } from '../../../src/domain/questionnaire/item-score.js';
import { choice, DK, NA, NO, num, number, pick, rate, scale, YES, yesno } from './fixtures.js';

describe('itemScore', () => {
  it('scores yes/no: ya 1, tidak 0', () => {
    expect(itemScore(yesno('Y'), YES)).toBe(1);
    expect(itemScore(yesno('Y'), NO)).toBe(0);
  });

  it('scores a choice by its option', () => {
    const item = choice('C', [1, 0.75, 0]);
    expect(itemScore(item, pick('o1'))).toBe(1);
    expect(itemScore(item, pick('o2'))).toBe(0.75);
    expect(itemScore(item, pick('o3'))).toBe(0);
  });

  it('scores a scale (v - 1) / 4', () => {
    const item = scale('S');
    expect([1, 2, 3, 4, 5].map((v) => itemScore(item, rate(v)))).toEqual([0, 0.25, 0.5, 0.75, 1]);
  });

  it('scores a number by its band, edges included', () => {
    const item = number('N');
    expect(itemScore(item, num(0))).toBe(0);
    expect(itemScore(item, num(1))).toBe(0.5);
    expect(itemScore(item, num(9))).toBe(0.5);
    expect(itemScore(item, num(10))).toBe(1);
    expect(itemScore(item, num(100))).toBe(1);
  });

  it('does not score tidak tahu or tidak berlaku', () => {
    expect(itemScore(yesno('Y'), DK)).toBeNull();
    expect(itemScore(number('N'), DK)).toBeNull();
    expect(itemScore(yesno('Y', 'W', { notApplicable: true }), NA)).toBeNull();
  });

  it('does not score answers that do not fit the item', () => {
    expect(itemScore(yesno('Y'), pick('o1'))).toBeNull();
    expect(itemScore(choice('C', [1, 0]), pick('o9'))).toBeNull();
    expect(itemScore(number('N'), num(101))).toBeNull();
    expect(itemScore(number('N'), num(-1))).toBeNull();
    expect(itemScore(number('N'), num(9.5))).toBeNull();
    expect(itemScore(scale('S'), rate(0))).toBeNull();
    expect(itemScore(scale('S'), rate(6))).toBeNull();
    expect(itemScore(scale('S'), num(3))).toBeNull();
  });
});
