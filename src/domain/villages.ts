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
import { parseCsv } from './village-csv.js';
import { createVillageDirectory, VILLAGE_CODE_FORMAT } from './village-table.js';

export { parseCsv } from './village-csv.js';

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

/** The kecamatan, kabupaten/kota and province a village lies in. */
export type VillageAreas = Pick<Village, 'district' | 'regency' | 'province'>;

/** What kind of village a code names, from the first digit of its last segment. */
export type VillageKind = 'kelurahan' | 'desa' | 'desa_adat';

/**
 * All villages in memory, looked up by code or by position in code order (0 to
 * `size - 1`). Read-only once loaded. Stored compactly (village-table.ts): `get` and `at`
 * make a new `Village` on each call, while the area objects are shared.
 */
export interface VillageDirectory {
  /** The village with this code, or undefined for an unknown or malformed code. */
  get(code: string): Village | undefined;
  /** The village at `position` in code order, or undefined outside 0 to `size - 1`. */
  at(position: number): Village | undefined;
  /** The name of the village at `position`, without making its `Village`. */
  nameAt(position: number): string | undefined;
  /** The areas of the village at `position`: shared objects, so loops allocate nothing. */
  areasAt(position: number): VillageAreas | undefined;
  /**
   * Positions `[from, to)` of the villages lying in the area with this code (a province,
   * kabupaten/kota or kecamatan), or of the village itself; `from === to` when none does.
   */
  range(code: string): [number, number];
  /** Number of villages (83,762 in idn-area-data 4.0.1). */
  readonly size: number;
}

const CODE_FORMATS = {
  provinces: /^\d{2}$/,
  regencies: /^\d{2}\.\d{2}$/,
  districts: /^\d{2}\.\d{2}\.\d{2}$/,
  villages: VILLAGE_CODE_FORMAT,
} as const;

type AreaFile = keyof typeof CODE_FORMATS;

const KIND_BY_DIGIT: Record<string, VillageKind> = {
  '1': 'kelurahan',
  '2': 'desa',
  '3': 'desa_adat',
};

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Roman numerals up to 39, the range village and district names use ("Sawang II", "Koto XI"). */
const ROMAN_NUMERAL = /^X{0,3}(IX|IV|V?I{0,3})$/;

/** The `data/` folder of the installed `idn-area-data` package. */
export function defaultVillageDataDir(): string {
  const packageJson = createRequire(import.meta.url).resolve('idn-area-data/package.json');
  return path.join(path.dirname(packageJson), 'data');
}

/**
 * Reads provinces, regencies, districts and villages from `dataDir` into memory.
 * Call once at start-up (0.1-0.2 s on a 2-core machine); the result is shared read-only.
 * @throws Error when a file is missing, a code is malformed or a parent code is unknown:
 *   the installed data is broken, which no user input can cause.
 */
export async function loadVillageDirectory(
  dataDir: string = defaultVillageDataDir(),
): Promise<VillageDirectory> {
  const [provinces, regencies, districts, villagesCsv] = await Promise.all([
    readRows(dataDir, 'provinces'),
    readRows(dataDir, 'regencies'),
    readRows(dataDir, 'districts'),
    readFile(path.join(dataDir, 'villages.csv')),
  ]);
  const provinceByCode = areasByCode(provinces, 'provinces');
  const regencyByCode = areasByCode(regencies, 'regencies');
  const parentOf = <T>(parents: Map<string, T>, code: string, file: AreaFile): T => {
    const parent = parents.get(code);
    if (!parent) throw new Error(`idn-area-data ${file}.csv: unknown parent code "${code}"`);
    return parent;
  };
  // Fail now, not on the first lookup, if a regency or district points nowhere.
  const regencyAreas = new Map<string, Omit<VillageAreas, 'district'>>();
  for (const [code, regency] of regencyByCode) {
    const province = parentOf(provinceByCode, code.slice(0, 2), 'regencies');
    regencyAreas.set(code, { regency, province });
  }
  const districtAreas = [...areasByCode(districts, 'districts')].map(([code, district]) => ({
    district,
    ...parentOf(regencyAreas, code.slice(0, 5), 'districts'),
  }));
  const bom = villagesCsv.subarray(0, UTF8_BOM.length).equals(UTF8_BOM);
  return createVillageDirectory(
    bom ? villagesCsv.subarray(UTF8_BOM.length) : villagesCsv,
    districtAreas,
  );
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

/** Rows of `file` without the header as `[code, parentCode, name]`; provinces have no parent (""). */
async function readRows(dataDir: string, file: AreaFile): Promise<[string, string, string][]> {
  const [header, ...rows] = parseCsv(await readCsv(dataDir, file));
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

/** The text of `file`, without a byte order mark. */
async function readCsv(dataDir: string, file: AreaFile): Promise<string> {
  const text = await readFile(path.join(dataDir, `${file}.csv`), 'utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function areasByCode(rows: [string, string, string][], file: AreaFile): Map<string, Area> {
  const areas = new Map<string, Area>();
  for (const [code, , name] of rows) {
    if (areas.has(code)) throw new Error(`idn-area-data ${file}.csv: duplicate code "${code}"`);
    areas.set(code, { code, name });
  }
  return areas;
}
