/**
 * House wording, checked over the locale files of the capabilities a villager meets: one
 * voice ("kami", never the bot as "saya"), no doubled punctuation, and English texts
 * without Indonesian words. Add a namespace to NAMESPACES when it follows these rules.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const NAMESPACES = [
  'account',
  'common',
  'delete-data',
  'edit-profile',
  'feedback',
  'help',
  'language',
  'menu',
  'my-data',
  'onboarding',
  'privacy',
  'profile',
  'questionnaire-flow',
  'report-staff',
  'report',
  'roles',
  'village-score',
  'withdraw-consent',
];

/**
 * Texts in the person's own voice, where "saya" is the person speaking (option labels
 * they choose), not the bot.
 */
const PERSON_SPEAKS = new Set([
  'account:options.my_data',
  'account:options.delete',
  'delete-data:options.erase',
  'report:for_whom.self',
  'report:for_whom.resident',
  'report:privacy.options.anonymous',
  'report:menu.mine',
]);

/** Texts shown before a language is chosen, in both languages on purpose. */
const BILINGUAL = new Set(['language:prompt', 'onboarding:welcome']);

/** Indonesian words that never belong in an English sentence (terms like desa, kader may). */
const INDONESIAN =
  /\b(yang|dengan|untuk|tidak|ketik|sudah|belum|anda|silakan|laporan|pilih|atau|dari|akan|kami|saya|dihapus|tersimpan|terima kasih)\b/i;

/** A punctuation mark twice, or two marks that end a sentence together ("..." is fine). */
const DOUBLED_MARKS = /([.,;:!?])\1|[,;:][.,;:!?]|[?!]\.|\.[,;:]/;

/** True when `text` doubles its punctuation; an ellipsis ("...") is one mark. */
function doubled(text: string): boolean {
  return DOUBLED_MARKS.test(text.replace(/\.\.\./g, '…').replace(/\{\{[^}]*\}\}/g, 'x'));
}

type Entry = { key: string; text: string };

function entries(language: string, namespace: string): Entry[] {
  const file = path.join(process.cwd(), 'locales', language, `${namespace}.json`);
  const walk = (value: unknown, prefix: string): Entry[] => {
    if (typeof value === 'string') return [{ key: prefix, text: value }];
    if (typeof value !== 'object' || value === null) return [];
    return Object.entries(value).flatMap(([k, v]) => walk(v, prefix ? `${prefix}.${k}` : k));
  };
  return walk(JSON.parse(readFileSync(file, 'utf8')), '').map((e) => ({
    key: `${namespace}:${e.key}`,
    text: e.text,
  }));
}

const ID = NAMESPACES.flatMap((ns) => entries('id', ns));
const EN = NAMESPACES.flatMap((ns) => entries('en', ns));

describe('house wording of the locale files', () => {
  it('speaks as "kami" in Indonesian: "saya" only where the person speaks', () => {
    const bot = ID.filter((e) => /\bsaya\b/i.test(e.text) && !PERSON_SPEAKS.has(e.key));
    expect(bot.map((e) => `${e.key}: ${e.text}`)).toEqual([]);
  });

  it('has no doubled punctuation', () => {
    const found = [...ID, ...EN].filter((e) => doubled(e.text));
    expect(found.map((e) => `${e.key}: ${e.text}`)).toEqual([]);
  });

  it('writes English without Indonesian words', () => {
    const mixed = EN.filter((e) => !BILINGUAL.has(e.key) && INDONESIAN.test(e.text));
    expect(mixed.map((e) => `${e.key}: ${e.text}`)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(doubled('Terima kasih!!')).toBe(true);
    expect(doubled('Selesai..')).toBe(true);
    expect(doubled('Sudah benar?.')).toBe(true);
    expect(doubled('Tunggu...')).toBe(false);
    expect(INDONESIAN.test('Type 1 untuk lanjut')).toBe(true);
    expect(INDONESIAN.test('Your village (desa) and kader')).toBe(false);
  });
});
