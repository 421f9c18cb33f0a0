/**
 * Who may run trainings where (issue 15): admins everywhere, a duta digital within their
 * kabupaten, a pendamping desa within their kecamatan (they only read reports, but they
 * run trainings). And who a session is for: a person whose role is in its audience and
 * whose village lies in one of its regions.
 */
import type { RandomInt } from '../report/ticket.js';
import type { StaffMember } from '../staff-scope.js';

/** Roles a session may be for, in the order they are offered. */
export const AUDIENCE_ROLES = [
  'kader_digital',
  'duta_digital',
  'perangkat_desa',
  'pendamping_desa',
  'warga',
] as const;

/** A role a session may be for. */
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];

/** A Kemendagri code of a province, kabupaten/kota, kecamatan or desa/kelurahan. */
export const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.[123]\d{3})?)?)?$/;
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.[123]\d{3}$/;
/** Characters of a village code naming its kecamatan, and its kabupaten/kota. */
const DISTRICT_LENGTH = 8;
const REGENCY_LENGTH = 5;

/** Where a person may create, change and cancel sessions. */
export type TrainingArea =
  | { type: 'none' }
  | { type: 'everywhere' }
  | { type: 'area'; level: 'district' | 'regency'; code: string };

/** The area a person manages trainings in. */
export function trainingArea(person: StaffMember): TrainingArea {
  if (person.role === 'admin') return { type: 'everywhere' };
  const village = person.villageCode;
  if (!village || !VILLAGE_CODE.test(village)) return { type: 'none' };
  if (person.role === 'duta_digital') {
    return { type: 'area', level: 'regency', code: village.slice(0, REGENCY_LENGTH) };
  }
  if (person.role === 'pendamping_desa') {
    return { type: 'area', level: 'district', code: village.slice(0, DISTRICT_LENGTH) };
  }
  return { type: 'none' };
}

/** True when `code` is `area` or lies inside it (`32.03.03` is inside `32.03`). */
export function regionWithin(code: string, area: string): boolean {
  return code === area || code.startsWith(`${area}.`);
}

/** True when `area` covers every one of `regions` (a session it may manage). */
export function areaCovers(area: TrainingArea, regions: readonly string[]): boolean {
  if (area.type === 'everywhere') return true;
  if (area.type === 'none' || regions.length === 0) return false;
  return regions.every((region) => regionWithin(region, area.code));
}

/** True when a session for `audience` in `regions` is for this person. */
export function invites(
  session: { audience: readonly string[]; regions: readonly string[] },
  person: StaffMember,
): boolean {
  const village = person.villageCode;
  if (!village || !session.audience.includes(person.role)) return false;
  return session.regions.some((region) => regionWithin(village, region));
}

/** Check-in code characters: no 0/O, 1/I/L, 2/Z, 5/S, 8/B look-alikes. */
export const CHECK_IN_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY34679';
/** Characters of a check-in code. */
export const CHECK_IN_CODE_LENGTH = 6;

/** A new check-in code, e.g. `K7QX4M`. */
export function newCheckInCode(random: RandomInt): string {
  let code = '';
  for (let i = 0; i < CHECK_IN_CODE_LENGTH; i += 1) {
    code += CHECK_IN_ALPHABET[random(CHECK_IN_ALPHABET.length)];
  }
  return code;
}

/** A typed code as stored: spaces and dashes dropped, upper case ("k7q x4m" → "K7QX4M"). */
export function normaliseCheckInCode(input: string): string {
  return input.replace(/[\s-]+/g, '').toUpperCase();
}
