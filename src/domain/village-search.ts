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
import type { VillageAreas, VillageDirectory } from './villages.js';

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
/** Shorter village names (normalised characters) are answered with `too_short`. */
export const MIN_QUERY_CHARS = 3;
/** Extra edits forgiven when the person named the area: the candidates are then few. */
const NARROWED_EXTRA_EDITS = 1;
/** Most villages compared one by one inside the named areas (Kab. Aceh Utara, the largest, has 852). */
const NARROWED_SCAN_MAX_VILLAGES = 3_000;
/** Most words tried as a kecamatan when the person left out the comma. */
const UNSPLIT_MAX_WORDS = 6;
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
/** Words that say which level a narrowing term names. "kota" is also part of real names. */
const LEVEL_WORDS: Record<string, PlaceLevel> = {
  kec: 'district',
  kecamatan: 'district',
  kab: 'regency',
  kabupaten: 'regency',
  kota: 'regency',
  prov: 'province',
  provinsi: 'province',
  propinsi: 'province',
};
/** Everyday names of provinces whose official names are long, by province code. */
const PROVINCE_ALIASES: Record<string, string[]> = {
  '19': ['babel', 'bangkabelitung'],
  '21': ['kepri'],
  '31': ['jakarta', 'dki', 'dkijakarta'],
  '34': ['yogyakarta', 'yogya', 'jogja', 'jogjakarta', 'diy'],
  '52': ['ntb'],
  '53': ['ntt'],
};

type PlaceLevel = 'district' | 'regency' | 'province';
type PlaceForm = { level: PlaceLevel | 'any'; text: string };
/** Area code → edits between the term and the area's name. */
/**
 * Parts after the comma tried together as areas at most: a kecamatan, a kabupaten and a
 * province. More could only repeat one of them, and every subset of them is tried.
 */
export const PLACE_TERMS_MAX = 3;

type PlaceMatches = Map<string, number>;
type NameForm = { text: string; stripped: boolean };
/** How a village matched: name edits, whether a generic word was dropped, area edits. */
type Match = { edits: number; stripped: boolean; placeCost: number; score: number };

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

/** The full form and, when it starts with a generic word followed by more, the stripped form. */
function nameForms(words: string[]): NameForm[] {
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

/**
 * The alternatives one narrowing term stands for: "kec cibeber" → district "cibeber" (or
 * any area called "keccibeber"); "kota baru" → regency "baru" or any area "kotabaru";
 * "cianjur" → any level. Terms under {@link MIN_QUERY_CHARS} are dropped.
 */
function parsePlaceTerm(text: string): PlaceForm[] {
  const words = nameWords(text);
  const full = words.join('');
  const forms: PlaceForm[] = full.length >= MIN_QUERY_CHARS ? [{ level: 'any', text: full }] : [];
  const level = words.length > 1 ? LEVEL_WORDS[words[0] as string] : undefined;
  const rest = words.slice(1).join('');
  if (level && rest.length >= MIN_QUERY_CHARS) forms.unshift({ level, text: rest });
  return forms;
}

/** Sum over the terms of the edits of the best matching area; undefined if a term misses. */
function placeCostOf(village: VillageAreas, termMatches: PlaceMatches[]): number | undefined {
  let total = 0;
  for (const matches of termMatches) {
    let best = Number.POSITIVE_INFINITY;
    for (const area of [village.district, village.regency, village.province]) {
      best = Math.min(best, matches.get(area.code) ?? best);
    }
    if (best === Number.POSITIVE_INFINITY) return undefined;
    total += best;
  }
  return total;
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
        for (const key of index.keysOf(village)) {
          const edits = distance(form.text, key.text, max);
          if (edits > max) continue;
          const stripped = form.stripped || key.stripped;
          const score = similarity(edits, form.text, key.text);
          keepBetter(matches, village, { edits, stripped, placeCost: 0, score });
        }
      }
    }
  }
}

/** Records a match unless the village already has one as good (fewer edits, then unstripped). */
function keepBetter(matches: Map<number, Match>, village: number, found: Match): void {
  const old = matches.get(village);
  const oldIsBetter =
    old &&
    (old.edits < found.edits || (old.edits === found.edits && (!old.stripped || found.stripped)));
  if (!oldIsBetter) matches.set(village, found);
}

