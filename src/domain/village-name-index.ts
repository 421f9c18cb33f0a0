/**
 * The index of village names: every distinct normalised name ("key") once, the villages
 * bearing each key, and a padded-bigram index over the keys. All of it lives in flat
 * typed arrays in compressed-row layout (an offsets array per list of lists) and one
 * packed string of keys: 83,762 villages' arrays of form objects, a Map of keys and an
 * array per key took 35 MB; this takes about 6 MB (2 of heap, 4 of typed arrays). It is built in counting
 * passes (count, sum, fill), so the build leaves little garbage either.
 */
import {
  createCandidateFilter,
  type GramPostings,
  keysByLength,
} from './village-name-candidates.js';
import {
  type EditDistance,
  maxEditsFor,
  nameForms,
  nameWords,
  similarity,
} from './village-names.js';
import type { VillageDirectory } from './villages.js';

/** How a village matched: name edits, whether a generic word was dropped, area edits. */
export type Match = { edits: number; stripped: boolean; placeCost: number; score: number };

/** Normalised names (keys) with the villages bearing them, and a bigram index over them. */
export interface NameIndex {
  /** Adds to `matches` every village whose key is within {@link maxEditsFor} of `text`. */
  collect(
    text: string,
    stripped: boolean,
    distance: EditDistance,
    matches: Map<number, Match>,
  ): void;
  /**
   * Adds `village` to `matches` when its full name or, for "Gampong Baro", its name
   * without the generic word ("baro") is within `max` edits of `text`.
   */
  compare(
    village: number,
    form: { text: string; stripped: boolean },
    max: number,
    distance: EditDistance,
    matches: Map<number, Match>,
  ): void;
}

/** Bigram symbols: a-z, 0-9, then the start and end markers. */
const GRAM_SYMBOLS = 38;
const GRAM_START = 36;
const GRAM_END = 37;
const GRAMS = GRAM_SYMBOLS ** 2;
/** Keys a village has at most: its full name and its name without the generic word. */
const KEYS_PER_VILLAGE_MAX = 2;
/** Hash slots per key at most, so that open addressing finds a free slot quickly. */
const HASH_SLOTS_PER_KEY = 2;
const NO_KEY = -1;

/** The keys of every village, each key once, in compressed-row layout. */
interface Keys {
  count: number;
  /** Key `i` is `text.slice(start[i], start[i + 1])`: one string, no object per key. */
  text: string;
  start: Uint32Array;
  /** Per village, its full key and its stripped key (or {@link NO_KEY}). */
  fullKey: Int32Array;
  strippedKey: Int32Array;
  /** Villages bearing key `i`: `entries[entryStart[i]..entryStart[i + 1]]`, each position × 2 + stripped. */
  entryStart: Uint32Array;
  entries: Int32Array;
  longest: number;
}

/** Builds the index over the names of every village of `directory`. */
export function createNameIndex(directory: VillageDirectory): NameIndex {
  const keys = readKeys(directory);
  const { text: keyText, start, fullKey, strippedKey, entryStart, entries } = keys;
  const filter = createCandidateFilter(gramPostings(keys), start);

  return {
    compare(village, form, max, distance, matches) {
      // The full key first, then the stripped one, as keepBetter keeps the first of equals.
      for (let stripped = 0; stripped < KEYS_PER_VILLAGE_MAX; stripped++) {
        const key = ((stripped ? strippedKey : fullKey)[village] ?? NO_KEY) as number;
        if (key === NO_KEY) continue;
        const from = start[key] as number;
        const to = start[key + 1] as number;
        const edits = distance(form.text, keyText, max, from, to);
        if (edits > max) continue;
        const score = similarity(edits, form.text.length, to - from);
        const match = { edits, stripped: form.stripped || stripped === 1, placeCost: 0, score };
        keepBetter(matches, village, match);
      }
    },
    collect(text, stripped, distance, matches) {
      const max = maxEditsFor(text.length);
      const queryGrams = new Int32Array(text.length + 1);
      const gramCount = bigrams(text, 0, text.length, queryGrams);
      // An edit changes at most 3 bigrams (a transposition), so a match shares the rest.
      const found = filter.select(queryGrams, gramCount, gramCount - 3 * max, text.length, max);
      for (let c = 0; c < found; c++) {
        const id = filter.selected[c] as number;
        const from = start[id] as number;
        const to = start[id + 1] as number;
        const edits = distance(text, keyText, max, from, to);
        if (edits > max) continue;
        const score = similarity(edits, text.length, to - from);
        for (let at = entryStart[id] as number; at < (entryStart[id + 1] as number); at++) {
          const entry = entries[at] as number;
          const match = { edits, stripped: stripped || (entry & 1) === 1, placeCost: 0, score };
          keepBetter(matches, entry >> 1, match);
        }
      }
    },
  };
}

/** Records a match unless the village already has one as good (fewer edits, then unstripped). */
function keepBetter(matches: Map<number, Match>, village: number, found: Match): void {
  const old = matches.get(village);
  const oldIsBetter =
    old &&
    (old.edits < found.edits || (old.edits === found.edits && (!old.stripped || found.stripped)));
  if (!oldIsBetter) matches.set(village, found);
}

/**
 * The keys of every village: interned through an open-addressing hash table over the
 * packed key bytes (not a Map of strings), counted per key, then the villages of each key
 * filled in from the last village back, so every list comes out ordered by position.
 */
