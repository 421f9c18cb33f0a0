/**
 * The count filter of the village name index: which keys share enough bigrams with a
 * query to be worth an edit distance. Common bigrams ("an", "ng", "ka") have over 20,000
 * keys each, and walking every list of the query took most of a search. Two things cut
 * that down without changing which keys pass:
 * - each list is ordered by key length, then key, so only the stretch of keys whose length
 *   can be within the edit limit is read (about half of each list);
 * - a key sharing `needed` of the query's `grams` bigrams shares at least one of any
 *   `grams - needed + 1` of them (prefix filtering), so candidates come from the rarest
 *   lists only; the other lists are then searched for the candidates alone, or read when
 *   that is cheaper.
 * The keys kept come out in the order of reading the query's whole lists one after the
 * other, which decides which of two equal matches of one village is kept.
 */

/** Keys of each bigram: `keys[start[gram]..start[gram + 1]]`, each key once, by length then key. */
export interface GramPostings {
  start: Uint32Array;
  keys: Int32Array;
}

/** Selects the keys a query's bigrams leave worth comparing; reuses its buffers. */
export interface CandidateFilter {
  /**
   * Writes into {@link CandidateFilter.selected} the keys sharing at least `needed` of
   * the query's distinct bigrams `queryGrams[0..gramCount]` (at least one when `needed`
   * is below 1) whose length differs from `length` by at most `max`, and returns how many.
   * They are ordered by the first query bigram (in query order) they contain, then by key.
   */
  select(
    queryGrams: Int32Array,
    gramCount: number,
    needed: number,
    length: number,
    max: number,
  ): number;
  /** The keys of the last {@link CandidateFilter.select}; overwritten by the next. */
  readonly selected: Int32Array;
}

/**
 * A list is searched key by key (a binary search each) rather than read when candidates
 * × steps × this is below its length: a step of a search costs a few reads of a list.
 */
const SEARCH_STEP_COST = 3;
/** Sort keys (first bigram × keys + key) grow from this many, so a search allocates nothing. */
const ORDER_SCRATCH_INITIAL = 256;

