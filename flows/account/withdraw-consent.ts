import { call } from '../../src/core/flow/action.js';
import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { consentStatus, withdrawConsent } from './declarations.js';

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
    call('check', consentStatus, { next: { current: 'confirm', '*': 'none' } }),
    { id: 'none', kind: 'say', text: t('withdraw-consent:none'), next: END },
    {
      id: 'confirm',
      kind: 'choice',
      prompt: t('withdraw-consent:confirm'),
      options: [
        { value: 'withdraw', label: t('withdraw-consent:options.withdraw'), means: 'yes' },
        { value: 'keep', label: t('withdraw-consent:options.keep'), means: 'no' },
      ],
      destructive: true,
      next: { withdraw: 'withdraw', keep: 'kept' },
    },
    { id: 'kept', kind: 'say', text: t('withdraw-consent:kept'), next: END },
    call('withdraw', withdrawConsent),
    { id: 'done', kind: 'say', text: t('withdraw-consent:done'), next: END },
  ],
});
