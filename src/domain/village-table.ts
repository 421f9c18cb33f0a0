/**
 * The village directory stored as a few flat arrays instead of 83,762 objects: a village
 * is a position in code order with its kecamatan (an index into the districts, which hold
 * the shared area objects), the last segment of its code as a number, and its name as a
 * range of one UTF-8 buffer. About 3.5 MB in all (half of it typed arrays) where the
 * objects took 22 MB of heap; `Village` objects are made on demand, a few per message.
 */
import { type CsvByteRow, copyCsvField, csvFieldText, forEachCsvByteRow } from './village-csv.js';
import type { Village, VillageAreas, VillageDirectory } from './villages.js';

/** A desa/kelurahan code: `PP.KK.CC.TNNN` (see villages.ts). */
export const VILLAGE_CODE_FORMAT = /^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$/;

/** Length of a kecamatan code `PP.KK.CC`, the prefix of its villages' codes. */
const DISTRICT_CODE_LENGTH = 8;
/** Length of a desa/kelurahan code `PP.KK.CC.TNNN`. */
const VILLAGE_CODE_LENGTH = 13;
const DOT = 46;
const DIGIT_ZERO = 48;
const DIGIT_ONE = 49;
const DIGIT_THREE = 51;
const DIGIT_NINE = 57;
const LINE_FEED = 10;
/** Where the digits of `PPKKCC` and of `TNNN` sit in a code `PP.KK.CC.TNNN`. */
const DISTRICT_DIGITS = [0, 1, 3, 4, 6, 7];
const SUFFIX_DIGITS = [9, 10, 11, 12];

/** The villages as parallel arrays, one entry per village. */
interface VillageColumns {
  size: number;
  /** Index into the districts. */
  district: Uint32Array;
  /** The code's last segment, `TNNN` (1000-3999). */
  suffix: Uint16Array;
  /** Village `i`'s name is `names[nameOffsets[i]..nameOffsets[i + 1]]`. */
  nameOffsets: Uint32Array;
  names: Buffer;
}

/**
 * The directory over the rows of villages.csv (UTF-8 bytes: `code,district_code,name`,
 * header first).
 * `districts` are every kecamatan with its kabupaten and province.
 * @throws Error on a malformed row, an unknown kecamatan or a duplicate code.
 */
export function createVillageDirectory(
  csv: Uint8Array,
  districts: readonly VillageAreas[],
): VillageDirectory {
  const byCode = [...districts].sort((a, b) => compareCodes(a.district.code, b.district.code));
  const districtByNumber = new Map(
    byCode.map((areas, i) => [districtNumber(areas.district.code), i]),
  );
  const columns = readColumns(csv, districtByNumber);
  // The file comes ordered by code; sorted only when a release does not.
  return directoryOver(isOrdered(columns) ? columns : reorder(columns), byCode);
}

/** The directory over columns ordered by code, `byCode` being the districts in code order. */
function directoryOver(columns: VillageColumns, byCode: VillageAreas[]): VillageDirectory {
  const { size, district, suffix, nameOffsets, names } = columns;
  const districtIndex = new Map(byCode.map((areas, i) => [areas.district.code, i]));
  // The villages of district d are the positions districtStart[d] to districtStart[d + 1].
  const districtStart = new Uint32Array(byCode.length + 1);
  for (let i = 0; i < size; i++) {
    const next = (district[i] as number) + 1;
    districtStart[next] = (districtStart[next] as number) + 1;
  }
  for (let d = 0; d < byCode.length; d++) {
    districtStart[d + 1] = (districtStart[d + 1] as number) + (districtStart[d] as number);
  }

  const inRange = (position: number) =>
    Number.isInteger(position) && position >= 0 && position < size;
  const nameAt = (position: number) =>
    names.toString('utf8', nameOffsets[position], nameOffsets[position + 1]);
  const areasAt = (position: number) => byCode[district[position] as number] as VillageAreas;
  const at = (position: number): Village | undefined => {
    if (!inRange(position)) return undefined;
    const { district: kecamatan, regency, province } = areasAt(position);
    const code = `${kecamatan.code}.${suffix[position]}`;
    return { code, name: nameAt(position), district: kecamatan, regency, province };
  };
  const positionOf = (code: string): number => {
    if (!VILLAGE_CODE_FORMAT.test(code)) return -1;
    const d = districtIndex.get(code.slice(0, DISTRICT_CODE_LENGTH));
    if (d === undefined) return -1;
    const wanted = Number(code.slice(DISTRICT_CODE_LENGTH + 1));
    const end = districtStart[d + 1] as number;
    const found = lowerBound(
      districtStart[d] as number,
      end,
      (i) => (suffix[i] as number) < wanted,
    );
    return found < end && suffix[found] === wanted ? found : -1;
  };
  // "/" sorts right after ".", so codes from `code` up to `${code}/` are the area's own.
  const firstDistrict = (code: string) =>
    lowerBound(0, byCode.length, (d) => (byCode[d]?.district.code as string) < code);

  return {
    size,
    get: (code) => at(positionOf(code)),
    at,
    areasAt: (position) => (inRange(position) ? areasAt(position) : undefined),
    nameAt: (position) => (inRange(position) ? nameAt(position) : undefined),
    range(code) {
      const position = positionOf(code);
      if (position >= 0) return [position, position + 1];
      const from = districtStart[firstDistrict(code)] as number;
      return [from, districtStart[firstDistrict(`${code}/`)] as number];
    },
  };
}

