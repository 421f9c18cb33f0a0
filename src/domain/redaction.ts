/**
 * Removing a person from free text they or others typed (a report's description, landmark,
 * a staff note) when they delete their data: their name as they gave it, and phone
 * numbers in the forms Indonesians write them (+62 812-3456-7890, 62812..., 0812 3456 7890,
 * (022) 7654321). What is removed becomes {@link REDACTED}.
 */
import { nationalDigits } from '../core/phone.js';

/** What stands where personal data was removed; the same in every language. */
export const REDACTED = '[…]';

/** Characters people put between the digits of a phone number. */
const SEP = String.raw`[\s.\-()]*`;
/** An opening bracket before an area code: "(022) 7654321". */
const OPEN = String.raw`(?:\(\s*)?`;
/** Not inside a word or a longer number. */
const BEFORE = String.raw`(?<![\p{L}\p{N}+])`;
const AFTER = String.raw`(?![\p{L}\p{N}])`;

/**
 * An Indonesian phone number: +62, 62 or 0, then a digit other than 0 (the area code or
 * 8 of a mobile) and 6 to 11 more digits, with spaces, dots, dashes or brackets between.
 * "Rp 620.000" is no number (a 0 after 62), nor a ticket or a date.
 */
const ANY_PHONE = new RegExp(
  `${BEFORE}${OPEN}(?:\\+${SEP}62|62|0)${SEP}[1-9](?:${SEP}\\d){6,11}${AFTER}`,
  'gu',
);

/** Words of a name that say nothing about the person ("Pak Budi": only "Budi"). */
const TITLES = new Set([
  'pak',
  'bapak',
  'bu',
  'ibu',
  'mas',
  'mbak',
  'bang',
  'kak',
  'dik',
  'adik',
  'haji',
  'hajah',
  'hj',
  'mr',
  'mrs',
  'ms',
]);
/** Shortest part of a name removed on its own, in letters. */
const NAME_PART_MIN_LETTERS = 3;

/** What to look for in a text. */
export interface PersonalTraces {
  /** Names as the person gave them (display name; an assisted report's resident name). */
  names: string[];
  /** Their phone numbers as stored (E.164 or as typed). */
  phones: string[];
  /** Remove every phone number, not only theirs (a text that is all about them). */
  anyPhone: boolean;
  /** Remove each part of a name on its own too ("Budi" of "Budi Santoso"); default true. */
  nameParts?: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The Indonesian phone numbers written in `text`, as national digits. */
export function phonesIn(text: string): string[] {
  return [...text.matchAll(ANY_PHONE)].map((match) => nationalDigits(match[0]));
}

function phonePattern(phone: string): RegExp | undefined {
  const digits = nationalDigits(phone);
  if (digits.length < 7) return undefined;
  const body = [...digits].join(SEP);
  return new RegExp(`${BEFORE}${OPEN}(?:\\+${SEP}62${SEP}|62${SEP}|0${SEP})?${body}${AFTER}`, 'gu');
}

function wordPattern(pattern: string): RegExp {
  return new RegExp(`${BEFORE}${pattern}${AFTER}`, 'giu');
}

/** A whole name, its words in order with any spaces between. */
function wholeName(name: string): RegExp | undefined {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  return words.length > 0 ? wordPattern(words.map(escapeRegExp).join(String.raw`\s+`)) : undefined;
}

/** The words of a name of several that name someone on their own (not "Pak", not "Al"). */
function nameParts(name: string): RegExp[] {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length < 2) return [];
  return words
    .filter(
      (word) =>
        [...word].filter((c) => /\p{L}/u.test(c)).length >= NAME_PART_MIN_LETTERS &&
        !TITLES.has(word.toLowerCase()),
    )
    .map((word) => wordPattern(escapeRegExp(word)));
}

/**
 * `text` with the person's names and phone numbers replaced by {@link REDACTED}: phone
 * numbers first, then whole names ("Bu Siti" as one), then parts of names.
 */
export function redactPersonal(text: string, traces: PersonalTraces): string {
  const patterns = [
    ...traces.phones.flatMap((phone) => phonePattern(phone) ?? []),
    ...(traces.anyPhone ? [ANY_PHONE] : []),
    ...traces.names.flatMap((name) => wholeName(name) ?? []),
    ...(traces.nameParts === false ? [] : traces.names.flatMap(nameParts)),
  ];
  return patterns.reduce((current, pattern) => current.replace(pattern, REDACTED), text);
}

/** True when `text` holds any of the traces (something {@link redactPersonal} would remove). */
export function holdsPersonal(text: string, traces: PersonalTraces): boolean {
  return redactPersonal(text, traces) !== text;
}
