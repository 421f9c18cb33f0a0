import { call } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { setLanguage } from './declarations.js';

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
    call('save', setLanguage, { input: (ctx) => ({ language: ctx.answers.language ?? null }) }),
    { id: 'done', kind: 'say', text: t('language:changed') },
  ],
});
