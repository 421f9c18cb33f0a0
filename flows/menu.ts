import { defineFlow, goto, push } from '../src/core/flow/types.js';
import { t } from '../src/core/messages.js';

/** The main menu: what a registered person can do. */
export const menuFlow = defineFlow({
  id: 'menu',
  version: 1,
  commands: ['menu', 'start', 'mulai'],
  extraKeys: ['menu:prompt', 'menu:prompt_named'],
  steps: [
    {
      id: 'choose',
      kind: 'choice',
      prompt: (ctx) =>
        typeof ctx.contact.displayName === 'string'
          ? t('menu:prompt_named', { name: ctx.contact.displayName })
          : t('menu:prompt'),
      options: [
        { value: 'feedback', label: t('menu:options.feedback') },
        { value: 'help', label: t('menu:options.help') },
        { value: 'language', label: t('menu:options.language') },
        { value: 'questionnaire', label: t('menu:options.questionnaire') },
        { value: 'score', label: t('menu:options.score') },
      ],
      next: {
        feedback: goto('feedback'),
        help: push('help'),
        language: push('language'),
        questionnaire: goto('questionnaire'),
        score: goto('village-score'),
      },
    },
  ],
});
