import { beforeAll, describe, expect, it } from 'vitest';
import { copyCsvField, csvFieldText, forEachCsvByteRow } from '../../src/domain/village-csv.js';
import {
  createVillageSearch,
  normalizeName,
  type VillageHit,
  type VillageSearch,
  type VillageSearchResult,
} from '../../src/domain/village-search.js';
import {
  displayName,
  loadVillageDirectory,
  parseCsv,
  type VillageDirectory,
  villageKind,
} from '../../src/domain/villages.js';

// Real villages picked from idn-area-data 4.0.1 (data ODbL-1.0).
const SUKAMAJU_CIBEBER = '32.03.03.2013'; // Sukamaju, Kec. Cibeber, Kab. Cianjur
const SUKAMAJU_IN_CIANJUR = ['32.03.01.2003', '32.03.03.2013', '32.03.18.2018', '32.03.29.2010'];
const SIDOMULYO_GODEAN = '34.04.02.2003'; // Sidomulyo, Kec. Godean, Kab. Sleman
const KEUDE_BAKONGAN = '11.01.01.2001'; // the only Keude Bakongan
const BOJONGSOANG = '32.04.08.2002'; // the only Bojongsoang, Kab. Bandung
const SOKAAN = '35.13.15.2017'; // spelled Soka"an in the data

let directory: VillageDirectory;
let villages: VillageSearch;

beforeAll(async () => {
  directory = await loadVillageDirectory();
  villages = createVillageSearch(directory);
});

function hits(result: VillageSearchResult): VillageHit[] {
  if (result.type !== 'found') throw new Error(`expected hits, got ${result.type}`);
  return result.hits;
}

function codes(query: string): string[] {
  return hits(villages.search(query)).map((hit) => hit.code);
}

describe('loadVillageDirectory', () => {
  it('holds all 83,762 villages: 8,496 kelurahan, 75,252 desa, 14 desa adat', () => {
    expect(directory.size).toBe(83_762);
    const villages = Array.from({ length: directory.size }, (_, position) =>
      directory.at(position),
    );
    expect(villages.every((village) => village !== undefined)).toBe(true);
    expect(directory.at(directory.size)).toBeUndefined();
    const kinds = villages.map((village) => villageKind(village?.code ?? ''));
    expect(kinds.filter((kind) => kind === 'kelurahan')).toHaveLength(8_496);
    expect(kinds.filter((kind) => kind === 'desa')).toHaveLength(75_252);
    expect(kinds.filter((kind) => kind === 'desa_adat')).toHaveLength(14);
  });

  it('looks a village up by its Kemendagri code, with its areas', () => {
    expect(directory.get(SUKAMAJU_CIBEBER)).toEqual({
      code: SUKAMAJU_CIBEBER,
      name: 'Sukamaju',
      district: { code: '32.03.03', name: 'Cibeber' },
      regency: { code: '32.03', name: 'Kabupaten Cianjur' },
      province: { code: '32', name: 'Jawa Barat' },
    });
    expect(directory.get('3203032013')).toBeUndefined();
    expect(directory.get('99.99.99.9999')).toBeUndefined();
  });

  it('reads quoted names with commas and doubled quotes', () => {
    expect(directory.get('14.02.09.2010')?.name).toBe('Lambang Sari I, II, III');
    expect(directory.get(SOKAAN)?.name).toBe('Soka"an');
  });
});

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, CRLF and a missing final newline', () => {
    expect(parseCsv('code,name\r\n1,"A, B"\n2,"Soka""an"\n\n3,')).toEqual([
      ['code', 'name'],
      ['1', 'A, B'],
      ['2', 'Soka"an'],
      ['3', ''],
    ]);
  });

  it('reads bytes as it reads text, a multi-byte name and an unclosed quote too', () => {
    const text = 'code,name\r\n1,"A, B"\n2,"Soka""an"\n\n3,\n4,Désa Ü\n"5",""\n6,"open""end';
    const bytes = Buffer.from(text);
    const rows: string[][] = [];
    forEachCsvByteRow(bytes, (row) => {
      rows.push(Array.from({ length: row.count }, (_, i) => csvFieldText(bytes, row, i)));
      const out = new Uint8Array(bytes.length);
      const last = row.count - 1;
      const copied = copyCsvField(bytes, row, last, out, 0);
      expect(Buffer.from(out.subarray(0, copied)).toString()).toBe(rows.at(-1)?.[last]);
    });
    expect(rows).toEqual(parseCsv(text));
    expect(rows.at(-1)).toEqual(['6', 'open"end']);
  });
});

