import { describe, expect, it } from 'vitest';
import {
  allowedTypos,
  editDistance,
  foldLabel,
  matchLabel,
  normalize,
  parseNumber,
  parseOptionNumber,
  parseOptionNumbers,
  parseYesNo,
} from '../../../src/core/flow/parse.js';

describe('normalize', () => {
  it('lower-cases, trims, collapses spaces and drops trailing punctuation', () => {
    expect(normalize('  Menu   Utama!! ')).toBe('menu utama');
    expect(normalize('Ya.')).toBe('ya');
    expect(normalize('')).toBe('');
  });
});

describe('parseNumber', () => {
  it.each([
    ['15', 15],
    ['0', 0],
    ['15 menit', 15],
    ['15 %', 15],
    ['  42  ', 42],
    ['1.000', 1000],
    ['1.000.000', 1_000_000],
    ['1.000 rupiah', 1000],
    ['-3', -3],
    ['15.', 15],
    ['1️⃣5️⃣', 15],
  ])('reads digits %j as %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each([
    ['nol', 0],
    ['lima', 5],
    ['sepuluh', 10],
    ['sebelas', 11],
    ['dua belas', 12],
    ['lima belas', 15],
    ['lima belas menit', 15],
    ['lima orang', 5],
    ['dua puluh', 20],
    ['dua puluh lima', 25],
    ['Dua Puluh Lima', 25],
    ['seratus', 100],
    ['seratus sebelas', 111],
    ['seratus dua puluh', 120],
    ['tiga ratus lima puluh', 350],
    ['seribu', 1000],
    ['seribu lima ratus', 1500],
    ['dua ribu dua puluh empat', 2024],
    ['dua ratus lima puluh ribu', 250_000],
    ['satu juta dua ratus ribu', 1_200_000],
    ['five', 5],
    ['twelve', 12],
    ['twenty five', 25],
    ['twenty-five', 25],
    ['one hundred and twenty', 120],
    ['two thousand', 2000],
  ])('reads number words %j as %d', (input, expected) => {
    expect(parseNumber(input)).toBe(expected);
  });

  it.each(['abc', '', '   ', '1,5', '1.5', '12.50', 'menit 15', 'ribu', 'belas'])(
    'rejects %j',
    (input) => {
      expect(parseNumber(input)).toBeUndefined();
    },
  );

  it('rejects digit words in a row rather than adding them up', () => {
    // "dua lima" is said for 25 as often as for anything; 7 would be silently wrong.
    expect(parseNumber('dua lima')).toBeUndefined();
    expect(parseNumber('satu dua tiga')).toBeUndefined();
    expect(parseNumber('twenty thirty')).toBeUndefined();
  });
});

describe('parseYesNo', () => {
  it.each([
    'ya',
    'Ya',
    'YA!',
    'iya',
    'y',
    'ok',
    'oke',
    'yes',
    'benar',
    'boleh',
    'siap',
    'nggih',
    '1',
    '1️⃣',
    'ya benar',
    'ya, benar',
    'Iya, boleh.',
  ])('reads %j as yes', (input) => {
    expect(parseYesNo(input)).toBe(true);
  });

  it.each([
    'tidak',
    'Tidak.',
    'tdk',
    'gak',
    'ga',
    'nggak',
    'enggak',
    'no',
    'n',
    'bukan',
    'belum',
    '2',
    'tidak ada',
    'tidak, terima kasih',
  ])('reads %j as no', (input) => {
    expect(parseYesNo(input)).toBe(false);
  });

  it.each(['', 'mungkin', 'entahlah', '3', 'abc'])('does not guess %j', (input) => {
    expect(parseYesNo(input)).toBeUndefined();
  });
});

describe('parseOptionNumber', () => {
  it.each([
    ['1', 1],
    ['1.', 1],
    ['1)', 1],
    ['(1)', 1],
    ['#1', 1],
    [' 2 ', 2],
    ['12', 12],
    ['1️⃣', 1],
    ['3️⃣', 3],
    ['🔟', 10],
    ['satu', 1],
    ['Sembilan', 9],
    ['two', 2],
    ['nomor 2', 2],
    ['nomer 2', 2],
    ['no. 3', 3],
    ['no 3', 3],
    ['No.3', 3],
    ['pilihan 4', 4],
    ['pilih 4', 4],
    ['nomor dua', 2],
  ])('reads %j as %d', (input, expected) => {
    expect(parseOptionNumber(input)).toBe(expected);
  });

  it.each(['', 'abc', 'no', '123', 'lima belas', '1,3', 'satu dua'])('rejects %j', (input) => {
    expect(parseOptionNumber(input)).toBeUndefined();
  });
});

describe('parseOptionNumbers', () => {
  it.each([
    ['1,3', [1, 3]],
    ['1, 3', [1, 3]],
    ['1 dan 3', [1, 3]],
    ['1 and 3', [1, 3]],
    ['2 4', [2, 4]],
    ['1;2/3', [1, 2, 3]],
    ['1 & 2 + 3', [1, 2, 3]],
    ['satu dan tiga', [1, 3]],
    ['1️⃣ 2️⃣', [1, 2]],
    ['3', [3]],
    ['1,1,2', [1, 2]],
    ['1,3.', [1, 3]],
  ])('reads %j as %j', (input, expected) => {
    expect(parseOptionNumbers(input)).toEqual(expected);
  });

  it.each(['', 'air', '1, air', '1 atau 3'])('rejects %j', (input) => {
    expect(parseOptionNumbers(input)).toBeUndefined();
  });
});

describe('label matching', () => {
  const labels = ['Air bersih', 'Jalan rusak', 'Listrik', 'Sekolah'];

  it('folds case, accents and punctuation', () => {
    expect(foldLabel('Café, Kopi!')).toBe('cafekopi');
    expect(matchLabel('AIR BERSIH', labels)).toBe(0);
    expect(matchLabel('jalan-rusak', labels)).toBe(1);
    expect(matchLabel('  listrik. ', labels)).toBe(2);
  });

  it('forgives small typos, more for longer labels', () => {
    expect(allowedTypos(3)).toBe(0);
    expect(allowedTypos(4)).toBe(1);
    expect(allowedTypos(9)).toBe(2);
    expect(matchLabel('air brsih', labels)).toBe(0);
    expect(matchLabel('jlan rsak', labels)).toBe(1);
    expect(matchLabel('listrk', labels)).toBe(2);
    expect(matchLabel('sekolh', labels)).toBe(3);
  });

  it('refuses too many typos, short words and empty input', () => {
    expect(matchLabel('xyz bersih', labels)).toBeUndefined();
    expect(matchLabel('air', labels)).toBeUndefined();
    expect(matchLabel('', labels)).toBeUndefined();
    expect(matchLabel('!!!', labels)).toBeUndefined();
    expect(matchLabel('ab', ['ac', 'ab'])).toBe(1);
    expect(matchLabel('ax', ['ab'])).toBeUndefined();
  });

  it('gives up when two labels are equally close', () => {
    expect(matchLabel('koti', ['kota', 'kopi'])).toBeUndefined();
    expect(matchLabel('kota', ['kota', 'kopi'])).toBe(0);
    expect(matchLabel('kotaa', ['kota', 'kopi'])).toBe(0);
  });

  it('measures edit distance, stopping past the limit', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('parseYesNo with unsure answers', () => {
  it.each(['tidak tahu', 'Gak tau', 'belum tahu', 'entah', 'mungkin', "don't know", 'ya tidak'])(
    '"%s" is neither yes nor no',
    (input) => {
      expect(parseYesNo(input)).toBeUndefined();
    },
  );
});
