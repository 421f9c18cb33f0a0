/**
 * The directory of Indonesia's desa/kelurahan, read from the CSV files of the
 * `idn-area-data` package (data © idn-area-data contributors, ODbL-1.0: public
 * outputs need the attribution "Berisi data dari idn-area-data (ODbL)").
 *
 * Codes are Kemendagri codes (Kepmendagri 300.2.2-2138/2025), dotted and
 * hierarchical, each level extending its parent's code:
 *
 * | level              | format          | example         | note                               |
 * | ------------------ | --------------- | --------------- | ---------------------------------- |
 * | provinsi           | `PP`            | `32`            |                                    |
 * | kabupaten/kota     | `PP.KK`         | `32.03`         | `01`-`69` kabupaten, `71`-`99` kota |
 * | kecamatan          | `PP.KK.CC`      | `32.03.03`      |                                    |
 * | desa/kelurahan     | `PP.KK.CC.TNNN` | `32.03.03.2013` | T: 1 kelurahan, 2 desa, 3 desa adat |
 *
 * They are not BPS codes (undotted, 7-digit kecamatan): never mix the two.
 * Store the code, never the name: names repeat (65 villages are called Sukamaju).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

/** A province, regency or district: its Kemendagri code and its name as the data spells it. */
export interface Area {
  code: string;
  name: string;
}

/** One desa/kelurahan with the names of the areas it lies in. */
export interface Village {
  /** Kemendagri code `PP.KK.CC.TNNN`, e.g. `32.03.03.2013`. */
  code: string;
  name: string;
  /** The kecamatan. */
  district: Area;
  /** The kabupaten or kota; its name starts with "Kabupaten " or "Kota ". */
  regency: Area;
  province: Area;
}

/** What kind of village a code names, from the first digit of its last segment. */
export type VillageKind = 'kelurahan' | 'desa' | 'desa_adat';

/** All villages in memory, looked up by code. Read-only once loaded. */
export interface VillageDirectory {
  /** The village with this code, or undefined for an unknown or malformed code. */
  get(code: string): Village | undefined;
  /** Every village, ordered by code. */
  readonly villages: readonly Village[];
  /** Number of villages (83,762 in idn-area-data 4.0.1). */
  readonly size: number;
}

const CODE_FORMATS = {
  provinces: /^\d{2}$/,
  regencies: /^\d{2}\.\d{2}$/,
  districts: /^\d{2}\.\d{2}\.\d{2}$/,
  villages: /^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$/,
} as const;

type AreaFile = keyof typeof CODE_FORMATS;

const KIND_BY_DIGIT: Record<string, VillageKind> = {
  '1': 'kelurahan',
  '2': 'desa',
  '3': 'desa_adat',
};

const COMMA = 44;
const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

/** Roman numerals up to 39, the range village and district names use ("Sawang II", "Koto XI"). */
const ROMAN_NUMERAL = /^X{0,3}(IX|IV|V?I{0,3})$/;

/** The `data/` folder of the installed `idn-area-data` package. */
export function defaultVillageDataDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('idn-area-data/package.json');
  return path.join(path.dirname(packageJson), 'data');
}

/**
 * Reads provinces, regencies, districts and villages from `dataDir` into memory.
 * Call once at start-up (0.2-0.4 s on a 2-core machine); the result is shared read-only.
 * @throws Error when a file is missing, a code is malformed or a parent code is unknown:
 *   the installed data is broken, which no user input can cause.
 */
export async function loadVillageDirectory(
  dataDir: string = defaultVillageDataDir(),
): Promise<VillageDirectory> {
  const [provinces, regencies, districts, villageRows] = await Promise.all(
    (['provinces', 'regencies', 'districts', 'villages'] as const).map((file) =>
      readRows(dataDir, file),
    ),
  );
  const provinceByCode = areasByCode(provinces ?? [], 'provinces');
  const regencyByCode = areasByCode(regencies ?? [], 'regencies');
  const districtByCode = areasByCode(districts ?? [], 'districts');
  const parentOf = (areas: Map<string, Area>, code: string, file: AreaFile): Area => {
    const area = areas.get(code);
    if (!area) throw new Error(`idn-area-data ${file}.csv: unknown parent code "${code}"`);
    return area;
  };
  // Fail now, not on the first lookup, if a regency or district points nowhere.
  for (const [code] of regencyByCode) parentOf(provinceByCode, code.slice(0, 2), 'regencies');
  for (const [code] of districtByCode) parentOf(regencyByCode, code.slice(0, 5), 'districts');

  const villages: Village[] = (villageRows ?? []).map(([code, , name]) => ({
    code,
    name,
    district: parentOf(districtByCode, code.slice(0, 8), 'villages'),
    regency: parentOf(regencyByCode, code.slice(0, 5), 'villages'),
    province: parentOf(provinceByCode, code.slice(0, 2), 'villages'),
  }));
  // The file comes ordered by code; sorted only when a release does not.
  const ordered = villages.every((v, i) => i === 0 || (villages[i - 1] as Village).code < v.code);
  if (!ordered) villages.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const byCode = new Map(villages.map((village) => [village.code, village]));
  if (byCode.size !== villages.length) {
    throw new Error('idn-area-data villages.csv: duplicate codes');
  }
  return { get: (code) => byCode.get(code), villages, size: villages.length };
}

