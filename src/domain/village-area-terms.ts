/**
 * The areas a person names after the comma ("sukamaju, kec cibeber, cianjur"): each part
 * read as a kecamatan, kabupaten/kota or province, matched fuzzily against every area's
 * name, and the cost of a village's areas against the parts.
 */
import {
  type EditDistance,
  MIN_QUERY_CHARS,
  maxEditsFor,
  nameWords,
  normalizeName,
} from './village-names.js';
import type { VillageAreas, VillageDirectory } from './villages.js';

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

/** The level of an area. */
type PlaceLevel = 'district' | 'regency' | 'province';
/** One reading of a part after the comma: an area of this level called `text`. */
export type PlaceForm = { level: PlaceLevel | 'any'; text: string };
/** Area code → edits between the part and the area's name. */
export type PlaceMatches = Map<string, number>;

/**
 * The alternatives one narrowing term stands for: "kec cibeber" → district "cibeber" (or
 * any area called "keccibeber"); "kota baru" → regency "baru" or any area "kotabaru";
 * "cianjur" → any level. Terms under {@link MIN_QUERY_CHARS} are dropped.
 */
export function parsePlaceTerm(text: string): PlaceForm[] {
  const words = nameWords(text);
  const full = words.join('');
  const forms: PlaceForm[] = full.length >= MIN_QUERY_CHARS ? [{ level: 'any', text: full }] : [];
  const level = words.length > 1 ? LEVEL_WORDS[words[0] as string] : undefined;
  const rest = words.slice(1).join('');
  if (level && rest.length >= MIN_QUERY_CHARS) forms.unshift({ level, text: rest });
  return forms;
}

/** Sum over the terms of the edits of the best matching area; undefined if a term misses. */
export function placeCostOf(areas: VillageAreas, termMatches: PlaceMatches[]): number | undefined {
  let total = 0;
  for (const matches of termMatches) {
    let best = Number.POSITIVE_INFINITY;
    for (const area of [areas.district, areas.regency, areas.province]) {
      best = Math.min(best, matches.get(area.code) ?? best);
    }
    if (best === Number.POSITIVE_INFINITY) return undefined;
    total += best;
  }
  return total;
}

/** Districts, regencies and provinces with their normalised names, matched fuzzily. */
export function createAreaMatcher(directory: VillageDirectory) {
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
