import { defineFlow, goto, push } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';

const OPTIONS = [
  ['my_data', goto('my-data')],
  ['edit', goto('edit-profile')],
  ['privacy', push('privacy')],
  ['withdraw', goto('withdraw-consent')],
  ['delete', goto('delete-data')],
] as const;

/** "Data & privasi": the rights commands as a numbered menu, for people who don't type commands. */
export const accountFlow = defineFlow({
  id: 'account',
  version: 1,
  commands: ['akun', 'account'],
  steps: [
    {
      id: 'choose',
      kind: 'choice',
      prompt: t('account:prompt'),
      options: OPTIONS.map(([value]) => ({ value, label: t(`account:options.${value}`) })),
      next: Object.fromEntries(OPTIONS),
    },
  ],
});
