/**
 * The comparison form of village and area names, and the edit distance between two such
 * forms: shared by the name index (village-name-index.ts) and the search (village-search.ts).
 */

/**
 * Generic leading words dropped from a name when more words follow ("Desa Sukamaju").
 * Both the full and the stripped form are matched, since "Kampung Baru" is a real name.
 */
const GENERIC_PREFIXES = [
  ['desa', 'adat'],
  ['desa'],
  ['ds'],
  ['kelurahan'],
  ['kel'],
  ['kampung'],
  ['kp'],
  ['nagari'],
  ['gampong'],
  ['pekon'],
  ['negeri'],
];

/** Shorter village names (normalised characters) are answered with `too_short`. */
export const MIN_QUERY_CHARS = 3;

/** A normalised name, and whether it is one without its generic first word. */
export type NameForm = { text: string; stripped: boolean };

/**
 * The edits forgiven for a normalised text of `length` characters: none up to 3,
 * 1 for 4-7, 2 from 8.
 */
export function maxEditsFor(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** Lower-case words without accents, quotes or punctuation: "Soka\"an Barat" → ["sokaan", "barat"]. */
export function nameWords(text: string): string[] {
  // Almost every name is plain ASCII: the Unicode decomposition is only for the others.
  const plain = PRINTABLE_ASCII.test(text) ? text : text.normalize('NFKD').replace(/\p{M}/gu, '');
  return plain
    .toLowerCase()
    .replace(/['"’‘`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/** The comparison form of a name: {@link nameWords} joined without spaces. */
export function normalizeName(text: string): string {
  return nameWords(text).join('');
}

/**
 * The full form and, when it starts with a generic word followed by more, the stripped
 * form ("gampong baro" → "gampongbaro", "baro"); none for a name without words.
 */
export function nameForms(words: string[]): NameForm[] {
  if (words.length === 0) return [];
  const forms = [{ text: words.join(''), stripped: false }];
  const prefix = genericPrefixLength(words);
  if (prefix > 0) forms.push({ text: words.slice(prefix).join(''), stripped: true });
  return forms;
}

function genericPrefixLength(words: string[]): number {
  for (const prefix of GENERIC_PREFIXES) {
    const fits = prefix.length < words.length && prefix.every((word, i) => words[i] === word);
    if (fits) return prefix.length;
  }
  return 0;
}

/** {@link VillageHit.score}: 1 − edits ÷ the longer of the two compared lengths. */
export function similarity(edits: number, lengthA: number, lengthB: number): number {
  return 1 - edits / Math.max(lengthA, lengthB, 1);
}

/**
 * Optimal string alignment distance between `a` and `b.slice(from, to)` (the whole of `b`
 * by default), or `max + 1` as soon as it must exceed `max`. The range lets the index
 * compare against one packed string of all names without slicing it.
 */
export type EditDistance = (
  a: string,
  b: string,
  max: number,
  from?: number,
  to?: number,
) => number;

/**
 * An {@link EditDistance} that reuses its row buffers across calls (not re-entrant). Only
 * the cells within `max` of the diagonal are computed: any other lies more than `max` edits
 * away, so the cells just outside the band hold `max + 1` in its place. That can only lower
 * values that are already above `max`, so results are those of the whole table.
 */
export function createEditDistance(): EditDistance {
  let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  return (a, b, max, from = 0, to = b.length) => {
    const lengthB = to - from;
    const over = max + 1;
    if (Math.abs(a.length - lengthB) > max) return over;
    if ((rows[0] as Int32Array).length <= lengthB) {
      rows = rows.map(() => new Int32Array(lengthB + 1));
    }
    let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
    for (let j = 0; j <= lengthB; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      const charA = a.charCodeAt(i - 1);
      const low = Math.max(1, i - max);
      const high = Math.min(lengthB, i + max);
      current[0] = i;
      if (low > 1) current[low - 1] = over;
      let rowMin = i;
      for (let j = low; j <= high; j++) {
        const charB = b.charCodeAt(from + j - 1);
        let cost = Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + (charA === charB ? 0 : 1),
        );
        if (
          i > 1 &&
          j > 1 &&
          charA === b.charCodeAt(from + j - 2) &&
          a.charCodeAt(i - 2) === charB
        ) {
          cost = Math.min(cost, (beforePrevious[j - 2] as number) + 1);
        }
        current[j] = cost;
        if (cost < rowMin) rowMin = cost;
      }
      if (high < lengthB) current[high + 1] = over;
      if (rowMin > max) return over;
      const oldest = beforePrevious;
      beforePrevious = previous;
      previous = current;
      current = oldest;
    }
    return Math.min(previous[lengthB] as number, over);
  };
}
