/**
 * Fuzzy search for a village by the name a person types, optionally narrowed by
 * kecamatan, kabupaten/kota or province after a comma ("sukamaju, kec cibeber, cianjur").
 *
 * Names are compared in a normalised form: lower case, accents, spaces and punctuation
 * removed ("Suka Maju" = "sukamaju" = "suka-maju"). Typos are forgiven by optimal string
 * alignment distance (substitution, insertion, deletion and transposition each cost 1),
 * up to {@link maxEditsFor} the query's length. Candidates come from a padded-bigram
 * index with a count filter, so a query never scans all 83,762 names.
 */
import {
  createAreaMatcher,
  type PlaceMatches,
  parsePlaceTerm,
  placeCostOf,
} from './village-area-terms.js';
import { createNameIndex, type Match, type NameIndex } from './village-name-index.js';
import {
  createEditDistance,
  type EditDistance,
  MIN_QUERY_CHARS,
  maxEditsFor,
  type NameForm,
  nameForms,
  nameWords,
} from './village-names.js';
import type { VillageAreas, VillageDirectory } from './villages.js';

export { MIN_QUERY_CHARS, maxEditsFor, nameWords, normalizeName } from './village-names.js';

/** One village that matched, with the names of the areas it lies in (as the data spells them). */
export interface VillageHit {
  code: string;
  name: string;
  district: string;
  regency: string;
  province: string;
  /** Name similarity in [0, 1]: 1 − edits ÷ the longer length; 1 for an exact match. */
  score: number;
}

/**
 * What a search found. `total` counts every match before the limit: when it exceeds the
 * hits shown, ask for the kecamatan. `narrowing` says what the text after the comma did:
 * `none` (there was none), `applied` (every hit lies in the areas it names), `partial` (the
 * hits lie in some of the areas it names; `unmatched` lists the parts left out, "Cibadak"
 * in "Sukamaju, Cibadak, Kabupaten Sukabumi") or `unmatched` (no matching village lies in
 * any, so the hits ignore them all).
 */
export type VillageSearchResult =
  | {
      type: 'found';
      hits: VillageHit[];
      total: number;
      narrowing: 'none' | 'applied' | 'partial' | 'unmatched';
      /** The parts after a comma that matched no area of the hits, as typed. */
      unmatched: string[];
    }
  | { type: 'none' }
  | { type: 'too_short' };

/** Options of one search. */
export interface VillageSearchOptions {
  /** Most hits returned; default {@link DEFAULT_HIT_LIMIT}. */
  limit?: number;
}

/** A village index built once; `search` is synchronous and allocation-light. */
export interface VillageSearch {
  search(query: string, options?: VillageSearchOptions): VillageSearchResult;
}

/** Hits shown by default: a numbered list that fits a WhatsApp list message. */
export const DEFAULT_HIT_LIMIT = 8;
/** Extra edits forgiven when the person named the area: the candidates are then few. */
const NARROWED_EXTRA_EDITS = 1;
/** Most villages compared one by one inside the named areas (Kab. Aceh Utara, the largest, has 852). */
const NARROWED_SCAN_MAX_VILLAGES = 3_000;
/** Most words tried as a kecamatan when the person left out the comma. */
const UNSPLIT_MAX_WORDS = 6;
/**
 * Parts after the comma tried together as areas at most: a kecamatan, a kabupaten and a
 * province. More could only repeat one of them, and every subset of them is tried.
 */
export const PLACE_TERMS_MAX = 3;

/**
 * Builds the index over every village of `directory` once (timing and memory:
 * test/bench/village-search.ts) and returns the search.
 */
