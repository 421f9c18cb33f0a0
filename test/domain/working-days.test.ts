import { describe, expect, it } from 'vitest';
import {
  createWorkingCalendar,
  instantAt,
  isLocalDate,
  localDateOf,
} from '../../src/domain/working-days.js';

const JAKARTA = 'Asia/Jakarta';
const JAYAPURA = 'Asia/Jayapura';

describe('working days', () => {
  const calendar = createWorkingCalendar({});

  it('skips weekends and Indonesian national holidays', () => {
    expect(calendar.isWorkingDay('2026-04-02')).toBe(true); // Thursday
    expect(calendar.isWorkingDay('2026-04-03')).toBe(false); // Good Friday (Wafat Isa Almasih)
    expect(calendar.isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2026-04-05')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2026-08-17')).toBe(false); // Independence Day
    expect(calendar.isWorkingDay('2026-03-19')).toBe(false); // Nyepi
    expect(calendar.isWorkingDay('2026-03-18')).toBe(true);
  });

  it('puts a 3-day deadline across a weekend and a national holiday', () => {
    // Filed Thursday 2 April 2026, 10:00 WIB; Friday is Good Friday.
    const filed = new Date('2026-04-02T03:00:00Z');
    // Monday, Tuesday, Wednesday are the 3 working days: overdue Thursday 08:00 WIB.
    expect(calendar.dueAfter(filed, 3, JAKARTA)).toEqual(new Date('2026-04-09T01:00:00Z'));
  });

  it('skips the configured cuti bersama days too', () => {
    const withCuti = createWorkingCalendar({ cutiBersama: ['2026-03-18', '2026-03-23'] });
    expect(withCuti.isWorkingDay('2026-03-18')).toBe(false);
    // Filed Tuesday 17 March 2026: 18 cuti, 19 Nyepi, 20-21 Idul Fitri, 22 Sunday, 23 cuti.
    const filed = new Date('2026-03-17T03:00:00Z');
    expect(withCuti.dueAfter(filed, 3, JAKARTA)).toEqual(new Date('2026-03-27T01:00:00Z'));
    expect(calendar.dueAfter(filed, 3, JAKARTA)).toEqual(new Date('2026-03-25T01:00:00Z'));
  });

  it('starts counting on the next working day when filed on a day off', () => {
    const saturday = new Date('2026-03-07T05:00:00Z');
    // Monday to Wednesday counted: overdue Thursday 12 March, 08:00 WIB.
    expect(calendar.dueAfter(saturday, 3, JAKARTA)).toEqual(new Date('2026-03-12T01:00:00Z'));
  });

  it('counts in the village time zone: WIT is due 2 hours before WIB for the same local deadline', () => {
    const filed = new Date('2026-04-02T03:00:00Z'); // 10:00 WIB, 12:00 WIT, both Thursday
    const wib = calendar.dueAfter(filed, 3, JAKARTA);
    const wit = calendar.dueAfter(filed, 3, JAYAPURA);
    expect(wib.getTime() - wit.getTime()).toBe(2 * 3_600_000);
    expect(wit).toEqual(new Date('2026-04-08T23:00:00Z'));
  });

  it('takes the local day of the filing, not the UTC day', () => {
    // 23:30 UTC on Wednesday is already Thursday 06:30 WIB.
    const late = new Date('2026-04-01T23:30:00Z');
    expect(localDateOf(late, JAKARTA)).toBe('2026-04-02');
    expect(calendar.dueAfter(late, 3, JAKARTA)).toEqual(new Date('2026-04-09T01:00:00Z'));
  });

  it('converts local wall times to instants', () => {
    expect(instantAt('2026-04-09', 8, 'Asia/Makassar')).toEqual(new Date('2026-04-09T00:00:00Z'));
    expect(instantAt('2026-01-01', 0, JAYAPURA)).toEqual(new Date('2025-12-31T15:00:00Z'));
  });

  it('recognises real dates only', () => {
    expect(isLocalDate('2026-03-20')).toBe(true);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('20-03-2026')).toBe(false);
  });
});
