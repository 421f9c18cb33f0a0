/**
 * Consent under UU 27/2022 (PDP): which privacy notice a person agreed to, and whether
 * they may be served. The notice's words live in `locales/<lng>/privacy.json` (full) and
 * `locales/<lng>/onboarding.json` (`consent.notice`, the short form).
 */

/**
 * Version of the privacy notice. Raise it whenever the notice changes in meaning (what
 * is collected, why, for how long, who receives it): every person is then asked to
 * consent again at their next message. Typo fixes need no new version.
 */
export const PRIVACY_NOTICE_VERSION = 1;

/** What a consent record says. */
export type ConsentAnswer = 'accepted' | 'declined' | 'withdrawn';

/** The consent facts kept on a contact. */
export interface ConsentFacts {
  /** Version of the notice the person agreed to and has not withdrawn, else null. */
  consentVersion: number | null;
  /** When the person confirmed their profile; null until then. */
  registeredAt: Date | null;
}

/** True when the person agreed to the current notice and has not withdrawn. */
export function hasCurrentConsent(contact: ConsentFacts): boolean {
  return contact.consentVersion === PRIVACY_NOTICE_VERSION;
}

/** True when the person may use the bot: current consent and a confirmed profile. */
export function isRegistered(contact: ConsentFacts): boolean {
  return hasCurrentConsent(contact) && contact.registeredAt !== null;
}