/** Kelurahan, desa or desa adat, read from the code; undefined for a malformed code. */
export function villageKind(code: string): VillageKind | undefined {
  if (!CODE_FORMATS.villages.test(code)) return undefined;
  return KIND_BY_DIGIT[code.charAt(9)];
}

/**
 * A name fit to show: an all-capitals name ("KAB. CIANJUR") becomes title case
 * ("Kab. Cianjur") with roman numerals kept ("SAWANG II" → "Sawang II"). A name that
 * already has lower-case letters is the source's own casing ("Matang Rayeuk SMK") and
 * is only trimmed, with runs of spaces collapsed.
 */
export function displayName(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  if (trimmed !== trimmed.toUpperCase()) return trimmed;
  return trimmed.replace(/[\p{L}\p{N}]+/gu, (word, offset: number) => {
    if (ROMAN_NUMERAL.test(word)) return word;
    const lower = word.toLowerCase();
    // Letters right after an apostrophe or quote continue the word: "SOKA'AN" → "Soka'an".
    const previous = trimmed.charAt(offset - 1);
    if (offset > 0 && /['"’`]/.test(previous)) return lower;
    return lower.charAt(0).toUpperCase() + lower.slice(1);
  });
}

/**
 * Parses RFC 4180 CSV: comma-separated, fields optionally in double quotes, a doubled
 * quote inside quotes is one quote, quoted fields may hold commas and line breaks.
 * Accepts LF and CRLF line ends; skips empty lines.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let at = 0;
  while (at <= text.length) {
    const [field, next] = text[at] === '"' ? quotedField(text, at) : plainField(text, at);
    row.push(field);
    at = next;
    if (text[at] === ',') {
      at++;
      continue;
    }
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    at += text.startsWith('\r\n', at) ? 2 : 1;
  }
  return rows;
}

/** An unquoted field starting at `at`, and the index of the delimiter after it. */
function plainField(text: string, at: number): [string, number] {
  let end = at;
  while (end < text.length) {
    const char = text.charCodeAt(end);
    if (char === COMMA || char === LINE_FEED || char === CARRIAGE_RETURN) break;
    end++;
  }
  return [text.slice(at, end), end];
}

/** A quoted field whose opening quote is at `at`, and the index of the delimiter after it. */
function quotedField(text: string, at: number): [string, number] {
  let value = '';
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) return [value + text.slice(from), text.length];
    value += text.slice(from, quote);
    if (text[quote + 1] !== '"') return [value, quote + 1];
    value += '"';
    from = quote + 2;
  }
}

/** Rows of `file` without the header as `[code, parentCode, name]`; provinces have no parent (""). */
async function readRows(dataDir: string, file: AreaFile): Promise<[string, string, string][]> {
  const text = await readFile(path.join(dataDir, `${file}.csv`), 'utf8');
  const [header, ...rows] = parseCsv(text.replace(/^\uFEFF/, ''));
  const width = header?.length ?? 0;
  return rows.map((row, index) => {
    const code = row[0] ?? '';
    const parent = width === 2 ? '' : (row[1] ?? '');
    const parentOk = width === 2 || code.startsWith(`${parent}.`);
    if (row.length !== width || !CODE_FORMATS[file].test(code) || !parentOk) {
      throw new Error(`idn-area-data ${file}.csv data row ${index + 1}: malformed "${row}"`);
    }
    return [code, parent, row[width - 1] ?? ''];
  });
}

function areasByCode(rows: [string, string, string][], file: AreaFile): Map<string, Area> {
  const areas = new Map<string, Area>();
  for (const [code, , name] of rows) {
    if (areas.has(code)) throw new Error(`idn-area-data ${file}.csv: duplicate code "${code}"`);
    areas.set(code, { code, name });
  }
  return areas;
}
