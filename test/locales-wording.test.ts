/**
 * House wording, checked over every locale file: one voice ("kami", never the bot as
 * "saya"), no doubled punctuation, and English texts without Indonesian words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every locale file: those under locales/<lng>/ and any a channel keeps under src/channels/
 * (`<name>.<lng>.json` or in a `locales/<lng>/` folder), so a new file is checked from the
 * day it is added.
 */
function localeFiles(language: string): { namespace: string; file: string }[] {
  const root = path.join(process.cwd(), 'locales', language);
  const own = readdirSync(root)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ namespace: path.basename(f, '.json'), file: path.join(root, f) }));
  const channels = path.join(process.cwd(), 'src', 'channels');
  const inChannels = readdirSync(channels, { recursive: true, encoding: 'utf8' })
    .filter(
      (f) =>
        f.endsWith(`.${language}.json`) || f.includes(`locales${path.sep}${language}${path.sep}`),
    )
    .map((f) => ({
      namespace: path.basename(f).replace(/(\.\w+)?\.json$/, ''),
      file: path.join(channels, f),
    }));
  return [...own, ...inChannels];
}

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
  'telegram:location_button',
  'telegram:commands.my_reports.description',
  'training:new.trainer_me',
  'training:regions.own_district',
  'training:regions.own_regency',
  'web:trainings.form.trainer_me',
]);

/** Texts shown before a language is chosen, in both languages on purpose. */
const BILINGUAL = new Set(['language:prompt', 'onboarding:welcome']);

/** Indonesian words that never belong in an English sentence (terms like desa, kader may). */
const INDONESIAN =
  /\b(yang|dengan|untuk|tidak|ketik|sudah|belum|anda|silakan|laporan|pilih|atau|dari|akan|kami|saya|dihapus|tersimpan|terima kasih)\b/i;

/** Commands with an English name of their own (`/lapor` is `/report`). */
const INDONESIAN_COMMAND =
  /\/(lapor|laporansaya|kelola|jawab|peran|ubahdata|datasaya|hapusdata|privasi|tarikpersetujuan|bantuan|bahasa|saran|kuesioner|skor|akun)\b/;

/** A punctuation mark twice, or two marks that end a sentence together ("..." is fine). */
const DOUBLED_MARKS = /([.,;:!?])\1|[,;:][.,;:!?]|[?!]\.|\.[,;:]/;

/** True when `text` doubles its punctuation; an ellipsis ("...") is one mark. */
function doubled(text: string): boolean {
  return DOUBLED_MARKS.test(text.replace(/\.\.\./g, '…').replace(/\{\{[^}]*\}\}/g, 'x'));
}

type Entry = { key: string; text: string };

function entries({ namespace, file }: { namespace: string; file: string }): Entry[] {
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

const ID = localeFiles('id').flatMap(entries);
const EN = localeFiles('en').flatMap(entries);

describe('house wording of the locale files', () => {
  it("reads every locale file, the channels' own included", () => {
    const namespaces = new Set(localeFiles('id').map((f) => f.namespace));
    for (const ns of ['common', 'report', 'telegram', 'whatsapp', 'training', 'web']) {
      expect(namespaces).toContain(ns);
    }
  });

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

  it('names the English command in English texts', () => {
    const indonesian = EN.filter((e) => INDONESIAN_COMMAND.test(e.text));
    expect(indonesian.map((e) => `${e.key}: ${e.text}`)).toEqual([]);
  });

  it('catches what it is meant to catch', () => {
    expect(doubled('Terima kasih!!')).toBe(true);
    expect(doubled('Selesai..')).toBe(true);
    expect(doubled('Sudah benar?.')).toBe(true);
    expect(doubled('Tunggu...')).toBe(false);
    expect(INDONESIAN.test('Type 1 untuk lanjut')).toBe(true);
    expect(INDONESIAN.test('Your village (desa) and kader')).toBe(false);
    expect(INDONESIAN_COMMAND.test('Reply with /jawab LP-1')).toBe(true);
    expect(INDONESIAN_COMMAND.test('Reply with /reply LP-1, or see /laporan')).toBe(false);
  });
});
