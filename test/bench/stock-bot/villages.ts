/**
 * The stock bot's village list: idn-area-data's CSV files read at start, and a plain
 * substring search over the names, as a bot written from scratch would do it.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** Hits shown as buttons. */
export const VILLAGE_HITS = 9;

/** One village with the names of its district and regency. */
export interface Village {
  code: string;
  name: string;
  district: string;
  regency: string;
}

/** The villages, in file order. */
export function loadVillages(): Village[] {
  const dir = path.join(
    path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')),
    'data',
  );
  const names = (file: string) =>
    new Map(rows(path.join(dir, file)).map(([code, , name]) => [code, name]));
  const districts = new Map(
    rows(path.join(dir, 'districts.csv')).map(([code, regency, name]) => [code, { regency, name }]),
  );
  const regencies = names('regencies.csv');
  return rows(path.join(dir, 'villages.csv')).map(([code, districtCode, name]) => {
    const district = districts.get(districtCode);
    return {
      code,
      name,
      district: district?.name ?? '',
      regency: regencies.get(district?.regency ?? '') ?? '',
    };
  });
}

/** Up to {@link VILLAGE_HITS} villages whose name contains the typed text. */
export function searchVillages(villages: Village[], typed: string): Village[] {
  const needle = typed
    .toLowerCase()
    .replace(/^(desa|kelurahan|kel\.)\s+/, '')
    .trim();
  if (needle.length < 3) return [];
  const hits: Village[] = [];
  for (const village of villages) {
    if (village.name.toLowerCase().includes(needle)) hits.push(village);
    if (hits.length === VILLAGE_HITS) break;
  }
  return hits;
}

/** Rows of a CSV file without its header: code, parent code, name (quotes taken off). */
function rows(file: string): [string, string, string][] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.length > 0)
    .map((line) => {
      const [code = '', parent = '', ...rest] = line.split(',');
      return [code, parent, rest.join(',').replace(/^"|"$/g, '').replace(/""/g, '"')];
    });
}
