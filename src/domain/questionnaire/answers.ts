/**
 * Answers and the numbered options that produce them. The flow shows
 * {@link answerOptions} as a choice (a number item also takes a typed number) and saves
 * the option's `answer`; {@link answerFits} guards anything else before it is stored.
 */
import type { Text } from '../../core/messages.js';
import {
  DONT_KNOW_LABEL,
  NO_LABEL,
  NOT_APPLICABLE_LABEL,
  numberAnswerText,
  YES_LABEL,
} from './texts.js';
import { type Answer, type AnswerKey, type Item, SCALE_POINTS } from './types.js';

/** The answer "tidak tahu", accepted by every item. */
export const DONT_KNOW: Answer = { type: 'dont_know' };
/** The answer "tidak berlaku", accepted by items marked `notApplicable`. */
export const NOT_APPLICABLE: Answer = { type: 'not_applicable' };

/** Keys of the two unscored answers; no choice option may use them as its value. */
export const RESERVED_KEYS: readonly string[] = ['dont_know', 'not_applicable'];

/** A numbered option of an item: `value` (the answer's {@link AnswerKey} as text) is unique per item. */
export interface AnswerOption {
  value: string;
  label: Text;
  answer: Answer;
}

/** The comparable form of an answer (see {@link AnswerKey}). */
export function answerKey(answer: Answer): AnswerKey {
  switch (answer.type) {
    case 'yesno':
      return answer.value ? 'yes' : 'no';
    case 'choice':
    case 'number':
    case 'scale':
      return answer.value;
    default:
      return answer.type;
  }
}

/**
 * The options of an item in the order they are numbered: the item's own answers (ya,
 * tidak; the choices; the five scale points, so option n is scale value n; none for a
 * number item, which is typed), then "tidak berlaku" where allowed, then "tidak tahu"
 * last, as in DOMAIN.md ("1 Ya / 2 Tidak / 3 Tidak tahu").
 */
export function answerOptions(item: Item): AnswerOption[] {
  const own = ownOptions(item);
  if (item.notApplicable) {
    own.push(option(NOT_APPLICABLE, item.notApplicableLabel ?? NOT_APPLICABLE_LABEL));
  }
  own.push(option(DONT_KNOW, DONT_KNOW_LABEL));
  return own;
}

function ownOptions(item: Item): AnswerOption[] {
  switch (item.type) {
    case 'yesno':
      return [
        option({ type: 'yesno', value: true }, YES_LABEL),
        option({ type: 'yesno', value: false }, NO_LABEL),
      ];
    case 'choice':
      return item.options.map((o) => option({ type: 'choice', value: o.value }, o.label));
    case 'scale':
      return item.labels.map((label, i) => option({ type: 'scale', value: i + 1 }, label));
    case 'number':
      return [];
  }
}

function option(answer: Answer, label: Text): AnswerOption {
  return { value: String(answerKey(answer)), label, answer };
}

/**
 * True when `answer` is one `item` can take: its type, a known option, a whole number in
 * range, a scale point, "tidak tahu", or "tidak berlaku" where the item allows it.
 */
export function answerFits(item: Item, answer: Answer): boolean {
  switch (answer.type) {
    case 'dont_know':
      return true;
    case 'not_applicable':
      return item.notApplicable === true;
    case 'yesno':
      return item.type === 'yesno';
    case 'choice':
      return item.type === 'choice' && item.options.some((o) => o.value === answer.value);
    case 'number':
      return (
        item.type === 'number' &&
        Number.isInteger(answer.value) &&
        answer.value >= item.min &&
        answer.value <= item.max
      );
    case 'scale':
      return (
        item.type === 'scale' &&
        Number.isInteger(answer.value) &&
        answer.value >= 1 &&
        answer.value <= SCALE_POINTS
      );
  }
}

/**
 * How an answer reads back to the person ("Sebagian", "25"): its option's label, or the
 * typed number. Undefined for an answer the item cannot take.
 */
export function answerLabel(item: Item, answer: Answer): Text | undefined {
  if (!answerFits(item, answer)) return undefined;
  if (answer.type === 'number') return numberAnswerText(answer.value);
  const key = answerKey(answer);
  return answerOptions(item).find((o) => answerKey(o.answer) === key)?.label;
}

/** Reads an answer stored as JSON; undefined when the value is not an {@link Answer}. */
export function parseAnswer(value: unknown): Answer | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { type, value: inner } = value as { type?: unknown; value?: unknown };
  switch (type) {
    case 'dont_know':
    case 'not_applicable':
      return { type };
    case 'yesno':
      return typeof inner === 'boolean' ? { type, value: inner } : undefined;
    case 'choice':
      return typeof inner === 'string' ? { type, value: inner } : undefined;
    case 'number':
    case 'scale':
      return typeof inner === 'number' && Number.isFinite(inner)
        ? { type, value: inner }
        : undefined;
    default:
      return undefined;
  }
}
