import { LANGUAGES } from '../src/config.js';
import { defineFlow } from '../src/core/flow/types.js';
import { t } from '../src/core/messages.js';
import { setContactLanguage } from '../src/db/queries/contacts.js';
import type { ActionHandler } from '../src/runtime/types.js';

/** Changes the language the bot speaks with this person; the question before it resumes. */
export const languageFlow = defineFlow({
  id: 'language',
  version: 1,
  commands: ['bahasa', 'language'],
  returns: true,
  steps: [
    {
      id: 'language',
      kind: 'choice',
      prompt: t('language:prompt'),
      options: [
        { value: 'id', label: t('language:options.id') },
        { value: 'en', label: t('language:options.en') },
      ],
    },
    {
      id: 'save',
      kind: 'call',
      action: 'contact.set_language',
      input: (ctx) => ({ language: ctx.answers.language ?? null }),
    },
    { id: 'done', kind: 'say', text: t('language:changed') },
  ],
});

/** Actions of the language flow. */
export const languageActions: Record<string, ActionHandler> = {
  'contact.set_language': async ({ tx, contact, input, clock }) => {
    const language = (input as { language?: unknown }).language;
    if (!LANGUAGES.includes(language as (typeof LANGUAGES)[number])) {
      throw new Error(`unsupported language ${String(language)}`);
    }
    await setContactLanguage(tx, {
      contactId: contact.id,
      language: language as string,
      now: clock.now(),
    });
    return { outcome: 'changed' };
  },
};