export function createVillageSearch(directory: VillageDirectory): VillageSearch {
  const index = createNameIndex(directory);
  const areas = createAreaMatcher(directory);
  const distance = createEditDistance();

  const searchOnce = (nameText: string, placeTexts: string[], limit: number) => {
    const forms = nameForms(nameWords(nameText));
    const nameProper = forms[forms.length - 1]?.text ?? '';
    if (nameProper.length < MIN_QUERY_CHARS) return { type: 'too_short' } as const;
    const matches = new Map<number, Match>();
    for (const form of forms) index.collect(form.text, form.stripped, distance, matches);
    const named = placeTexts
      .map((text) => ({ text: text.trim(), forms: parsePlaceTerm(text) }))
      .filter((term) => term.forms.length > 0);
    if (named.length === 0) return toResult(directory, matches, limit, 'none');
    const termMatches = named.map((term) => areas.match(term.forms, distance));
    const narrowBy = (kept: PlaceMatches[]) => {
      const nearby = new Map(matches);
      scanNamedAreas(directory, index, forms, kept, distance, nearby);
      const narrowed = new Map<number, Match>();
      for (const [village, match] of nearby) {
        const placeCost = placeCostOf(directory.areasAt(village) as VillageAreas, kept);
        if (placeCost !== undefined) narrowed.set(village, { ...match, placeCost });
      }
      return narrowed;
    };
    // Every named area first; then without one, two, … of them, so a kecamatan that does
    // not match does not drop the kabupaten that does. The parts left out are said. A part
    // that names no area can never narrow, so only the others are tried, and at most
    // PLACE_TERMS_MAX of them: the subsets grow as 2^n.
    const candidates = named
      .map((_, i) => i)
      .filter((i) => (termMatches[i]?.size ?? 0) > 0)
      .slice(0, PLACE_TERMS_MAX);
    for (const subset of subsetsBySize(candidates.length)) {
      const kept = subset.map((j) => candidates[j] as number);
      const narrowed = narrowBy(kept.map((i) => termMatches[i] as PlaceMatches));
      if (narrowed.size === 0) continue;
      const unmatched = named.filter((_, i) => !kept.includes(i)).map((term) => term.text);
      return toResult(
        directory,
        narrowed,
        limit,
        unmatched.length > 0 ? 'partial' : 'applied',
        unmatched,
      );
    }
    const unmatched = named.map((term) => term.text);
    return toResult(directory, matches, limit, 'unmatched', unmatched);
  };

  return {
    search(query, options = {}) {
      const limit = Math.max(1, Math.floor(options.limit ?? DEFAULT_HIT_LIMIT));
      const [nameText = '', ...placeTexts] = query.split(',');
      const result = searchOnce(nameText, placeTexts, limit);
      const words = nameText.trim().split(/\s+/);
      if (result.type !== 'none' || placeTexts.length > 0 || words.length > UNSPLIT_MAX_WORDS) {
        return result;
      }
      // "sukamaju cibeber" without the comma: try the last words as the area.
      for (let cut = words.length - 1; cut >= 1; cut--) {
        const name = words.slice(0, cut).join(' ');
        const split = searchOnce(name, [words.slice(cut).join(' ')], limit);
        if (split.type === 'found' && split.narrowing === 'applied') return split;
      }
      return result;
    },
  };
}

/** Compares every village inside the narrowest named areas, forgiving one edit more. */
function scanNamedAreas(
  directory: VillageDirectory,
  index: NameIndex,
  forms: NameForm[],
  termMatches: PlaceMatches[],
  distance: EditDistance,
  matches: Map<number, Match>,
): void {
  const narrowest = termMatches
    .map((areaMatches) => [...areaMatches.keys()].map((code) => directory.range(code)))
    .map((ranges) => ({ ranges, count: ranges.reduce((sum, [from, to]) => sum + to - from, 0) }))
    .sort((a, b) => a.count - b.count)[0];
  if (!narrowest || narrowest.count > NARROWED_SCAN_MAX_VILLAGES) return;
  for (const [from, to] of narrowest.ranges) {
    for (let village = from; village < to; village++) {
      for (const form of forms) {
        const max = maxEditsFor(form.text.length) + NARROWED_EXTRA_EDITS;
        index.compare(village, form, max, distance, matches);
      }
    }
  }
}

/** Index sets of `count` items, the largest first (all, then all but one, …), never empty. */
function subsetsBySize(count: number): number[][] {
  const all: number[][] = [];
  for (let mask = (1 << count) - 1; mask > 0; mask--) {
    all.push([...Array(count).keys()].filter((i) => mask & (1 << i)));
  }
  return all.sort((a, b) => b.length - a.length);
}

/** Orders the matches (edits, then unstripped, then area edits, then code) into a result. */
function toResult(
  directory: VillageDirectory,
  matches: Map<number, Match>,
  limit: number,
  narrowing: 'none' | 'applied' | 'partial' | 'unmatched',
  unmatched: string[] = [],
): VillageSearchResult {
  if (matches.size === 0) return { type: 'none' };
  const ranked = [...matches].sort(
    ([villageA, a], [villageB, b]) =>
      a.edits - b.edits ||
      Number(a.stripped) - Number(b.stripped) ||
      a.placeCost - b.placeCost ||
      villageA - villageB,
  );
  const hits = ranked.slice(0, limit).map(([position, match]) => {
    const village = directory.at(position);
    if (!village) throw new Error(`village search: no village at position ${position}`);
    return {
      code: village.code,
      name: village.name,
      district: village.district.name,
      regency: village.regency.name,
      province: village.province.name,
      score: Math.round(match.score * 1000) / 1000,
    };
  });
  return { type: 'found', hits, total: matches.size, narrowing, unmatched };
}
