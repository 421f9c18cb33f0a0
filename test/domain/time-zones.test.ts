import { describe, expect, it } from 'vitest';
import {
  IANA_ZONES,
  PROVINCE_ZONES,
  timeZoneOfVillage,
  zoneOfVillage,
} from '../../src/domain/time-zones.js';

/** The UTC offset of a zone in hours, as Intl sees it. */
function offsetHours(timeZone: string): number {
  const at = new Date('2026-06-01T00:00:00Z');
  const hour = Number(
    new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', hourCycle: 'h23' }).format(at),
  );
  return hour;
}

describe('time zones of villages', () => {
  it('follows the province table of DOMAIN.md', () => {
    expect(zoneOfVillage('32.03.03.2013')).toBe('WIB'); // Jawa Barat
    expect(zoneOfVillage('61.01.01.2001')).toBe('WIB'); // Kalimantan Barat
    expect(zoneOfVillage('63.01.01.2001')).toBe('WITA'); // Kalimantan Selatan
    expect(zoneOfVillage('51.71.01.1001')).toBe('WITA'); // Bali
    expect(zoneOfVillage('73.71.01.1001')).toBe('WITA'); // Sulawesi Selatan
    expect(zoneOfVillage('82.01.01.2001')).toBe('WIT'); // Maluku Utara
    expect(zoneOfVillage('94.71.01.1001')).toBe('WIT'); // Papua
    expect(timeZoneOfVillage('91.01.01.2001')).toBe('Asia/Jayapura');
  });

  it('covers the 38 provinces, and falls back to WIB for an unknown code', () => {
    expect(PROVINCE_ZONES.size).toBe(38);
    expect(zoneOfVillage('99.01.01.2001')).toBe('WIB');
    expect(zoneOfVillage(null)).toBe('WIB');
  });

  it('maps each zone to an IANA zone of the right offset', () => {
    expect(offsetHours(IANA_ZONES.WIB)).toBe(7);
    expect(offsetHours(IANA_ZONES.WITA)).toBe(8);
    expect(offsetHours(IANA_ZONES.WIT)).toBe(9);
  });
});