/** A filter over `grams`, the bigram postings of the keys whose offsets are `keyStart`. */
export function createCandidateFilter(grams: GramPostings, keyStart: Uint32Array): CandidateFilter {
  const keyCount = keyStart.length - 1;
  const postings = grams.keys;
  // Shared bigrams per key: a byte, as no name comes near 255 letters (the longest has 39).
  const counts = new Uint8Array(keyCount);
  const firstGram = new Uint16Array(keyCount);
  const selected = new Int32Array(keyCount);
  // Per query position: where its list's stretch of fitting lengths begins and ends.
  const windowFrom = new Uint32Array(grams.start.length);
  const windowTo = new Uint32Array(grams.start.length);
  const rarest = new Int32Array(grams.start.length);
  let order = new Float64Array(ORDER_SCRATCH_INITIAL);
  const lengthOf = (id: number) => (keyStart[id + 1] as number) - (keyStart[id] as number);
  const windowSize = (g: number) => (windowTo[g] as number) - (windowFrom[g] as number);

  /** The first position of `list[from..to]` whose key is `length` long or longer. */
  const firstOfLength = (from: number, to: number, length: number) => {
    let low = from;
    let high = to;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (lengthOf(postings[middle] as number) < length) low = middle + 1;
      else high = middle;
    }
    return low;
  };

  /** Whether `id` is in the stretch of query position `g` (ordered by length, then key). */
  const contains = (g: number, id: number) => {
    const rank = lengthOf(id) * keyCount + id;
    let low = windowFrom[g] as number;
    let high = windowTo[g] as number;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const other = postings[middle] as number;
      const otherRank = lengthOf(other) * keyCount + other;
      if (otherRank === rank) return true;
      if (otherRank < rank) low = middle + 1;
      else high = middle;
    }
    return false;
  };

  /** Counts the keys of the stretches of `positions[0..count]`, noting each key's first position. */
  const walk = (positions: Int32Array | null, count: number) => {
    let touched = 0;
    for (let p = 0; p < count; p++) {
      const g = positions ? (positions[p] as number) : p;
      for (let at = windowFrom[g] as number; at < (windowTo[g] as number); at++) {
        const id = postings[at] as number;
        const shared = counts[id] as number;
        counts[id] = shared + 1;
        if (shared === 0) {
          selected[touched++] = id;
          firstGram[id] = g;
        } else if (g < (firstGram[id] as number)) firstGram[id] = g;
      }
    }
    return touched;
  };

  /**
   * Adds query position `g` to the counts of the `kept` candidates, and keeps those that can
   * still reach `needed` with the `remaining` positions left.
   */
  const countIn = (g: number, kept: number, needed: number, remaining: number) => {
    const steps = Math.ceil(Math.log2(windowSize(g) + 1));
    if (kept * steps * SEARCH_STEP_COST < windowSize(g)) {
      for (let c = 0; c < kept; c++) {
        const id = selected[c] as number;
        if (contains(g, id)) note(id, g);
      }
    } else {
      for (let at = windowFrom[g] as number; at < (windowTo[g] as number); at++) {
        const id = postings[at] as number;
        if ((counts[id] as number) > 0) note(id, g);
      }
    }
    return keepReaching(kept, needed - remaining);
  };
  /** One more shared bigram for candidate `id`, found at query position `g`. */
  const note = (id: number, g: number) => {
    counts[id] = (counts[id] as number) + 1;
    if (g < (firstGram[id] as number)) firstGram[id] = g;
  };

  /** Keeps the candidates that share `least` bigrams or more; clears the others' counts. */
  const keepReaching = (count: number, least: number) => {
    let kept = 0;
    for (let c = 0; c < count; c++) {
      const id = selected[c] as number;
      if ((counts[id] as number) >= least) selected[kept++] = id;
      else counts[id] = 0;
    }
    return kept;
  };

  /** Orders the survivors by first bigram, then key, and clears their counts. */
  const orderByFirstGram = (kept: number) => {
    if (order.length < kept) order = new Float64Array(Math.max(kept, order.length * 2));
    for (let c = 0; c < kept; c++) {
      const id = selected[c] as number;
      counts[id] = 0;
      order[c] = (firstGram[id] as number) * keyCount + id;
    }
    order.subarray(0, kept).sort();
    for (let c = 0; c < kept; c++) selected[c] = (order[c] as number) % keyCount;
  };

  return {
    selected,
    select(query, gramCount, needed, length, max) {
      for (let g = 0; g < gramCount; g++) {
        const gram = query[g] as number;
        const from = grams.start[gram] as number;
        const to = grams.start[gram + 1] as number;
        windowFrom[g] = firstOfLength(from, to, length - max);
        windowTo[g] = firstOfLength(windowFrom[g] as number, to, length + max + 1);
      }
      // With needed ≤ 1 every list is in the prefix, and one shared bigram is the rule.
      const prefix = Math.min(gramCount, gramCount - needed + 1);
      byWindowSize(gramCount, windowSize, rarest);
      let kept = walk(prefix < gramCount ? rarest : null, prefix);
      for (let p = prefix; p < gramCount && kept > 0; p++) {
        kept = countIn(rarest[p] as number, kept, needed, gramCount - 1 - p);
      }
      kept = keepReaching(kept, needed);
      orderByFirstGram(kept);
      return kept;
    },
  };
}

/** Writes into `out` the positions `0..count` ordered by `size`, smallest first (few: insertion sort). */
function byWindowSize(count: number, size: (g: number) => number, out: Int32Array): void {
  for (let g = 0; g < count; g++) {
    const own = size(g);
    let at = g;
    for (; at > 0 && size(out[at - 1] as number) > own; at--) out[at] = out[at - 1] as number;
    out[at] = g;
  }
}

/**
 * Key ids ordered by length, then id (the order {@link GramPostings} lists keep), for the
 * keys whose offsets are `keyStart`, none longer than `longest`: a counting sort.
 */
export function keysByLength(keyStart: Uint32Array, longest: number): Int32Array {
  const keyCount = keyStart.length - 1;
  const lengthOf = (id: number) => (keyStart[id + 1] as number) - (keyStart[id] as number);
  // Keys per length, shifted by one, then summed: where each length's keys begin.
  const next = new Uint32Array(longest + 2);
  for (let id = 0; id < keyCount; id++)
    next[lengthOf(id) + 1] = (next[lengthOf(id) + 1] as number) + 1;
  for (let length = 1; length < next.length; length++) {
    next[length] = (next[length] as number) + (next[length - 1] as number);
  }
  const ordered = new Int32Array(keyCount);
  for (let id = 0; id < keyCount; id++) {
    const length = lengthOf(id);
    ordered[next[length] as number] = id;
    next[length] = (next[length] as number) + 1;
  }
  return ordered;
}
