/**
 * Where a member of staff may act, from their role and their village (DOMAIN.md §3):
 * perangkat desa and kader digital for their own village, duta digital for the villages
 * of their kabupaten/kota, pendamping desa read-only for their kecamatan, admins
 * everywhere. Warga are no staff. Codes are Kemendagri codes (`PP.KK.CC.TNNN`).
 */
import type { Role } from './roles.js';

/** Roles whose power covers an area around the holder's village (all staff but admins). */
export const AREA_ROLES: readonly string[] = [
  'perangkat_desa',
  'kader_digital',
  'duta_digital',
  'pendamping_desa',
];

/** What a scope allows inside its area: reading only, or acting too. */
export type ScopeAccess = 'read' | 'manage';

/** The level of the area a scope covers. */
export type ScopeLevel = 'village' | 'district' | 'regency';

/** Where a person may act. */
export type StaffScope =
  | { type: 'none' }
  | { type: 'everywhere'; access: 'manage' }
  | { type: 'area'; level: ScopeLevel; areaCode: string; access: ScopeAccess };

/** What {@link staffScope} needs to know about a person. */
export interface StaffMember {
  role: Role | string;
  /** The person's village code, or null when they have not given one. */
  villageCode: string | null;
}

const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$/;
/** Characters of a village code that name its kecamatan (`PP.KK.CC`). */
const DISTRICT_CODE_LENGTH = 8;
/** Characters of a village code that name its kabupaten/kota (`PP.KK`). */
const REGENCY_CODE_LENGTH = 5;

/**
 * The scope of a person. Staff without a valid village code have none: their area is
 * unknown, so they may act nowhere until they give one.
 */
export function staffScope(person: StaffMember): StaffScope {
  if (person.role === 'admin') return { type: 'everywhere', access: 'manage' };
  const code = person.villageCode;
  if (!code || !VILLAGE_CODE.test(code)) return { type: 'none' };
  switch (person.role) {
    case 'perangkat_desa':
    case 'kader_digital':
      return { type: 'area', level: 'village', areaCode: code, access: 'manage' };
    case 'duta_digital':
      return {
        type: 'area',
        level: 'regency',
        areaCode: code.slice(0, REGENCY_CODE_LENGTH),
        access: 'manage',
      };
    case 'pendamping_desa':
      return {
        type: 'area',
        level: 'district',
        areaCode: code.slice(0, DISTRICT_CODE_LENGTH),
        access: 'read',
      };
    default:
      return { type: 'none' };
  }
}

/** True when `scope` lets its holder read (or, with `manage`, act on) the village `villageCode`. */
export function scopeCovers(
  scope: StaffScope,
  villageCode: string,
  access: ScopeAccess = 'read',
): boolean {
  if (scope.type === 'none' || !VILLAGE_CODE.test(villageCode)) return false;
  if (access === 'manage' && scope.access !== 'manage') return false;
  if (scope.type === 'everywhere') return true;
  return villageCode === scope.areaCode || villageCode.startsWith(`${scope.areaCode}.`);
}

/**
 * True when `person` keeps their role on moving to the village `villageCode`. A role tied
 * to an area (see {@link AREA_ROLES}) is kept only when the new village lies inside the area
 * of the old one: a duta moving within their kabupaten stays duta, a kader moving to
 * another village does not. Warga and admins are bound to no area.
 */
export function keepsRoleOnMove(person: StaffMember, villageCode: string): boolean {
  if (!AREA_ROLES.includes(person.role)) return true;
  const scope = staffScope(person);
  return scope.type === 'area' && scopeCovers(scope, villageCode);
}

/** What moving to another village does to a person's role (see {@link planVillageMove}). */
export interface VillageMovePlan {
  /** The role that ends (back to warga), or null when the role is kept. */
  endedRole: string | null;
  /**
   * The role waiting for an admin after the move: the request already pending (it moves
   * with the person), else the ended role asked for again; null when there is none.
   */
  requested: string | null;
}

/**
 * Plans a move of `person` (with `pending`, the role they asked for and wait for, if any)
 * to `villageCode`: an area role that does not cover the new village ends, and goes back to
 * an admin as a request, unless the person already waits for another role.
 */
export function planVillageMove(
  person: StaffMember,
  pending: string | null,
  villageCode: string,
): VillageMovePlan {
  if (person.villageCode === villageCode) return { endedRole: null, requested: pending };
  const endedRole = keepsRoleOnMove(person, villageCode) ? null : person.role;
  return { endedRole, requested: pending ?? endedRole };
}
