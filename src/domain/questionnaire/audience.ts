/**
 * Which items a person is asked: K items are facts about the village that only its
 * confirmed kader digital and perangkat desa answer; everyone answers W items.
 */
import type { Role } from '../roles.js';
import type { Audience } from './types.js';

/** Roles whose holders answer K items for their own village. */
export const K_ROLES: readonly Role[] = ['kader_digital', 'perangkat_desa'];

/**
 * `K` for a confirmed kader digital or perangkat desa with a village (the role a contact
 * holds is only ever a confirmed one), else `W`.
 */
export function audienceOf(person: { role: string; villageCode: string | null }): Audience {
  return person.villageCode !== null && (K_ROLES as readonly string[]).includes(person.role)
    ? 'K'
    : 'W';
}
