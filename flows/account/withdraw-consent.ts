import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';

/**
 * /tarikpersetujuan: withdraws consent after saying what that means. Processing stops:
 * the data is kept unused (until the person agrees again or deletes it) and the next
 * message asks for consent again.
 */
export const withdrawConsentFlow = defineFlow({
  id: 'withdraw-consent',
  version: 1,
  commands: ['tarikpersetujuan', 'withdrawconsent'],
  steps: [
    {
      id: 'check',
      kind: 'call',
      action: 'consent.status',
      next: { current: 'confirm', '*': 'none' },
    },
    { id: 'none', kind: 'say', text: t('withdraw-consent:none'), next: END },
    {
      id: 'confirm',
      kind: 'choice',
      prompt: t('withdraw-consent:confirm'),
      options: [
        { value: 'withdraw', label: t('withdraw-consent:options.withdraw') },
        { value: 'keep', label: t('withdraw-consent:options.keep') },
      ],
      next: { withdraw: 'withdraw', keep: 'kept' },
    },
    { id: 'kept', kind: 'say', text: t('withdraw-consent:kept'), next: END },
    { id: 'withdraw', kind: 'call', action: 'consent.withdraw' },
    { id: 'done', kind: 'say', text: t('withdraw-consent:done'), next: END },
  ],
});