describe('displayName', () => {
  it('title-cases all-capital names and keeps roman numerals', () => {
    expect(displayName('KAB. CIANJUR')).toBe('Kab. Cianjur');
    expect(displayName('SAWANG II')).toBe('Sawang II');
    expect(displayName('LAWE PETANDUK-II')).toBe('Lawe Petanduk-II');
    expect(displayName("REGAPU'U")).toBe("Regapu'u");
  });

  it('keeps names that already have their own casing', () => {
    expect(displayName('Matang Rayeuk SMK')).toBe('Matang Rayeuk SMK');
    expect(displayName('  Suka   Maju ')).toBe('Suka Maju');
  });
});

describe('village search', () => {
  it('finds an exact name first, every hit named so', () => {
    const found = hits(villages.search('Bojongsoang'));
    expect(found[0]).toEqual({
      code: BOJONGSOANG,
      name: 'Bojongsoang',
      district: 'Bojongsoang',
      regency: 'Kabupaten Bandung',
      province: 'Jawa Barat',
      score: 1,
    });
    const sukamaju = hits(villages.search('sukamaju'));
    expect(sukamaju.map((hit) => normalizeName(hit.name))).toEqual(Array(8).fill('sukamaju'));
    expect(sukamaju.map((hit) => hit.score)).toEqual(Array(8).fill(1));
  });

  it('ignores a leading "desa", "ds.", "kel.", "kelurahan" or "gampong"', () => {
    expect(codes('Desa Bojongsoang')[0]).toBe(BOJONGSOANG);
    expect(codes('ds. bojongsoang')[0]).toBe(BOJONGSOANG);
    expect(codes('Kel. Bojongsoang')[0]).toBe(BOJONGSOANG);
    expect(codes('kelurahan bojongsoang')[0]).toBe(BOJONGSOANG);
    expect(codes('gampong keude bakongan')[0]).toBe(KEUDE_BAKONGAN);
  });

  it('still finds names that begin with such a word', () => {
    const found = hits(villages.search('Kampung Baru'));
    expect(found.map((hit) => hit.name)).toEqual(Array(8).fill('Kampung Baru'));
  });

  it('ignores spaces and punctuation, so spellings with and without spaces meet', () => {
    const joined = codes('Sukamaju');
    expect(codes('Suka Maju')).toEqual(joined);
    expect(codes('suka-maju')).toEqual(joined);
    expect(codes('SUKA MAJU!')).toEqual(joined);
    expect(codes('Bojong Soang')[0]).toBe(BOJONGSOANG);
    expect(codes('soka an')[0]).toBe(SOKAAN);
    expect(codes('sokaan')[0]).toBe(SOKAAN);
  });

  it('forgives small typos: substitution, deletion, insertion, transposition', () => {
    expect(codes('Keude Bakogan')[0]).toBe(KEUDE_BAKONGAN);
    expect(codes('Keude Bakonggan')[0]).toBe(KEUDE_BAKONGAN);
    expect(codes('Kuede Bakongan')[0]).toBe(KEUDE_BAKONGAN);
    expect(codes('Bojongsaong')[0]).toBe(BOJONGSOANG);
    const typo = hits(villages.search('Bojongsoeng'))[0];
    expect(typo?.code).toBe(BOJONGSOANG);
    expect(typo?.score).toBeLessThan(1);
  });

  it('narrows by kecamatan after a comma', () => {
    expect(codes('Sukamaju, Cibeber')[0]).toBe(SUKAMAJU_CIBEBER);
    expect(codes('sukamaju, kec. cibeber')[0]).toBe(SUKAMAJU_CIBEBER);
    expect(codes('Sidomulyo, Godean')[0]).toBe(SIDOMULYO_GODEAN);
    const result = villages.search('Desa Sukamaju, Kecamatan Cibeber');
    expect(result).toMatchObject({ type: 'found', narrowing: 'applied' });
    expect(hits(result).every((hit) => hit.district === 'Cibeber')).toBe(true);
  });

  it('narrows by kecamatan with a typo in the name or the kecamatan', () => {
    expect(codes('Sukamjau, Cibeber')[0]).toBe(SUKAMAJU_CIBEBER);
    expect(codes('sidomulya, godaen')[0]).toBe(SIDOMULYO_GODEAN);
  });

  it('narrows by kabupaten/kota and by several areas', () => {
    expect(codes('Sukamaju, Kab. Cianjur').slice(0, 4)).toEqual(SUKAMAJU_IN_CIANJUR);
    expect(codes('sukamaju, kabupaten cianjur').slice(0, 4)).toEqual(SUKAMAJU_IN_CIANJUR);
    expect(codes('sukamaju, kec cibeber, cianjur')[0]).toBe(SUKAMAJU_CIBEBER);
    expect(codes('Sidomulyo, Sleman, Yogyakarta')[0]).toBe(SIDOMULYO_GODEAN);
  });

  it('tries the last words as the area when the comma is missing', () => {
    expect(codes('sukamaju cibeber')[0]).toBe(SUKAMAJU_CIBEBER);
  });

  it('ignores an area that holds no such village, and says so', () => {
    const result = villages.search('Bojongsoang, Atlantis');
    expect(result).toMatchObject({ type: 'found', narrowing: 'unmatched' });
    expect(hits(result)[0]?.code).toBe(BOJONGSOANG);
  });

  it('keeps the kabupaten that matches when the kecamatan does not, and names the part left out', () => {
    const result = villages.search('Sukamaju, Cibadak, Kabupaten Sukabumi');
    expect(result).toMatchObject({ type: 'found', narrowing: 'partial', unmatched: ['Cibadak'] });
    const found = hits(result);
    // The six Sukamaju of Kab. Sukabumi first (close names of the kabupaten after them).
    expect(found.slice(0, 6).map((hit) => hit.name)).toEqual(Array(6).fill('Sukamaju'));
    for (const hit of found) {
      expect(hit.regency).toMatch(/^Kab(upaten|\.)? Sukabumi$/i);
    }
  });

  it('names every part after a comma that matches no area, however many there are', () => {
    // 25 parts: tried as every subset, this built 2^25 lists before answering.
    const noise = Array.from({ length: 24 }, (_, i) => `qzx${String.fromCharCode(97 + i)}`);
    const result = villages.search(['Sukamaju', 'Kabupaten Sukabumi', ...noise].join(', '));
    expect(result).toMatchObject({ type: 'found', narrowing: 'partial', unmatched: noise });
    for (const hit of hits(result)) expect(hit.regency).toMatch(/^Kab(upaten|\.)? Sukabumi$/i);
  });

  it('answers none for a name far from every village', () => {
    expect(villages.search('Qwertyuiop')).toEqual({ type: 'none' });
    expect(villages.search('zzzz, Cibeber')).toEqual({ type: 'none' });
  });

  it('answers too_short under 3 letters, not counting the generic word', () => {
    expect(villages.search('')).toEqual({ type: 'too_short' });
    expect(villages.search('ab')).toEqual({ type: 'too_short' });
    expect(villages.search(' a-b ')).toEqual({ type: 'too_short' });
    expect(villages.search('desa ab')).toEqual({ type: 'too_short' });
    expect(villages.search(', Cibeber')).toEqual({ type: 'too_short' });
  });

  it('returns at most 8 hits by default, the limit when given, and the full count', () => {
    const result = villages.search('Sidomulyo');
    expect(hits(result)).toHaveLength(8);
    expect(result).toMatchObject({ type: 'found', narrowing: 'none' });
    expect(result.type === 'found' && result.total).toBeGreaterThanOrEqual(98);
    expect(hits(villages.search('Sidomulyo', { limit: 3 }))).toHaveLength(3);
  });

  it('orders ties by code, the same every time', () => {
    const first = codes('Sidomulyo');
    expect(first).toEqual([...first].sort());
    expect(codes('sidomulyo')).toEqual(first);
  });
});
