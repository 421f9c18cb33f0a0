/**
 * Indonesia's three time zones, and which villages keep which (DOMAIN.md §7): by the
 * province part of the Kemendagri code, from an explicit table, never from ranges, so a
 * new province is a deliberate line here rather than a silent guess.
 */

/** WIB (UTC+7), WITA (UTC+8), WIT (UTC+9). */
export type IndonesianZone = 'WIB' | 'WITA' | 'WIT';

/** The IANA name of each zone: what `Intl` and the calendar work with. */
export const IANA_ZONES: Record<IndonesianZone, string> = {
  WIB: 'Asia/Jakarta',
  WITA: 'Asia/Makassar',
  WIT: 'Asia/Jayapura',
};

/** The zone where nothing better is known: where most people and the programme team live. */
export const DEFAULT_ZONE: IndonesianZone = 'WIB';

const WIB_PROVINCES = ['11', '12', '13', '14', '15', '16', '17', '18', '19', '21']
  .concat(['31', '32', '33', '34', '35', '36'])
  .concat(['61', '62']);
const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65'].concat([
  '71',
  '72',
  '73',
  '74',
  '75',
  '76',
]);
const WIT_PROVINCES = ['81', '82', '91', '92', '93', '94', '95', '96'];

/** Province code (`PP`) → zone, for every province of Indonesia. */
export const PROVINCE_ZONES: ReadonlyMap<string, IndonesianZone> = new Map([
  ...WIB_PROVINCES.map((code) => [code, 'WIB'] as const),
  ...WITA_PROVINCES.map((code) => [code, 'WITA'] as const),
  ...WIT_PROVINCES.map((code) => [code, 'WIT'] as const),
]);

/**
 * The zone of a village (or any region code starting with its province, `PP.…`); the
 * default zone for a code whose province is not in the table.
 */
export function zoneOfVillage(code: string | null | undefined): IndonesianZone {
  return PROVINCE_ZONES.get((code ?? '').slice(0, 2)) ?? DEFAULT_ZONE;
}

/** The IANA time zone of a village, for `Intl` and the working-day calendar. */
export function timeZoneOfVillage(code: string | null | undefined): string {
  return IANA_ZONES[zoneOfVillage(code)];
}
