/**
 * The account capability's actions, as its flows call them: onboarding and consent,
 * language, the rights, the profile questions and /peran (implemented in actions/).
 */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';
import type { Text } from '../../src/core/messages.js';
import { SELECTABLE_ROLES } from '../../src/domain/roles.js';
import { VILLAGE_SEARCH_INPUT, type VillageSearchAnswer } from '../../src/domain/village-picker.js';
import type { VillagePlace } from '../../src/domain/village-place.js';

/** The languages a person may choose (src/config.ts LANGUAGES). */
export const LANGUAGE_CHOICES = ['id', 'en'] as const;

/** Where onboarding picks up for a person who already consented. */
export type ProfileProgress = 'name' | 'role' | 'summary' | 'registered';

/** A profile, ready to show. */
export type ProfileSummary = {
  outcome: 'ok';
  name: string | null;
  role: string;
  /** A role asked for and waiting for an admin, if any. */
  requested: string | null;
  village: VillagePlace | null;
};

/** A pending request as the /peran list keeps it; `about` ties it to its person (see erasure). */
export type ListedRequest = {
  id: string;
  about: string;
  name: string;
  role: string;
  date: string;
  village: VillagePlace | null;
};

const NO_INPUT = z.null();
const editing = z.boolean();

/** Where onboarding resumes: fresh, asking consent again, or the first missing piece. */
export const resumeOnboarding = defineAction('onboarding.resume', {
  input: NO_INPUT,
  result: returns<
    | { outcome: 'fresh' }
    | { outcome: 'consent'; previous: 'updated' | 'again' }
    | { outcome: ProfileProgress }
  >(),
});

/** Records a consent answer; after `accepted`, where the profile continues. */
export const recordConsent = defineAction('consent.record', {
  input: z.object({ answer: z.enum(['accepted', 'declined']) }),
  result: returns<{ outcome: 'declined' | ProfileProgress }>(),
});

/** Whether the person has a current consent to withdraw. */
export const consentStatus = defineAction('consent.status', {
  input: NO_INPUT,
  result: returns<{ outcome: 'current' | 'none' }>(),
});

/** Withdraws consent: processing stops, the data is kept unused. */
export const withdrawConsent = defineAction('consent.withdraw', {
  input: NO_INPUT,
  result: returns<{ outcome: 'withdrawn' }>(),
});

/** Changes the language the bot speaks with the person. */
export const setLanguage = defineAction('contact.set_language', {
  input: z.object({ language: z.enum(LANGUAGE_CHOICES) }),
  result: returns<{ outcome: 'changed' }>(),
});

/** /datasaya: every capability's part of the person's data, as one text. */
export const collectMyData = defineAction('my_data.collect', {
  input: NO_INPUT,
  result: returns<{ outcome: 'collected'; text: Text }>(),
});

/** /hapusdata: removes everything about the person. */
export const deleteData = defineAction('data.delete', {
  input: NO_INPUT,
  result: returns<{ outcome: 'deleted' }>(),
});

/** Saves the name (it needs a letter); `edited` when asked from a summary. */
export const setName = defineAction('profile.set_name', {
  input: z.object({ name: z.string(), editing }),
  result: returns<{ outcome: 'invalid' | 'saved' | 'edited' }>(),
});

/** Warga (or the role held) at once; any other role becomes a request to an admin. */
export const setRole = defineAction('profile.set_role', {
  input: z.object({ role: z.enum(SELECTABLE_ROLES), editing }),
  result: returns<{ outcome: 'saved' | 'edited' }>(),
});

/** What moving to the picked village does to the person's role, asked before the move. */
export const checkVillageMove = defineAction('profile.village_check', {
  input: z.object({ code: z.string() }),
  result: returns<
    { outcome: 'keeps' } | { outcome: 'ends'; role: string; requested: string | null }
  >(),
});

/**
 * Saves the village; a role tied to the old area ends (`role_ended`). `changed` when the
 * move no longer ends what the person was told (`ending`): nothing is saved.
 */
export const setVillage = defineAction('profile.set_village', {
  input: z.object({
    code: z.string(),
    editing,
    /** The role the person was told the move ends (see {@link checkVillageMove}), if any. */
    ending: z.string().nullable().default(null),
  }),
  result: returns<
    | { outcome: 'saved' | 'edited' | 'changed' }
    | { outcome: 'role_ended'; role: string; requested: string | null }
  >(),
});

/** Searches the villages for what the person typed. */
export const searchVillage = defineAction('village.search', {
  input: VILLAGE_SEARCH_INPUT,
  result: returns<VillageSearchAnswer>(),
});

/** The person's profile, ready to show. */
export const summariseProfile = defineAction('profile.summary', {
  input: NO_INPUT,
  result: returns<ProfileSummary>(),
});

/** Marks onboarding complete; says whether a role waits for an admin. */
export const completeProfile = defineAction('profile.complete', {
  input: NO_INPUT,
  result: returns<{ outcome: 'registered' } | { outcome: 'requested'; role: string }>(),
});

/** /peran: the pending requests for an admin, else the person's own role and request. */
export const listRoleRequests = defineAction('roles.list', {
  input: NO_INPUT,
  result: returns<
    | { outcome: 'not_admin'; role: string; requested: string | null }
    | { outcome: 'empty' }
    | { outcome: 'listed'; requests: ListedRequest[] }
  >(),
});

/** Confirms or rejects a request and tells the person. */
export const decideRoleRequest = defineAction('roles.decide', {
  input: z.object({ requestId: z.string(), decision: z.enum(['confirmed', 'rejected']) }),
  result: returns<
    | { outcome: 'gone' }
    | { outcome: 'confirmed' | 'rejected'; name: string; role: string; about: string }
  >(),
});
