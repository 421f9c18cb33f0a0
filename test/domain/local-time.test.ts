import { describe, expect, it } from 'vitest';
import { formatLocalTime, parseLocalTime } from '../../src/domain/local-time.js';

/** Monday 2 March 2026, 10:00 WIB. */
const now = new Date('2026-03-02T03:00:00Z');
const MONTH_MS = 30 * 24 * 60 * 60_000;
const read = (text: string, zone: 'WIB' | 'WITA' | 'WIT' = 'WIB') => {
  const at = parseLocalTime(text, { now, zone, maxAheadMs: MONTH_MS });
  return at ? formatLocalTime(at, zone) : undefined;
};

describe('parseLocalTime', () => {
  it.each([
    ['14:30', '02/03/2026 14:30 WIB'],
    ['jam 14.30', '02/03/2026 14:30 WIB'],
    ['pukul 7', '03/03/2026 07:00 WIB'],
    ['besok 08:00', '03/03/2026 08:00 WIB'],
    ['tomorrow at 8', '03/03/2026 08:00 WIB'],
    ['lusa 9:15', '04/03/2026 09:15 WIB'],
    ['5/3 07:30', '05/03/2026 07:30 WIB'],
    ['05-03-2026 7:30', '05/03/2026 07:30 WIB'],
    ['2026-03-20 16:00 WIB', '20/03/2026 16:00 WIB'],
  ])('reads %s', (text, shown) => {
    expect(read(text)).toBe(shown);
  });

  it('reads the time in the zone given', () => {
    const at = parseLocalTime('14:30', { now, zone: 'WIT', maxAheadMs: MONTH_MS });
    expect(at?.toISOString()).toBe('2026-03-02T05:30:00.000Z');
  });

  it.each(['nanti sore', '25:00', '14:75', '1/3 08:00', '31/2 08:00', '30/4 08:00', 'besok', ''])(
    'refuses %s (unreadable, past, no such day or too far)',
    (text) => {
      expect(read(text)).toBeUndefined();
    },
  );
});
