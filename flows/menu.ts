import { defineFlow, goto, push, type StepContext } from '../src/core/flow/types.js';
import { t } from '../src/core/messages.js';

const OPTIONS = ['feedback', 'help', 'language', 'account', 'roles'] as const;

/** Options shown; "Kelola peran" only to admins. The order keeps numbers stable for everyone. */
function optionsFor(ctx: StepContext) {
  const shown = OPTIONS.filter((value) => value !== 'roles' || ctx.contact.role === 'admin');
  return shown.map((value) => ({ value, label: t(`menu:options.${value}`) }));
}

/** The main menu: what a registered person can do. */
export const menuFlow = defineFlow({
  id: 'menu',
  version: 1,
  commands: ['menu', 'start', 'mulai'],
  extraKeys: ['menu:prompt', 'menu:prompt_named', ...OPTIONS.map((o) => `menu:options.${o}`)],
  steps: [
    {
      id: 'choose',
      kind: 'choice',
      prompt: (ctx) =>
        typeof ctx.contact.displayName === 'string'
          ? t('menu:prompt_named', { name: ctx.contact.displayName })
          : t('menu:prompt'),
      options: optionsFor,
      next: {
        feedback: goto('feedback'),
        help: push('help'),
        language: push('language'),
        account: goto('account'),
        roles: goto('roles'),
      },
    },
  ],
});
