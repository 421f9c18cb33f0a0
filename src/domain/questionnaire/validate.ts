/**
 * Checks of question banks, run at start-up: the bot refuses to start on a bank that
 * could mis-score or could not be asked.
 */
import type { Text } from '../../core/messages.js';
import { answerFits, answerKey, answerOptions, RESERVED_KEYS } from './answers.js';
import { SHARED_KEYS } from './texts.js';
import {
  AUDIENCES,
  type Bank,
  type ChoiceItem,
  type Item,
  type NumberItem,
  PILLAR_IDS,
  SCALE_POINTS,
  type SkipCondition,
} from './types.js';

/** Most numbered options an item may show, "tidak tahu" and "tidak berlaku" included: one digit each. */
export const MAX_OPTIONS = 9;

/**
 * Problems of one bank, each a sentence naming the pillar and item; empty when sound.
 * Checks: a known pillar, a positive whole version, items present, unique item ids,
 * audience K or W, positive weights, option values unique and not reserved, every score
 * in [0, 1], exactly five scale labels, number bands covering min..max in order without
 * gaps or overlaps, at most {@link MAX_OPTIONS} options, and skip conditions naming an
 * earlier item of the same audience with a value that item can take.
 */
export function validateBank(bank: Bank): string[] {
  const problems: string[] = [];
  const where = `bank ${bank.pillar}`;
  if (!(PILLAR_IDS as readonly string[]).includes(bank.pillar)) {
    problems.push(`${where}: unknown pillar`);
  }
  if (!Number.isInteger(bank.version) || bank.version < 1) {
    problems.push(`${where}: version must be a whole number from 1`);
  }
  if (bank.items.length === 0) problems.push(`${where}: has no items`);
  const earlier = new Map<string, Item>();
  for (const item of bank.items) {
    const at = `${where} item ${item.id}`;
    if (earlier.has(item.id)) problems.push(`${at}: id used twice`);
    problems.push(...checkItem(item).map((p) => `${at}: ${p}`));
    if (item.skipIf) {
      problems.push(...checkSkip(item, item.skipIf, earlier).map((p) => `${at}: ${p}`));
    }
    earlier.set(item.id, item);
  }
  return problems;
}

/**
 * {@link validateBank} for every bank, plus: one bank per pillar, in the canonical order,
 * and item ids unique over all banks (exports and answers name items by id alone).
 */
export function validateBanks(banks: readonly Bank[]): string[] {
  const problems = banks.flatMap(validateBank);
  const order = banks.map((b) => b.pillar).join(', ');
  if (order !== PILLAR_IDS.join(', ')) {
    problems.push(`banks must be ${PILLAR_IDS.join(', ')} in this order, found ${order}`);
  }
  const owner = new Map<string, string>();
  for (const bank of banks) {
    for (const item of bank.items) {
      const other = owner.get(item.id);
      if (other && other !== bank.pillar) {
        problems.push(`item ${item.id} is in both ${other} and ${bank.pillar}`);
      }
      owner.set(item.id, bank.pillar);
    }
  }
  return problems;
}

/** Every text key a bank uses, plus the shared ones, for the start-up check against every language. */
export function bankTextKeys(bank: Bank): string[] {
  const texts: Text[] = bank.items.flatMap((item) => [
    item.prompt,
    ...answerOptions(item).map((o) => o.label),
  ]);
  return [...new Set([...SHARED_KEYS, ...texts.map((text) => text.key)])];
}

function checkItem(item: Item): string[] {
  const problems: string[] = [];
  if (!item.id) problems.push('empty id');
  if (!AUDIENCES.includes(item.audience)) problems.push('audience must be K or W');
  if (!(Number.isFinite(item.weight) && item.weight > 0)) problems.push('weight must be positive');
  if (item.notApplicableLabel && !item.notApplicable) {
    problems.push('notApplicableLabel without notApplicable');
  }
  if (item.type === 'choice') problems.push(...checkChoice(item));
  if (item.type === 'number') problems.push(...checkBands(item));
  if (item.type === 'scale' && item.labels.length !== SCALE_POINTS) {
    problems.push(`a scale needs ${SCALE_POINTS} labels, has ${item.labels.length}`);
  }
  const count = answerOptions(item).length;
  if (count > MAX_OPTIONS) problems.push(`${count} options, at most ${MAX_OPTIONS}`);
  return problems;
}

function checkChoice(item: ChoiceItem): string[] {
  const problems: string[] = [];
  if (item.options.length < 2) problems.push('a choice needs at least 2 options');
  const values = new Set<string>();
  for (const option of item.options) {
    if (!option.value) problems.push('option with an empty value');
    if (values.has(option.value)) problems.push(`option value "${option.value}" used twice`);
    if (RESERVED_KEYS.includes(option.value)) {
      problems.push(`option value "${option.value}" is reserved`);
    }
    if (!isUnitScore(option.score)) {
      problems.push(`option "${option.value}" score ${option.score} is outside [0, 1]`);
    }
    values.add(option.value);
  }
  return problems;
}

function checkBands(item: NumberItem): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(item.min) || !Number.isInteger(item.max) || item.min > item.max) {
    return [`range ${item.min}..${item.max} must be whole numbers, min ≤ max`];
  }
  if (item.bands.length === 0) return ['a number needs bands'];
  let expected = item.min;
  for (const b of item.bands) {
    const name = `band ${b.min}..${b.max}`;
    if (!Number.isInteger(b.min) || !Number.isInteger(b.max) || b.min > b.max) {
      problems.push(`${name} must be whole numbers, min ≤ max`);
    }
    if (b.min > expected) problems.push(`gap ${expected}..${b.min - 1} before ${name}`);
    if (b.min < expected) problems.push(`${name} overlaps the band before or starts below min`);
    if (!isUnitScore(b.score)) problems.push(`${name} score ${b.score} is outside [0, 1]`);
    expected = b.max + 1;
  }
  if (expected - 1 !== item.max) {
    problems.push(`bands end at ${expected - 1}, the range at ${item.max}`);
  }
  return problems;
}

function checkSkip(item: Item, skip: SkipCondition, earlier: Map<string, Item>): string[] {
  const target = earlier.get(skip.item);
  if (!target) return [`skipIf names "${skip.item}", which is not an earlier item`];
  if (target.audience !== item.audience) {
    return [`skipIf names ${skip.item} of audience ${target.audience}, not ${item.audience}`];
  }
  const offered = answerOptions(target).some((o) => answerKey(o.answer) === skip.equals);
  const typed =
    target.type === 'number' &&
    typeof skip.equals === 'number' &&
    answerFits(target, { type: 'number', value: skip.equals });
  if (!offered && !typed) return [`skipIf ${skip.item} can never equal ${String(skip.equals)}`];
  return [];
}

function isUnitScore(score: number): boolean {
  return Number.isFinite(score) && score >= 0 && score <= 1;
}
