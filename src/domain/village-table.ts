/**
 * The village directory stored as a few flat arrays instead of 83,762 objects: a village
 * is a position in code order with its kecamatan (an index into the districts, which hold
 * the shared area objects), the last segment of its code as a number, and its name as a
 * range of one UTF-8 buffer. About 3.5 MB in all (half of it typed arrays) where the
 * objects took 22 MB of heap; `Village` objects are made on demand, a few per message.
 */
import { forEachCsvRow } from './village-csv.js';
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
/** Highest UTF-16 code unit that is one byte of UTF-8. */
const ASCII_MAX = 127;
/** Most UTF-8 bytes one UTF-16 code unit becomes. */
const UTF8_BYTES_PER_UNIT_MAX = 3;

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
 * The directory over the rows of villages.csv (`code,district_code,name`, header first).
 * `districts` are every kecamatan with its kabupaten and province.
 * @throws Error on a malformed row, an unknown kecamatan or a duplicate code.
 */
export function createVillageDirectory(
  csv: string,
  districts: readonly VillageAreas[],
): VillageDirectory {
  const byCode = [...districts].sort((a, b) => compareCodes(a.district.code, b.district.code));
  const districtIndex = new Map(byCode.map((areas, i) => [areas.district.code, i]));
  let columns = readColumns(csv, districtIndex);
  // The file comes ordered by code; sorted only when a release does not.
  if (!isOrdered(columns)) columns = reorder(columns);
  const { size, district, suffix, nameOffsets, names } = columns;
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
function readColumns(csv: string, districtIndex: Map<string, number>): VillageColumns {
  let lines = 1;
  for (let at = csv.indexOf('\n'); at >= 0; at = csv.indexOf('\n', at + 1)) lines++;
  const district = new Uint32Array(lines);
  const suffix = new Uint16Array(lines);
  const nameOffsets = new Uint32Array(lines + 1);
  // Names are about a third of the file; the buffer grows if a release has longer ones.
  let names: Uint8Array = new Uint8Array(Math.ceil(csv.length / 3));
  let width = -1;
  let size = 0;
  forEachCsvRow(csv, (fields) => {
    if (width < 0) {
      width = fields.length;
      return;
    }
    const [code = '', parent = ''] = fields;
    const parentOk = width === 2 || code.startsWith(`${parent}.`);
    if (fields.length !== width || !isVillageCode(code) || !parentOk) {
      throw new Error(`idn-area-data villages.csv data row ${size + 1}: malformed "${fields}"`);
    }
    const districtCode = code.slice(0, DISTRICT_CODE_LENGTH);
    const index = districtIndex.get(districtCode);
    if (index === undefined) {
      throw new Error(`idn-area-data villages.csv: unknown parent code "${districtCode}"`);
    }
    district[size] = index;
    suffix[size] = Number(code.slice(DISTRICT_CODE_LENGTH + 1));
    const name = fields[width - 1] ?? '';
    const start = nameOffsets[size] as number;
    while (names.length < start + name.length * UTF8_BYTES_PER_UNIT_MAX) names = grown(names);
    nameOffsets[++size] = start + writeUtf8(name, names, start);
  });
  const used = nameOffsets[size] as number;
  return {
    size,
    district: district.slice(0, size),
    suffix: suffix.slice(0, size),
    nameOffsets: nameOffsets.slice(0, size + 1),
    names: Buffer.from(names.subarray(0, used)),
  };
}

/**
 * {@link VILLAGE_CODE_FORMAT} without a regular expression: V8 keeps the last string a
 * regular expression read, and a code read from the file is a slice that would keep the
 * whole 2.8 MB text alive after loading.
 */
function isVillageCode(code: string): boolean {
  if (code.length !== VILLAGE_CODE_LENGTH) return false;
  for (let i = 0; i < VILLAGE_CODE_LENGTH; i++) {
    const char = code.charCodeAt(i);
    const fits =
      i === 2 || i === 5 || i === 8
        ? char === DOT
        : i === 9
          ? char >= DIGIT_ONE && char <= DIGIT_THREE
          : char >= DIGIT_ZERO && char <= DIGIT_NINE;
    if (!fits) return false;
  }
  return true;
}

function grown(bytes: Uint8Array): Uint8Array {
  const larger = new Uint8Array(Math.max(1024, bytes.length * 2));
  larger.set(bytes);
  return larger;
}

const encoder = new TextEncoder();

/** Writes `text` as UTF-8 into `bytes` at `at`; returns the bytes written. */
function writeUtf8(text: string, bytes: Uint8Array, at: number): number {
  // Names are ASCII but for a few: a byte each, without a call into the encoder.
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit > ASCII_MAX) return encoder.encodeInto(text, bytes.subarray(at)).written;
    bytes[at + i] = unit;
  }
  return text.length;
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
