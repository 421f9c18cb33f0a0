import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n as I18nInstance } from 'i18next';
import { DEFAULT_RETENTION, LANGUAGES, type Language, textVariables } from './config.js';
import type { Outbound, RenderedMessage, Text, TextParam } from './core/messages.js';
import { PROJECT_ROOT } from './project-root.js';

/** The folder holding `locales/<lng>/<namespace>.json`. */
export const LOCALES_DIR = path.join(PROJECT_ROOT, 'locales');

/** Resolves texts in one language or another; the only place keys become words. */
export interface Translator {
  translate(text: Text, language: string): string;
  /** Resolves a whole outbound message for a person. */
  render(message: Outbound, language: string): RenderedMessage;
  /** True when `key` exists in every language. */
  hasKey(key: string): boolean;
  /** Every key of a language, `namespace:path` form, sorted. */
  keysOf(language: Language): string[];
}

/**
 * Loads every namespace of every language from `locales/` synchronously (they are
 * small) into a private i18next instance. `variables` fill `{{name}}` in any text that
 * is not given that param (configured values: see `textVariables` in config.ts); by
 * default those of an empty environment.
 */
export async function createTranslator(
  defaultLanguage: Language,
  variables: Record<string, string | number> = textVariables({ retention: DEFAULT_RETENTION }),
): Promise<Translator> {
  const resources: Record<string, Record<string, object>> = {};
  for (const language of LANGUAGES) {
    resources[language] = {};
    const dir = path.join(LOCALES_DIR, language);
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const namespace = path.basename(file, '.json');
      resources[language][namespace] = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
    }
  }
  const instance: I18nInstance = i18next.createInstance();
  await instance.init({
    resources,
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    supportedLngs: [...LANGUAGES],
    ns: Object.keys(resources[defaultLanguage] ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false, defaultVariables: variables },
    returnNull: false,
  });

  /**
   * With `plain`, string parameters (people's words, data) have their formatting
   * characters replaced by look-alikes: they are shown as written, never bold or struck.
   */
  const resolve = (text: Text, language: string, plain: boolean): string => {
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(text.params ?? {})) {
      params[name] = resolveParam(value, language, plain);
    }
    return instance.t(text.key, { ...params, lng: language });
  };
  const resolveParam = (value: TextParam, language: string, plain: boolean): string | number => {
    if (Array.isArray(value)) return value.map((v) => resolve(v, language, plain)).join(', ');
    if (typeof value === 'object' && 'link' in value) {
      return `[${resolve(value.link.label, language, plain)}](${value.link.url})`;
    }
    if (typeof value === 'object') return resolve(value, language, plain);
    return plain && typeof value === 'string' ? neutraliseFormatting(value) : value;
  };
  const translate = (text: Text, language: string): string => resolve(text, language, false);

  return {
    translate,
    render: (message, language) => ({
      ...renderMessage(message, (text) => resolve(text, language, true)),
      language,
    }),
    hasKey: (key) =>
      LANGUAGES.every((lng) => instance.exists(key, { lng, fallbackLng: false } as never)),
    keysOf: (language) =>
      Object.entries(resources[language] ?? {})
        .flatMap(([namespace, tree]) => flattenKeys(tree).map((k) => `${namespace}:${k}`))
        .sort(),
  };
}

/** Characters WhatsApp (and the Telegram channel) read as formatting, and look-alikes. */
const FORMATTING_LOOKALIKES: Record<string, string> = {
  '*': '\u2217', // ∗ asterisk operator
  _: '\u02cd', // ˍ modifier letter low macron
  '~': '\u223c', // ∼ tilde operator
  '`': '\u02cb', // ˋ modifier letter grave accent
};

/**
 * Replaces the formatting characters `*`, `_`, `~` and backtick with look-alikes, so a
 * person's words are shown exactly as written, never bold, italic, struck or monospaced;
 * and the `]` of a `](` with a look-alike, so they never make a link that hides its address.
 */
export function neutraliseFormatting(text: string): string {
  return text
    .replace(/[*_~`]/g, (c) => FORMATTING_LOOKALIKES[c] ?? c)
    .replace(/\](?=\()/g, '\uff3d');
}

function renderMessage(message: Outbound, translate: (text: Text) => string): RenderedMessage {
  const rendered: RenderedMessage = { texts: message.texts.map(translate) };
  if (message.choices) {
    rendered.choices = {
      token: message.choices.token,
      options: message.choices.options.map((o) => ({
        number: o.number,
        label: translate(o.label),
      })),
      multiple: message.choices.multiple,
    };
    rendered.choiceHint = translate({ key: hintKey(message.choices) });
  }
  if (message.expect) rendered.expect = message.expect;
  if (message.attachments) rendered.attachments = message.attachments;
  return rendered;
}

/** The hint under options: "Ketik 1 atau 2" for two, the general words for more. */
function hintKey(choices: NonNullable<Outbound['choices']>): string {
  if (choices.multiple) return 'common:multi.hint';
  return choices.options.length === 2 ? 'common:choice.hint_two' : 'common:choice.hint';
}

function flattenKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null
      ? flattenKeys(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}
