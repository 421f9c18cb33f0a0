import { defineFlow, END } from '../src/core/flow/types.js';
import { t } from '../src/core/messages.js';
import { recordConsent } from '../src/db/queries/consents.js';
import { lastAddressOf } from '../src/db/queries/contacts.js';
import { cancelPendingRequests } from '../src/db/queries/role-requests.js';
import { hasCurrentConsent } from '../src/domain/privacy.js';
import type { ActionHandler } from '../src/runtime/types.js';

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

/** Actions of /tarikpersetujuan. */
export const withdrawConsentActions: Record<string, ActionHandler> = {
  'consent.status': async ({ contact }) => ({
    outcome: hasCurrentConsent(contact) ? 'current' : 'none',
  }),
  'consent.withdraw': async ({ tx, contact, clock, ids }) => {
    const now = clock.now();
    const address = await lastAddressOf(tx, { contactId: contact.id });
    await recordConsent(tx, {
      id: ids.next(),
      contactId: contact.id,
      noticeVersion: contact.consentVersion ?? 0,
      answer: 'withdrawn',
      channel: address?.channel ?? 'unknown',
      now,
    });
    await cancelPendingRequests(tx, { contactId: contact.id, now });
    return { outcome: 'withdrawn' };
  },
};
