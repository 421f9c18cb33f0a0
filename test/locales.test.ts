import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { flows } from '../flows/index.js';
import { LANGUAGES } from '../src/config.js';
import { ENGINE_KEYS, textKeysOf } from '../src/core/flow/validate.js';
import { createTranslator, LOCALES_DIR, type Translator } from '../src/i18n.js';

/** Folders whose code may name text keys. */
const CODE_DIRS = ['flows', 'src'];
/** Longest short privacy notice (the consent question), in characters (DOMAIN.md §6). */
const CONSENT_PROMPT_MAX_CHARS = 600;

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator('id');
});

function namespaces(): string[] {
  return fs
    .readdirSync(path.join(LOCALES_DIR, 'id'))
    .filter((file) => file.endsWith('.json'))
    .map((file) => path.basename(file, '.json'));
}

function codeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return codeFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * Every `'namespace:key'` literal in the code whose namespace is a locale file (a prefix
 * such as `'questionnaire:ekonomi.'` names no text itself).
 */
function keysInCode(): { key: string; file: string }[] {
  const known = new Set(namespaces());
  const literal = /['"`]([a-z][a-z0-9-]*):([A-Za-z0-9_.]*[A-Za-z0-9_])['"`]/g;
  return CODE_DIRS.flatMap(codeFiles).flatMap((file) =>
    [...fs.readFileSync(file, 'utf8').matchAll(literal)]
      .filter((match) => known.has(match[1] as string))
      .map((match) => ({ key: `${match[1]}:${match[2]}`, file })),
  );
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)/g)].map((match) => match[1] as string).sort();
}

describe('locales', () => {
  it('have the same keys in every language', () => {
    const [first, ...others] = LANGUAGES;
    for (const language of others) {
      expect(translator.keysOf(language), `keys of ${language} vs ${first}`).toEqual(
        translator.keysOf(first),
      );
    }
  });

  it('have every key the flows and the engine use, in every language', () => {
    const used = new Set([...ENGINE_KEYS, ...flows.flatMap(textKeysOf)]);
    expect([...used].filter((key) => !translator.hasKey(key))).toEqual([]);
  });

  it('have every key the code names literally, in every language', () => {
    const missing = keysInCode().filter(({ key }) => !translator.hasKey(key));
    expect(missing).toEqual([]);
  });

  it('use the same {{variables}} in every language', () => {
    const [first, ...others] = LANGUAGES;
    const differing = translator
      .keysOf(first)
      .filter((key) =>
        others.some(
          (language) =>
            variables(rawText(key, language)).join() !== variables(rawText(key, first)).join(),
        ),
      );
    expect(differing).toEqual([]);
  });

  it('keep the consent question short enough to read on a phone', () => {
    for (const language of LANGUAGES) {
      for (const intro of ['new', 'updated', 'again']) {
        const text = translator.translate(
          {
            key: 'onboarding:consent.prompt',
            params: { intro: { key: `onboarding:consent.intro_${intro}` } },
          },
          language,
        );
        expect(text.length, `${language} ${intro}`).toBeLessThanOrEqual(CONSENT_PROMPT_MAX_CHARS);
      }
    }
  });
});

/** The untranslated text of a key, read from its file, to compare variables. */
function rawText(key: string, language: string): string {
  const [namespace = '', keyPath = ''] = key.split(':');
  const file = path.join(LOCALES_DIR, language, `${namespace}.json`);
  let node: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  for (const part of keyPath.split('.')) node = (node as Record<string, unknown>)?.[part];
  return typeof node === 'string' ? node : '';
}
