/**
 * Tolerant readers of what people type. Each returns undefined when it cannot read
 * the input; the engine then re-asks. Nothing here throws on user input.
 */

/** Lower-case, trimmed, inner whitespace collapsed, trailing punctuation dropped. */
export function normalize(input: string): string {
  return input
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.!?,;:]+$/u, '')
    .trim();
}

const DIGIT_WORDS: Record<string, number> = {
  nol: 0,
  kosong: 0,
  satu: 1,
  dua: 2,
  tiga: 3,
  empat: 4,
  lima: 5,
  enam: 6,
  tujuh: 7,
  delapan: 8,
  sembilan: 9,
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

const SMALL_MULTIPLIERS: Record<string, number> = {
  belas: 10,
  puluh: 10,
  ratus: 100,
  hundred: 100,
};
const LARGE_MULTIPLIERS: Record<string, number> = {
  ribu: 1_000,
  thousand: 1_000,
  juta: 1_000_000,
  million: 1_000_000,
};

/** Keycap emoji 0️⃣..9️⃣ and 🔟 to digits. */
export function replaceKeycaps(input: string): string {
  return input.replace(/([0-9])\uFE0F?\u20E3/gu, '$1').replace(/\u{1F51F}/gu, '10');
}

/**
 * Reads a whole number: "15", "15 menit", "1.000", "-3", "lima belas", "seratus dua puluh",
 * "twenty five". Returns undefined for anything else, including decimals.
 */
export function parseNumber(input: string): number | undefined {
  const text = replaceKeycaps(normalize(input));
  const digits = /^(-?\d{1,3}(?:\.\d{3})+|-?\d+)(?:\s+[\p{L}%]+)*$/u.exec(text);
  if (digits?.[1]) return Number.parseInt(digits[1].replace(/\./g, ''), 10);
  return parseNumberWords(text);
}

export function parseNumberWords(text: string): number | undefined {
  const words = text
    .replace(/-/g, ' ')
    .split(' ')
    .flatMap(splitPrefixedWord)
    .filter((w) => w !== 'and' && w !== 'dan');
  let total = 0;
  let current = 0;
  let seen = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word in DIGIT_WORDS) {
      const value = DIGIT_WORDS[word] ?? 0;
      // A digit word only fills an empty place ("dua puluh lima"): "dua lima" is not 7.
      if (current % (value >= 10 ? 100 : 10) !== 0) return undefined;
      current += value;
      seen = true;
    } else if (word === 'belas') {
      if (!seen) return undefined;
      current += 10;
    } else if (word in SMALL_MULTIPLIERS) {
      if (!seen) return undefined;
      const units = current % 100;
      current = current - units + units * (SMALL_MULTIPLIERS[word] ?? 1);
    } else if (word in LARGE_MULTIPLIERS) {
      if (!seen) return undefined;
      total += current * (LARGE_MULTIPLIERS[word] ?? 1);
      current = 0;
    } else if (seen && i > 0) {
      // A unit after the number ("lima belas menit"): stop reading.
      break;
    } else {
      return undefined;
    }
  }
  return seen ? total + current : undefined;
}

/** "sebelas", "seratus", "seribu", "sepuluh" → "se" + multiplier; "sebelas" is 11. */
export function splitPrefixedWord(word: string): string[] {
  if (word === 'sebelas') return ['satu', 'belas'];
  const match = /^se(puluh|ratus|ribu|juta)$/.exec(word);
  return match?.[1] ? ['satu', match[1]] : [word];
}