function readKeys(directory: VillageDirectory): Keys {
  const { size } = directory;
  const capacity = size * KEYS_PER_VILLAGE_MAX;
  const fullKey = new Int32Array(size).fill(NO_KEY);
  const strippedKey = new Int32Array(size).fill(NO_KEY);
  // Villages per key while counting, then (summed) where each key's list ends.
  const entryStart = new Uint32Array(capacity + 1);
  const table = new KeyTable(capacity);
  for (let village = 0; village < size; village++) {
    for (const form of nameForms(nameWords(directory.nameAt(village) ?? ''))) {
      const id = table.intern(form.text);
      entryStart[id] = (entryStart[id] as number) + 1;
      (form.stripped ? strippedKey : fullKey)[village] = id;
    }
  }
  const count = table.count;
  for (let id = 1; id < count; id++) {
    entryStart[id] = (entryStart[id] as number) + (entryStart[id - 1] as number);
  }
  const entries = new Int32Array(count > 0 ? (entryStart[count - 1] as number) : 0);
  entryStart[count] = entries.length;
  const place = (key: number, entry: number) => {
    if (key === NO_KEY) return;
    const at = (entryStart[key] as number) - 1;
    entryStart[key] = at;
    entries[at] = entry;
  };
  for (let village = size - 1; village >= 0; village--) {
    place(strippedKey[village] as number, village * 2 + 1);
    place(fullKey[village] as number, village * 2);
  }
  return {
    count,
    text: table.packed(),
    start: table.start.slice(0, count + 1),
    fullKey,
    strippedKey,
    entryStart: entryStart.slice(0, count + 1),
    entries,
    longest: table.longest,
  };
}

/** Distinct normalised texts (a-z, 0-9: a byte a character), each given the next id. */
class KeyTable {
  count = 0;
  longest = 0;
  /** Key `i` is `bytes[start[i]..start[i + 1]]`. */
  readonly start: Uint32Array;
  private bytes = new Uint8Array(1 << 16);
  private usedBytes = 0;
  private readonly slots: Int32Array;

  constructor(capacity: number) {
    this.start = new Uint32Array(capacity + 1);
    let slots = 1;
    while (slots < capacity * HASH_SLOTS_PER_KEY) slots *= 2;
    this.slots = new Int32Array(slots).fill(NO_KEY);
  }

  /** The id of `text`, added when new. */
  intern(text: string): number {
    const mask = this.slots.length - 1;
    for (let slot = hash(text) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id === NO_KEY) return this.add(text, slot);
      if (this.equals(id, text)) return id;
    }
  }

  /** All keys as one one-byte string. */
  packed(): string {
    return Buffer.from(this.bytes.buffer, 0, this.usedBytes).toString('latin1');
  }

  private add(text: string, slot: number): number {
    while (this.usedBytes + text.length > this.bytes.length) {
      const larger = new Uint8Array(this.bytes.length * 2);
      larger.set(this.bytes);
      this.bytes = larger;
    }
    for (let i = 0; i < text.length; i++) this.bytes[this.usedBytes + i] = text.charCodeAt(i);
    this.usedBytes += text.length;
    const id = this.count++;
    this.start[id + 1] = this.usedBytes;
    this.slots[slot] = id;
    this.longest = Math.max(this.longest, text.length);
    return id;
  }

  private equals(id: number, text: string): boolean {
    const from = this.start[id] as number;
    if ((this.start[id + 1] as number) - from !== text.length) return false;
    for (let i = 0; i < text.length; i++) {
      if (this.bytes[from + i] !== text.charCodeAt(i)) return false;
    }
    return true;
  }
}

/** FNV-1a over the UTF-16 code units of `text`. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) value = Math.imul(value ^ text.charCodeAt(i), 0x01000193);
  return value >>> 0;
}

/**
 * The keys of each bigram, ordered by length then key (so a search reads only the lengths
 * within its edit limit), counted then filled from the last key in that order back.
 */
function gramPostings(keys: Keys): GramPostings {
  const scratch = new Int32Array(keys.longest + 1);
  const start = new Uint32Array(GRAMS + 1);
  const gramsOf = (id: number) =>
    bigrams(keys.text, keys.start[id] as number, keys.start[id + 1] as number, scratch);
  for (let id = 0; id < keys.count; id++) {
    const count = gramsOf(id);
    for (let g = 0; g < count; g++) {
      const gram = scratch[g] as number;
      start[gram] = (start[gram] as number) + 1;
    }
  }
  for (let gram = 1; gram < GRAMS; gram++) {
    start[gram] = (start[gram] as number) + (start[gram - 1] as number);
  }
  const postings = new Int32Array(start[GRAMS - 1] as number);
  start[GRAMS] = postings.length;
  const byLength = keysByLength(keys.start, keys.longest);
  for (let k = keys.count - 1; k >= 0; k--) {
    const id = byLength[k] as number;
    const count = gramsOf(id);
    for (let g = 0; g < count; g++) {
      const gram = scratch[g] as number;
      const at = (start[gram] as number) - 1;
      start[gram] = at;
      postings[at] = id;
    }
  }
  return { start, keys: postings };
}

/**
 * Writes into `out` the distinct bigrams of `^text$` for `text.slice(from, to)` (a
 * normalised text: a-z, 0-9), each below {@link GRAMS}; returns how many.
 */
function bigrams(text: string, from: number, to: number, out: Int32Array): number {
  let count = 0;
  let previous = GRAM_START;
  for (let i = from; i <= to; i++) {
    const symbol = i < to ? gramSymbol(text.charCodeAt(i)) : GRAM_END;
    const gram = previous * GRAM_SYMBOLS + symbol;
    let seen = false;
    for (let k = 0; k < count && !seen; k++) seen = out[k] === gram;
    if (!seen) out[count++] = gram;
    previous = symbol;
  }
  return count;
}

function gramSymbol(code: number): number {
  return code >= 97 ? code - 97 : code - 48 + 26;
}
