import { describe, expect, it } from 'vitest';
import {
  dayBeforeAt,
  instantOf,
  parseWallTime,
  wallTimeOf,
  whenText,
  zoneOfIana,
} from '../../../src/domain/training/time.js';
import { createTranslator } from '../../../src/i18n.js';

const WITA = 'Asia/Makassar';

describe('training times', () => {
  it('reads dates and times as people type them', () => {
    const wanted = { year: 2026, month: 12, day: 1, hour: 9, minute: 0 };
    for (const typed of [
      '1/12/2026 09.00',
      '01-12-2026 9:00',
      '2026-12-01 09:00',
      '1 Desember 2026 pukul 9',
      'Selasa, 1 des 2026 jam 09.00',
      '1 December 2026 at 09:00',
    ]) {
      expect(parseWallTime(typed), typed).toEqual(wanted);
    }
  });

  it('refuses what it cannot read for sure', () => {
    for (const typed of ['besok pagi', '31/2/2026 09.00', '1/12/2026', '1/12/2026 25.00', '9.00']) {
      expect(parseWallTime(typed), typed).toBeUndefined();
    }
  });

  it('converts wall times in each zone exactly (no daylight saving in Indonesia)', () => {
    const wall = { year: 2026, month: 12, day: 1, hour: 9, minute: 0 };
    expect(instantOf(wall, WITA).toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(instantOf(wall, 'Asia/Jayapura').toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect(instantOf(wall, 'Asia/Jakarta').toISOString()).toBe('2026-12-01T02:00:00.000Z');
    expect(wallTimeOf(new Date('2026-12-01T01:00:00Z'), WITA)).toMatchObject({
      ...wall,
      weekday: 2,
    });
    expect(zoneOfIana(WITA)).toBe('WITA');
  });

  it('puts the evening reminder at 18.00 of the day before, in the session zone', () => {
    const start = new Date('2026-12-01T01:00:00Z'); // 09.00 WITA
    expect(dayBeforeAt(start, WITA, { hour: 18, minute: 0 }).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
    // 01.00 WITA on 1 December is still 30 November in UTC: the day before is 30 November.
    const early = new Date('2026-11-30T17:00:00Z');
    expect(dayBeforeAt(early, WITA, { hour: 18, minute: 0 }).toISOString()).toBe(
      '2026-11-30T10:00:00.000Z',
    );
  });

  it('writes the day, date and time out with the zone, in both languages', async () => {
    const translator = await createTranslator('id');
    const text = whenText(new Date('2026-12-01T01:00:00Z'), WITA);
    expect(translator.translate(text, 'id')).toBe('Selasa, 1 Desember 2026 pukul 09.00 WITA');
    expect(translator.translate(text, 'en')).toBe('Tuesday, 1 December 2026 at 09:00 WITA');
  });
});
