/**
 * Test banks and answers: small items with weight 1 and texts under a fake `test:` namespace.
 */
import { t } from '../../../src/core/messages.js';
import type {
  Answer,
  Audience,
  Bank,
  ChoiceItem,
  Item,
  NumberItem,
  ScaleItem,
  YesNoItem,
} from '../../../src/domain/questionnaire/types.js';

type Extra = Partial<Omit<YesNoItem, 'type' | 'id'>>;

/** A yes/no item; `extra` overrides weight, skipIf, notApplicable... */
export function yesno(id: string, audience: Audience = 'W', extra: Extra = {}): YesNoItem {
  return { id, type: 'yesno', audience, weight: 1, prompt: t(`test:${id}`), ...extra };
}

/** A choice item with options `o1`, `o2`, ... scoring `scores`. */
export function choice(id: string, scores: number[], audience: Audience = 'W'): ChoiceItem {
  return {
    id,
    type: 'choice',
    audience,
    weight: 1,
    prompt: t(`test:${id}`),
    options: scores.map((score, i) => ({
      value: `o${i + 1}`,
      label: t(`test:${id}.o${i + 1}`),
      score,
    })),
  };
}

/** A 1-5 scale item. */
export function scale(id: string, audience: Audience = 'W'): ScaleItem {
  return {
    id,
    type: 'scale',
    audience,
    weight: 1,
    prompt: t(`test:${id}`),
    labels: [1, 2, 3, 4, 5].map((n) => t(`test:scale.${n}`)),
  };
}

/** A number item 0..100 (K by default): 0 → 0; 1-9 → 0.5; 10-100 → 1. */
export function number(id: string, audience: Audience = 'K'): NumberItem {
  return {
    id,
    type: 'number',
    audience,
    weight: 1,
    prompt: t(`test:${id}`),
    min: 0,
    max: 100,
    bands: [
      { min: 0, max: 0, score: 0 },
      { min: 1, max: 9, score: 0.5 },
      { min: 10, max: 100, score: 1 },
    ],
  };
}

/** A bank of these items (version 1). */
export function testBank(items: Item[], pillar: Bank['pillar'] = 'tata_kelola'): Bank {
  return { pillar, version: 1, items };
}

/** Answers, short. */
export const YES: Answer = { type: 'yesno', value: true };
export const NO: Answer = { type: 'yesno', value: false };
export const DK: Answer = { type: 'dont_know' };
export const NA: Answer = { type: 'not_applicable' };
export const pick = (value: string): Answer => ({ type: 'choice', value });
export const num = (value: number): Answer => ({ type: 'number', value });
export const rate = (value: number): Answer => ({ type: 'scale', value });
