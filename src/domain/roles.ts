/**
 * The roles of Sapa Desa (DOMAIN.md §3). Everyone starts as `warga`; a role above it is
 * requested during onboarding and held only once an admin confirms it.
 */
import { type Text, t } from '../core/messages.js';

/** Every role a contact can hold. */
export const ROLES = [
  'warga',
  'kader_digital',
  'duta_digital',
  'perangkat_desa',
  'pendamping_desa',
  'admin',
] as const;

/** A role a contact can hold. */
export type Role = (typeof ROLES)[number];

/** Every role above warga: the staff, who see reports of their area (see staff-scope.ts). */
export const STAFF_ROLES = ROLES.filter((role) => role !== 'warga');

/** Roles a person may pick for themselves, in the order they are offered. */
export const SELECTABLE_ROLES = [
  'warga',
  'kader_digital',
  'duta_digital',
  'perangkat_desa',
  'pendamping_desa',
] as const satisfies readonly Role[];

/** A role a person may pick for themselves. */
export type SelectableRole = (typeof SELECTABLE_ROLES)[number];

/** True for a known role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** True when holding `role` needs an admin's confirmation (every role above warga). */
export function needsConfirmation(role: SelectableRole): boolean {
  return role !== 'warga';
}

/** The name of a role in the reader's language (`roles:names.<role>`); warga's for an unknown one. */
export function roleName(role: string): Text {
  return t(`roles:names.${isRole(role) ? role : 'warga'}`);
}
