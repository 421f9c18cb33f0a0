/** Amounts with units, as people type them: "1 jam 30 menit", "setengah jam", "2,5 km", "50rb". */
import { normalize, parseNumberWords, replaceKeycaps, splitPrefixedWord } from './parse.js';

/** The unit a number question counts in; answers in other units of its kind are converted. */
export type NumberUnit = 'minutes' | 'meters' | 'rupiah';

/** Words of each unit, as a factor of the question's unit. */
const UNIT_WORDS: Record<NumberUnit, Record<string, number>> = {
  minutes: {
    menit: 1,
    mnt: 1,
    min: 1,
    mins: 1,
    minute: 1,
    minutes: 1,
    jam: 60,
    j: 60,
    hour: 60,
    hours: 60,
    hr: 60,
    hrs: 60,
  },
  meters: {
    m: 1,
    meter: 1,
    meters: 1,
    metre: 1,
    metres: 1,
    mtr: 1,
    km: 1000,
    kilometer: 1000,
    kilometers: 1000,
    kilo: 1000,
  },
  rupiah: {
    rupiah: 1,
    rp: 1,
    ribu: 1000,
    rb: 1000,
    rebu: 1000,
    k: 1000,
    thousand: 1000,
    juta: 1_000_000,
    jt: 1_000_000,
    million: 1_000_000,
  },
};

/** Words around an amount that change nothing: "sekitar 1 jam", "about half an hour". */
const AMOUNT_FILLERS = new Set([
  'sekitar',
  'kira',
  'kurang',
  'lebih',
  'lbh',
  'kurleb',
  'cuma',
  'hanya',
  'an',
  'a',
  'about',
  'around',
  'approximately',
  'approx',
  'roughly',
  'only',
]);

/** One amount before a unit: "15", "1,5", "1.5", "setengah", "satu setengah", "dua puluh". */
function parseAmount(words: string[]): number | undefined {
  if (words.length === 0) return undefined;
  const half = words.at(-1) === 'setengah' || words.at(-1) === 'half';
  const quarter = words.at(-1) === 'seperempat' || words.at(-1) === 'quarter';
  const fraction = half ? 0.5 : quarter ? 0.25 : 0;
  const whole = fraction > 0 ? words.slice(0, -1) : words;
  if (whole.length === 0) return fraction > 0 ? fraction : undefined;
  const joined = whole.join(' ');
  let value: number | undefined;
  if (/^\d{1,3}(\.\d{3})+$/.test(joined)) value = Number(joined.replace(/\./g, ''));
  else if (/^\d+([.,]\d+)?$/.test(joined)) value = Number(joined.replace(',', '.'));
  else value = parseNumberWords(joined);
  return value === undefined ? undefined : value + fraction;
}

/**
 * Reads an amount in `unit`, converting the units people say: "15", "15 menit", "1 jam",
 * "setengah jam", "1,5 jam", "1 jam 30 menit", "2jam"; "500 m", "2 km", "1,5 km"; "50rb",
 * "Rp 50.000", "1,5 juta", "2 jt". A bare number is in `unit`. Returns undefined for
 * anything it cannot read for sure (an unknown word, a part without its unit after
 * another, a result that is not a whole number), so the question is asked again.
 */
export function parseQuantity(input: string, unit: NumberUnit): number | undefined {
  const text = replaceKeycaps(normalize(input))
    .replace(/^rp\.?\s*/u, '')
    .replace(/(\d)(?=\p{L})/gu, '$1 ')
    .replace(/(\p{L})(?=\d)/gu, '$1 ')
    .replace(/-/g, ' ');
  const words = text
    .split(/\s+/u)
    .flatMap((w) => (w === 'sejam' ? ['satu', 'jam'] : splitPrefixedWord(w)))
    .filter((w) => w.length > 0 && !AMOUNT_FILLERS.has(w));
  const factors = UNIT_WORDS[unit];
  let total = 0;
  let groups = 0;
  let pending: string[] = [];
  for (const word of words) {
    const factor = factors[word];
    if (factor === undefined) {
      pending.push(word);
      continue;
    }
    const amount = parseAmount(pending);
    if (amount === undefined) return undefined;
    total += amount * factor;
    groups += 1;
    pending = [];
  }
  if (pending.length > 0) {
    // A bare number is in the question's unit; a number after a part with its unit is unsure.
    if (groups > 0) return undefined;
    const amount = parseAmount(pending);
    if (amount === undefined) return undefined;
    total = amount;
  }
  if (groups === 0 && pending.length === 0) return undefined;
  const rounded = Math.round(total);
  return Math.abs(total - rounded) < 1e-9 && rounded >= 0 ? rounded : undefined;
}
