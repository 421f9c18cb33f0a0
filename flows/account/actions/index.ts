/**
 * The account's actions: onboarding and consent, language, the rights (/datasaya,
 * /tarikpersetujuan, /hapusdata), the profile questions and /peran.
 */
import { t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import { latestConsent, recordConsent as saveConsent } from '../../../src/db/queries/consents.js';
import {
  type Contact,
  lastAddressOf,
  setContactLanguage,
} from '../../../src/db/queries/contacts.js';
import { cancelPendingRequests } from '../../../src/db/queries/role-requests.js';
import { hasCurrentConsent, PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import {
  collectMyData,
  consentStatus,
  deleteData,
  type ProfileProgress,
  recordConsent,
  resumeOnboarding,
  setLanguage,
  withdrawConsent,
} from '../declarations.js';
import { createProfileActions } from './profile.js';
import { createRoleActions } from './roles.js';

/** The first missing piece of a consenting person's profile. */
export function progressOf(contact: Contact): ProfileProgress {
  if (!contact.displayName) return 'name';
  if (!contact.villageCode) return 'role';
  return contact.registeredAt ? 'registered' : 'summary';
}

/** Onboarding: where to resume, recording the consent answer, the language. */
const onboardingActions: ActionImplementation[] = [
  implement(resumeOnboarding, async ({ tx, contact }) => {
    if (hasCurrentConsent(contact)) return { outcome: progressOf(contact) };
    const latest = await latestConsent(tx, { contactId: contact.id });
    if (!latest) return { outcome: 'fresh' };
    return { outcome: 'consent', previous: latest.answer === 'accepted' ? 'updated' : 'again' };
  }),
  implement(recordConsent, async ({ tx, contact, clock, ids }, { answer }) => {
    const now = clock.now();
    const address = await lastAddressOf(tx, { contactId: contact.id });
    await saveConsent(tx, {
      id: ids.next(),
      contactId: contact.id,
      noticeVersion: PRIVACY_NOTICE_VERSION,
      answer,
      channel: address?.channel ?? 'unknown',
      now,
    });
    if (answer === 'declined') {
      await cancelPendingRequests(tx, { contactId: contact.id, now });
      return { outcome: 'declined' };
    }
    return { outcome: progressOf(contact) };
  }),
  implement(setLanguage, async ({ tx, contact, clock }, { language }) => {
    await setContactLanguage(tx, { contactId: contact.id, language, now: clock.now() });
    return { outcome: 'changed' };
  }),
];

/** /tarikpersetujuan: processing stops, the data is kept unused. */
const withdrawActions: ActionImplementation[] = [
  implement(consentStatus, async ({ contact }) => ({
    outcome: hasCurrentConsent(contact) ? 'current' : 'none',
  })),
  implement(withdrawConsent, async ({ tx, contact, clock, ids }) => {
    const now = clock.now();
    const address = await lastAddressOf(tx, { contactId: contact.id });
    await saveConsent(tx, {
      id: ids.next(),
      contactId: contact.id,
      noticeVersion: contact.consentVersion ?? 0,
      answer: 'withdrawn',
      channel: address?.channel ?? 'unknown',
      now,
    });
    await cancelPendingRequests(tx, { contactId: contact.id, now });
    return { outcome: 'withdrawn' };
  }),
];

/**
 * /datasaya and /hapusdata, over every capability (`services.personalData`). The photo
 * files go inside the transaction, so a rollback after it leaves a row without its file,
 * which the media store already treats as missing.
 */
function rightsActions(services: CapabilityServices): ActionImplementation[] {
  return [
    implement(collectMyData, async ({ tx, contact }) => {
      const sections = await services.personalData.collect(tx, contact);
      const none = t('my-data:none');
      const parts = sections.map((s) => t('my-data:section', { title: s.title, body: s.body }));
      const text = t('my-data:all', { sections: joinTexts(parts, none, 'paragraph') });
      return { outcome: 'collected', text };
    }),
    implement(deleteData, async ({ tx, contact, clock, logger }) => {
      const erased = await services.personalData.erase(tx, {
        contactId: contact.id,
        now: clock.now(),
      });
      for (const sha256 of erased.mediaFiles) await services.removeMediaFile(sha256);
      // No contact id at info level: with the message's platform ids in the same log
      // stream it would tie the deleted person to their chat account.
      logger.info({ photos: erased.mediaFiles.length }, 'personal data deleted');
      return { outcome: 'deleted' };
    }),
  ];
}

/** Every action of the account capability. */
export function createAccountActions(services: CapabilityServices): ActionImplementation[] {
  return [
    ...onboardingActions,
    ...withdrawActions,
    ...rightsActions(services),
    ...createProfileActions(services),
    ...createRoleActions(services),
  ];
}
