/**
 * Where a member of staff may act, from their role and their village (DOMAIN.md §3):
 * perangkat desa and kader digital for their own village, duta digital for the villages
 * of their kabupaten/kota, pendamping desa read-only for their kecamatan, admins
 * everywhere. Warga are no staff. Codes are Kemendagri codes (`PP.KK.CC.TNNN`).
 */
import type { Role } from './roles.js';

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
