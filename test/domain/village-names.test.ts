import { describe, expect, it } from 'vitest';
import { createEditDistance } from '../../src/domain/village-names.js';
import { seededRandom } from '../support/seeded-random.js';

const SEED = 20_261_128;

/** Optimal string alignment distance over the whole table: the rule the band must keep. */
function fullTable(a: string, b: string): number {
  const table = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => table[i]?.[j] as number;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let cost = Math.min(
        at(i - 1, j) + 1,
        at(i, j - 1) + 1,
        at(i - 1, j - 1) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        cost = Math.min(cost, at(i - 2, j - 2) + 1);
      }
      (table[i] as number[])[j] = cost;
    }
  }
  return at(a.length, b.length);
}

describe('edit distance', () => {
  it('counts substitution, deletion, insertion and transposition as one edit each', () => {
    const distance = createEditDistance();
    expect(distance('sukamaju', 'sukamaju', 2)).toBe(0);
    expect(distance('sukamaju', 'sukamaku', 2)).toBe(1);
    expect(distance('sukamaju', 'sukamju', 2)).toBe(1);
    expect(distance('sukamaju', 'sukamaaju', 2)).toBe(1);
    expect(distance('sukamaju', 'sukmaaju', 2)).toBe(1);
    expect(distance('sukamaju', 'xsukamaju', 0)).toBe(1);
  });

  it('gives the whole table’s distance, or max + 1 beyond max, for any texts and ranges', () => {
    const random = seededRandom(SEED);
    const distance = createEditDistance();
    const text = (alphabet: string) => {
      let out = '';
      const length = Math.floor(random() * 14);
      for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
      return out;
    };
    for (let round = 0; round < 5_000; round++) {
      // Two letters, so that repeats and transpositions are frequent.
      const alphabet = round % 2 === 0 ? 'ab' : 'abcdef';
      const a = text(alphabet);
      const b = round % 3 === 0 ? `${a.slice(1)}${text(alphabet).slice(0, 2)}` : text(alphabet);
      const max = Math.floor(random() * 5);
      const expected = Math.min(fullTable(a, b), max + 1);
      // b inside a longer string, as the index keeps every name in one packed string.
      const packed = `xy${b}zz`;
      expect(distance(a, packed, max, 2, 2 + b.length), `${a} ${b} ${max}`).toBe(expected);
      expect(distance(b, a, max), `${b} ${a} ${max}`).toBe(expected);
    }
  });
});