/** {@link VillageHit.score}: 1 − edits ÷ the longer of the two compared texts. */
function similarity(edits: number, a: string, b: string): number {
  return 1 - edits / Math.max(a.length, b.length, 1);
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

/** Normalised names (keys) with the villages bearing them, and a padded-bigram index over them. */
interface NameIndex {
  /** Adds to `matches` every village whose key is within {@link maxEditsFor} of `text`. */
  collect(
    text: string,
    stripped: boolean,
    distance: EditDistance,
    matches: Map<number, Match>,
  ): void;
  /** The keys of one village: its full name and, for "Gampong Baro", also "baro". */
  keysOf(village: number): NameForm[];
}

/** Bigram symbols: a-z, 0-9, then the start and end markers. */
const GRAM_SYMBOLS = 38;
const GRAM_START = 36;
const GRAM_END = 37;

function createNameIndex(directory: VillageDirectory): NameIndex {
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  const keyVillages: number[][] = [];
  const villageKeys = Array.from({ length: directory.size }, (_, position) =>
    nameForms(nameWords(directory.nameAt(position) ?? '')).map((form) => {
      let id = keyIds.get(form.text);
      if (id === undefined) {
        id = keys.push(form.text) - 1;
        keyIds.set(form.text, id);
        keyVillages.push([]);
      }
      // Position × 2, plus 1 when the key is the name without its generic first word.
      keyVillages[id]?.push(position * 2 + Number(form.stripped));
      return form;
    }),
  );
  const gramLists: number[][] = Array.from({ length: GRAM_SYMBOLS ** 2 }, () => []);
  keys.forEach((key, id) => {
    for (const gram of bigrams(key)) gramLists[gram]?.push(id);
  });
  const postings = gramLists.map((list) => Int32Array.from(list));
  const counts = new Uint8Array(keys.length);
  const touched = new Int32Array(keys.length);

  return {
    keysOf: (village) => villageKeys[village] ?? [],
    collect(text, stripped, distance, matches) {
      const max = maxEditsFor(text.length);
      const grams = bigrams(text);
      // An edit changes at most 3 bigrams (a transposition), so a match shares the rest.
      const needed = grams.length - 3 * max;
      let touchedCount = 0;
      for (const gram of grams) {
        for (const id of postings[gram] as Int32Array) {
          const count = counts[id] as number;
          counts[id] = count + 1;
          if (count === 0) touched[touchedCount++] = id;
        }
      }
      for (let t = 0; t < touchedCount; t++) {
        const id = touched[t] as number;
        const shared = counts[id] as number;
        counts[id] = 0;
        const key = keys[id] as string;
        if (shared < needed || Math.abs(key.length - text.length) > max) continue;
        const edits = distance(text, key, max);
        if (edits > max) continue;
        const score = similarity(edits, text, key);
        for (const entry of keyVillages[id] as number[]) {
          const match = { edits, stripped: stripped || entry % 2 === 1, placeCost: 0, score };
          keepBetter(matches, entry >> 1, match);
        }
      }
    },
  };
}

/** The distinct bigrams of `^text$` (a normalised text: a-z, 0-9), each below {@link GRAM_SYMBOLS}². */
function bigrams(text: string): number[] {
  const grams: number[] = [];
  let previous = GRAM_START;
  for (let i = 0; i <= text.length; i++) {
    const symbol = i < text.length ? gramSymbol(text.charCodeAt(i)) : GRAM_END;
    const gram = previous * GRAM_SYMBOLS + symbol;
    if (!grams.includes(gram)) grams.push(gram);
    previous = symbol;
  }
  return grams;
}

function gramSymbol(code: number): number {
  return code >= 97 ? code - 97 : code - 48 + 26;
}

/** Districts, regencies and provinces with their normalised names, matched fuzzily. */
function createAreaMatcher(directory: VillageDirectory) {
  const areas = new Map<string, { level: PlaceLevel; texts: string[] }>();
  for (let position = 0; position < directory.size; position++) {
    const village = directory.areasAt(position) as VillageAreas;
    if (areas.has(village.district.code)) continue;
    areas.set(village.district.code, {
      level: 'district',
      texts: [normalizeName(village.district.name)],
    });
    const regencyWords = nameWords(village.regency.name);
    const withoutKind = LEVEL_WORDS[regencyWords[0] ?? ''] ? regencyWords.slice(1) : regencyWords;
    const regencyTexts = [withoutKind.join(''), regencyWords.join('')];
    areas.set(village.regency.code, { level: 'regency', texts: regencyTexts });
    const provinceTexts = [normalizeName(village.province.name)];
    provinceTexts.push(...(PROVINCE_ALIASES[village.province.code] ?? []));
    areas.set(village.province.code, { level: 'province', texts: provinceTexts });
  }
  return {
    match(term: PlaceForm[], distance: EditDistance): PlaceMatches {
      const matches: PlaceMatches = new Map();
      for (const form of term) {
        const max = maxEditsFor(form.text.length);
        for (const [code, area] of areas) {
          if (form.level !== 'any' && form.level !== area.level) continue;
          for (const text of area.texts) {
            const edits = distance(form.text, text, max);
            if (edits <= max && edits < (matches.get(code) ?? max + 1)) matches.set(code, edits);
          }
        }
      }
      return matches;
    },
  };
}

/** Optimal string alignment distance, or `max + 1` as soon as it must exceed `max`. */
type EditDistance = (a: string, b: string, max: number) => number;

/** An {@link EditDistance} that reuses its row buffers across calls (not re-entrant). */
function createEditDistance(): EditDistance {
  let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  return (a, b, max) => {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    if ((rows[0] as Int32Array).length <= b.length) {
      rows = rows.map(() => new Int32Array(b.length + 1));
    }
    let [beforePrevious, previous, current] = rows as [Int32Array, Int32Array, Int32Array];
    for (let j = 0; j <= b.length; j++) previous[j] = j;
    for (let i = 1; i <= a.length; i++) {
      const charA = a.charCodeAt(i - 1);
      current[0] = i;
      let rowMin = i;
      for (let j = 1; j <= b.length; j++) {
        const charB = b.charCodeAt(j - 1);
        let cost = Math.min(
          (previous[j] as number) + 1,
          (current[j - 1] as number) + 1,
          (previous[j - 1] as number) + (charA === charB ? 0 : 1),
        );
        if (i > 1 && j > 1 && charA === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === charB) {
          cost = Math.min(cost, (beforePrevious[j - 2] as number) + 1);
        }
        current[j] = cost;
        if (cost < rowMin) rowMin = cost;
      }
      if (rowMin > max) return max + 1;
      [beforePrevious, previous, current] = [previous, current, beforePrevious];
    }
    return Math.min(previous[b.length] as number, max + 1);
  };
}
