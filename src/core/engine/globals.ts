import { normalize } from '../flow/parse.js';

/** Words that act at any step, in Indonesian and English. */
export type GlobalWord = 'menu' | 'cancel' | 'back' | 'help' | 'language';

const WORDS: Record<GlobalWord, string[]> = {
  menu: ['menu', 'menu utama', 'main menu', 'beranda', 'home'],
  cancel: ['batal', 'batalkan', 'cancel', 'stop', 'berhenti', 'keluar', 'exit', 'quit'],
  back: ['kembali', 'back', 'balik', 'sebelumnya', 'previous', 'go back', '0'],
  help: ['bantuan', 'help', 'tolong', 'panduan', '?'],
  language: ['bahasa', 'language', 'ganti bahasa', 'change language'],
};

const LOOKUP = new Map<string, GlobalWord>(
  Object.entries(WORDS).flatMap(([word, forms]) => forms.map((f) => [f, word as GlobalWord])),
);

/**
 * The global word the person typed, if any. `zeroIsNumber` is set at number questions,
 * where "0" is the answer zero rather than "back".
 */
export function readGlobalWord(input: string, zeroIsNumber: boolean): GlobalWord | undefined {
  const text = normalize(input).replace(/^\//, '');
  if (zeroIsNumber && text === '0') return undefined;
  // Normalizing drops trailing punctuation, which is all of a lone "?".
  return LOOKUP.get(text || input.trim());
}

/** Words that finish a multi-photo question. */
export const DONE_WORDS = new Set([
  'selesai',
  'sudah',
  'cukup',
  'lanjut',
  'done',
  'finish',
  'next',
]);

/** Words that skip an optional question. */
export const SKIP_WORDS = new Set([
  'lewati',
  'lewat',
  'skip',
  'tidak ada',
  'tidak',
  'gak ada',
  'none',
  'no',
]);
