import type { StepContext } from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import { ROLES, roleName } from '../../src/domain/roles.js';
import { type VillagePlace, villageText } from '../../src/domain/village-place.js';

/** What the `profile.summary` action answers: a profile, ready to show. */
export interface ProfileSummary {
  outcome: 'ok';
  name: string | null;
  role: string;
  /** A role asked for and waiting for an admin, if any. */
  requested: string | null;
  village: VillagePlace | null;
}

/** Keys the texts of this module build. */
export const PROFILE_TEXT_KEYS = [
  ...ROLES.map((role) => `roles:names.${role}`),
  'profile:summary',
  'profile:role.pending',
  'profile:village.place',
  'profile:village.none',
  'profile:name.none',
  'language:options.id',
  'language:options.en',
];

/** The role held, with the one waiting for an admin if any. */
export function roleText(role: string, requested: string | null): Text {
  if (!requested) return roleName(role);
  return t('profile:role.pending', { role: roleName(role), requested: roleName(requested) });
}

/** The summary saved under `answer` by a `profile.summary` call, if it is one. */
export function summaryOf(ctx: StepContext, answer: string): ProfileSummary | undefined {
  const value = ctx.answers[answer] as Json | undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return value.outcome === 'ok' ? (value as unknown as ProfileSummary) : undefined;
}

/** A profile as a short list: name, role, village, language. */
export function profileText(summary: ProfileSummary | undefined, language: Json | undefined): Text {
  return t('profile:summary', {
    name: summary?.name ?? t('profile:name.none'),
    role: roleText(summary?.role ?? 'warga', summary?.requested ?? null),
    village: villageText(summary?.village ?? null),
    language: t(`language:options.${language === 'en' ? 'en' : 'id'}`),
  });
}