/** The first index in [from, to) where `before` turns false (it must be true, then false). */
function lowerBound(from: number, to: number, before: (index: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads every data row into columns, checking its code and its kecamatan. */
function readColumns(csv: Uint8Array, districtByNumber: Map<number, number>): VillageColumns {
  let lines = 1;
  for (let at = csv.indexOf(LINE_FEED); at >= 0; at = csv.indexOf(LINE_FEED, at + 1)) lines++;
  const district = new Uint32Array(lines);
  const suffix = new Uint16Array(lines);
  const nameOffsets = new Uint32Array(lines + 1);
  // A name is never longer than its row, so the file's size bounds them all.
  const names = new Uint8Array(csv.length);
  let width = -1;
  let size = 0;
  forEachCsvByteRow(csv, (row) => {
    if (width < 0) {
      width = row.count;
      return;
    }
    const code = row.start[0] as number;
    if (row.count !== width || !isVillageCode(csv, row) || !parentFits(csv, row, width)) {
      const fields = Array.from({ length: row.count }, (_, i) => csvFieldText(csv, row, i));
      throw new Error(`idn-area-data villages.csv data row ${size + 1}: malformed "${fields}"`);
    }
    const index = districtByNumber.get(digits(csv, code, DISTRICT_DIGITS));
    if (index === undefined) {
      const districtCode = Buffer.from(csv.subarray(code, code + DISTRICT_CODE_LENGTH));
      throw new Error(`idn-area-data villages.csv: unknown parent code "${districtCode}"`);
    }
    district[size] = index;
    suffix[size] = digits(csv, code, SUFFIX_DIGITS);
    const start = nameOffsets[size] as number;
    nameOffsets[++size] = start + copyCsvField(csv, row, width - 1, names, start);
  });
  return {
    size,
    district: district.slice(0, size),
    suffix: suffix.slice(0, size),
    nameOffsets: nameOffsets.slice(0, size + 1),
    names: Buffer.from(names.subarray(0, nameOffsets[size])),
  };
}

/** The number the digits at `offsets` (from `at`) spell: the code without its dots. */
function digits(bytes: Uint8Array, at: number, offsets: readonly number[]): number {
  let value = 0;
  for (const offset of offsets) value = value * 10 + (bytes[at + offset] as number) - DIGIT_ZERO;
  return value;
}

/** The kecamatan code `PP.KK.CC` as the number `PPKKCC`, as {@link digits} reads it. */
function districtNumber(code: string): number {
  return Number(code.replaceAll('.', ''));
}

/** The first field is a village code: {@link VILLAGE_CODE_FORMAT}, on bytes. */
function isVillageCode(bytes: Uint8Array, row: CsvByteRow): boolean {
  const from = row.start[0] as number;
  if ((row.end[0] as number) - from !== VILLAGE_CODE_LENGTH) return false;
  for (let i = 0; i < VILLAGE_CODE_LENGTH; i++) {
    const byte = bytes[from + i] as number;
    const fits =
      i === 2 || i === 5 || i === 8
        ? byte === DOT
        : i === 9
          ? byte >= DIGIT_ONE && byte <= DIGIT_THREE
          : byte >= DIGIT_ZERO && byte <= DIGIT_NINE;
    if (!fits) return false;
  }
  return true;
}

/** The code starts with the parent code (the second field) and a dot, as the old reader checked. */
function parentFits(bytes: Uint8Array, row: CsvByteRow, width: number): boolean {
  if (width === 2) return true;
  const code = row.start[0] as number;
  const parent = row.start[1] as number;
  const length = (row.end[1] as number) - parent;
  for (let i = 0; i < length; i++) {
    if (bytes[code + i] !== bytes[parent + i]) return false;
  }
  return bytes[code + length] === DOT && length < VILLAGE_CODE_LENGTH;
}

/** True when the codes rise strictly: ordered and without duplicates. */
function isOrdered({ size, district, suffix }: VillageColumns): boolean {
  for (let i = 1; i < size; i++) {
    const step = (district[i] as number) - (district[i - 1] as number);
    if (step < 0 || (step === 0 && (suffix[i] as number) <= (suffix[i - 1] as number))) {
      return false;
    }
  }
  return true;
}

/** The columns sorted by code. @throws Error on a duplicate code. */
function reorder(columns: VillageColumns): VillageColumns {
  const { size, district, suffix, nameOffsets, names } = columns;
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (a, b) =>
      (district[a] as number) - (district[b] as number) ||
      (suffix[a] as number) - (suffix[b] as number),
  );
  const sorted: VillageColumns = {
    size,
    district: new Uint32Array(size),
    suffix: new Uint16Array(size),
    nameOffsets: new Uint32Array(size + 1),
    names: Buffer.alloc(names.length),
  };
  order.forEach((from, to) => {
    sorted.district[to] = district[from] as number;
    sorted.suffix[to] = suffix[from] as number;
    const start = sorted.nameOffsets[to] as number;
    const copied = names.copy(sorted.names, start, nameOffsets[from], nameOffsets[from + 1]);
    sorted.nameOffsets[to + 1] = start + copied;
  });
  if (!isOrdered(sorted)) throw new Error('idn-area-data villages.csv: duplicate codes');
  return sorted;
}
