import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';

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