const YES = new Set([
  'ya',
  'iya',
  'iyaa',
  'y',
  'yes',
  'yup',
  'ok',
  'oke',
  'okay',
  'okey',
  'benar',
  'betul',
  'bener',
  'boleh',
  'setuju',
  'sip',
  'siap',
  'yoi',
  'nggih',
  'enggih',
  'muhun',
  'sudah',
  'udah',
  'sdh',
  'dah',
  'yap',
  'yep',
  'yeah',
  'sure',
  'agree',
]);
const NO = new Set([
  'tidak',
  'tdk',
  'tak',
  'gak',
  'ga',
  'gk',
  'nggak',
  'ngga',
  'enggak',
  'engga',
  'ndak',
  'nda',
  'no',
  'n',
  'nope',
  'bukan',
  'jangan',
  'belum',
  'blm',
  'jgn',
  'disagree',
  'mboten',
  'henteu',
]);

/** Reads ya/tidak in Indonesian, English and a few regional forms; "1" is yes and "2" no. */
export function parseYesNo(input: string): boolean | undefined {
  const text = replaceKeycaps(normalize(input));
  if (UNSURE.test(text)) return undefined;
  if (text === '1') return true;
  if (text === '2') return false;
  const first = text.split(/[^\p{L}\p{N}]+/u)[0] ?? '';
  if (YES.has(text) || (YES.has(first) && !NO.has(text))) return true;
  if (NO.has(text) || NO.has(first)) return false;
  return undefined;
}

/**
 * A clear yes, for a confirmation that cannot be undone (/hapusdata): the whole message is
 * one of a few unmistakable forms ("ya", "iya", "yes", "ya hapus", "setuju"), never "ok" or
 * the first word of a longer sentence.
 */
export function isClearYes(input: string): boolean {
  const text = foldWords(input).join(' ');
  return CLEAR_YES.has(text);
}

const CLEAR_YES = new Set([
  'ya',
  'iya',
  'yes',
  'ya hapus',
  'iya hapus',
  'yes delete',
  'ya yakin',
  'yakin',
  'setuju',
  'ya setuju',
]);

/** True for typed doubt: "tidak tahu", "gak tau", "entah", "ragu", "don't know", "not sure". */
export function isUnsure(input: string): boolean {
  return UNSURE.test(replaceKeycaps(normalize(input)));
}

