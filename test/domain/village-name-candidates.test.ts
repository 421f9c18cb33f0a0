import { describe, expect, it } from 'vitest';
import {
  createCandidateFilter,
  type GramPostings,
  keysByLength,
} from '../../src/domain/village-name-candidates.js';
import { seededRandom } from '../support/seeded-random.js';

// The filter is checked against the rule it must keep: read every list of the query,
// count the bigrams each key shares, keep those sharing `needed` (or any, below 1) whose
// length fits, in the order they were first met.

const SYMBOLS = '^$abcdefghijklmnopqrstuvwxyz0123456789';
const GRAMS = SYMBOLS.length ** 2;
const SEED = 20_261_128;

/** Distinct bigrams of `^text$`, in the order they appear. */
function gramsOf(text: string): number[] {
  const padded = `^${text}$`;
  const grams: number[] = [];
  for (let i = 0; i + 1 < padded.length; i++) {
    const gram = SYMBOLS.indexOf(padded[i] as string) * SYMBOLS.length;
    const code = gram + SYMBOLS.indexOf(padded[i + 1] as string);
    if (!grams.includes(code)) grams.push(code);
  }
  return grams;
}

/** Key offsets and postings (by length, then key) the way the name index builds them. */
function indexOf(keys: string[]): { keyStart: Uint32Array; postings: GramPostings } {
  const keyStart = new Uint32Array(keys.length + 1);
  keys.forEach((key, id) => {
    keyStart[id + 1] = (keyStart[id] as number) + key.length;
  });
  const longest = Math.max(...keys.map((key) => key.length));
  const lists: number[][] = Array.from({ length: GRAMS }, () => []);
  for (const id of keysByLength(keyStart, longest)) {
    for (const gram of gramsOf(keys[id] as string)) lists[gram]?.push(id);
  }
  const start = new Uint32Array(GRAMS + 1);
  lists.forEach((list, gram) => {
    start[gram + 1] = (start[gram] as number) + list.length;
  });
  return { keyStart, postings: { start, keys: Int32Array.from(lists.flat()) } };
}

/** The rule: every list read in query order, each key counted, kept in first-met order. */
function walkEveryList(
  keys: string[],
  query: number[],
  needed: number,
  max: number,
  length: number,
) {
  const keyGrams = keys.map(gramsOf);
  const shared = new Map<number, number>();
  for (const gram of query) {
    keyGrams.forEach((grams, id) => {
      if (grams.includes(gram)) shared.set(id, (shared.get(id) ?? 0) + 1);
    });
  }
  return [...shared]
    .filter(
      ([id, count]) => count >= needed && Math.abs((keys[id] as string).length - length) <= max,
    )
    .map(([id]) => id);
}

function randomText(random: () => number, alphabet: string, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += alphabet[Math.floor(random() * alphabet.length)];
  return text;
}

/** `text` with one letter replaced by x, z or a. */
function mistype(random: () => number, text: string): string {
  const at = Math.floor(random() * text.length);
  return `${text.slice(0, at)}${'xza'[Math.floor(random() * 3)]}${text.slice(at + 1)}`;
}

describe('candidate filter', () => {
  it('keeps exactly the keys and the order of reading every list, whatever needed is', () => {
    const random = seededRandom(SEED);
    // Few letters, so that bigrams repeat and lists are long, as "an" and "ng" are; some
    // keys with rarer letters, so that a few candidates are searched for in long lists.
    const keys = Array.from({ length: 1_500 }, (_, i) =>
      randomText(random, i % 10 === 0 ? 'anbgkxz' : 'anbgk', 1 + Math.floor(random() * 12)),
    );
    const { keyStart, postings } = indexOf(keys);
    const filter = createCandidateFilter(postings, keyStart);
    for (let round = 0; round < 300; round++) {
      const key = keys[Math.floor(random() * keys.length)] as string;
      const text = round % 2 === 0 ? mistype(random, key) : randomText(random, 'anbgkxz', 14);
      const query = gramsOf(text);
      const max = Math.floor(random() * 3);
      // From far below 1 (every key sharing a bigram) to every bigram of the query.
      const needed = query.length - Math.floor(random() * (query.length + 4));
      const count = filter.select(Int32Array.from(query), query.length, needed, text.length, max);
      const expected = walkEveryList(keys, query, needed, max, text.length);
      expect([...filter.selected.subarray(0, count)], `${text} needed ${needed}`).toEqual(expected);
    }
  });

  it('orders keys by length, then id', () => {
    const keys = ['ccc', 'a', 'bb', 'dd', 'e', 'fff'];
    const { keyStart } = indexOf(keys);
    expect([...keysByLength(keyStart, 3)]).toEqual([1, 4, 2, 3, 0, 5]);
  });
});