/** "tidak tahu", "gak tau", "ya tidak", "don't know": neither yes nor no. */
const UNSURE =
  /^((tidak|tdk|gak|ga|nggak|ngga|enggak|belum) (tahu|tau)|entah|ragu|mungkin|don'?t know|not sure|maybe|ya tidak|yes no)\b/u;

const ORDINAL_WORDS = [
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
];
const ORDINAL_WORDS_EN = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/** Reads an option number: "1", "1.", "1)", "(1)", "#1", "1️⃣", "satu", "nomor 1", "no. 1". */
export function parseOptionNumber(input: string): number | undefined {
  const text = replaceKeycaps(normalize(input))
    .replace(/^(nomor|nomer|no\.?|pilihan|pilih|option|number)\s*/u, '')
    .replace(/^[#(]/u, '')
    .replace(/[.)]$/u, '')
    .trim();
  if (/^\d{1,2}$/.test(text)) return Number.parseInt(text, 10);
  const indonesian = ORDINAL_WORDS.indexOf(text);
  if (indonesian >= 0) return indonesian + 1;
  const english = ORDINAL_WORDS_EN.indexOf(text);
  return english >= 0 ? english + 1 : undefined;
}

/** Folds a label for matching: lower-case, letters and digits only. */
export function foldLabel(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Levenshtein distance, stopping early once it exceeds `max`. */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** Typos forgiven when matching a label of this many letters. */
export function allowedTypos(length: number): number {
  if (length >= 9) return 2;
  if (length >= 4) return 1;
  return 0;
}

/**
 * Finds the label the person typed: exact (folded) match first, then a unique match
 * within the allowed typos. Returns the index into `labels`, or undefined.
 */
export function matchLabel(input: string, labels: string[]): number | undefined {
  const typed = foldLabel(input);
  if (typed.length === 0) return undefined;
  const folded = labels.map(foldLabel);
  const exact = folded.indexOf(typed);
  if (exact >= 0) return exact;
  let best: number | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  folded.forEach((label, index) => {
    const distance = editDistance(typed, label, allowedTypos(label.length));
    if (distance > allowedTypos(label.length)) return;
    if (distance < bestDistance) {
      best = index;
      bestDistance = distance;
      tie = false;
    } else if (distance === bestDistance) {
      tie = true;
    }
  });
  return tie ? undefined : best;
}

/** Reads several option numbers: "1,3", "1 dan 3", "1 3 4". */
export function parseOptionNumbers(input: string): number[] | undefined {
  const parts = replaceKeycaps(normalize(input))
    .split(/\s*(?:,|;|\/|\s|&|\+|\bdan\b|\band\b)\s*/u)
    .filter((p) => p.length > 0);
  if (parts.length === 0) return undefined;
  const numbers: number[] = [];
  for (const part of parts) {
    const n = parseOptionNumber(part);
    if (n === undefined) return undefined;
    if (!numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}

/** Words of a text, folded as labels are (lower-case, accents dropped), in order. */
export function foldWords(input: string): string[] {
  return input
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/** Typed words that never choose an option by themselves. */
const FILLER_WORDS = new Set([
  'ya',
  'iya',
  'tidak',
  'dan',
  'atau',
  'yang',
  'di',
  'ke',
  'dari',
  'untuk',
  'saya',
  'aku',
  'mau',
  'ingin',
  'the',
  'a',
  'an',
  'of',
  'and',
  'or',
  'to',
  'for',
  'my',
  'i',
  'want',
]);

/** How well a typed word matches a word of a label: 1 whole word, 2 prefix, 3 one typo, 0 not. */
function wordMatch(typed: string, word: string): number {
  if (typed === word) return 1;
  if (typed.length >= 3 && word.startsWith(typed)) return 2;
  if (typed.length >= 4 && word.length >= 4 && editDistance(typed, word, 1) <= 1) return 3;
  return 0;
}

/** Which label the person typed: one, two that match equally (ask which), or none. */
export type OptionMatch = { index: number } | { tie: [number, number] } | undefined;

/**
 * Finds the option the person named. The whole label (with typos forgiven) first; then its
 * words: a typed word that is a whole word of one label, a prefix of at least 3 letters of
 * one, or one typo away from a word of 4 or more letters. The label matching more typed
 * words wins, then the closer match (whole word over prefix over typo), then the one whose
 * first word was typed ("kirim" is "Kirim laporan", not "Ubah cara kirim"); two equal ones
 * are a tie the person is asked about. With several typed words, at least half must match.
 */
export function matchOption(input: string, labels: string[]): OptionMatch {
  const whole = matchLabel(input, labels);
  if (whole !== undefined) return { index: whole };
  const typed = foldWords(input).filter((w) => !FILLER_WORDS.has(w) && !/^\d+$/.test(w));
  if (typed.length === 0) return undefined;
  const scored = labels.map((label, index) => {
    const words = foldWords(label);
    let count = 0;
    let cost = 0;
    let leading = 0;
    for (const w of typed) {
      const levels = words.map((word) => wordMatch(w, word)).filter((l) => l > 0);
      if (levels.length === 0) continue;
      count += 1;
      cost += Math.min(...levels);
      if (words[0] !== undefined && wordMatch(w, words[0]) > 0) leading += 1;
    }
    return { index, count, cost, leading };
  });
  const needed = Math.max(1, Math.ceil(typed.length / 2));
  const ranked = scored
    .filter((s) => s.count >= needed)
    .sort((a, b) => b.count - a.count || a.cost - b.cost || b.leading - a.leading);
  const [first, second] = ranked;
  if (!first) return undefined;
  const equal =
    second?.count === first.count && second.cost === first.cost && second.leading === first.leading;
  if (second && equal) {
    return { tie: [first.index, second.index] };
  }
  return { index: first.index };
}
