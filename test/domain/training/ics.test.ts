import { describe, expect, it } from 'vitest';
import { escapeText, fold, icsFileName, icsOf } from '../../../src/domain/training/ics.js';

describe('training calendar files', () => {
  it('writes one event in UTC with CRLF line ends', () => {
    const ics = icsOf({
      id: 'session-1',
      title: 'Bimtek Website Desa',
      description: 'Membuat website desa; materi: https://materi.example.org',
      location: 'Balai Desa Tuban, Jl. Raya 1',
      url: null,
      startsAt: new Date('2026-12-01T01:00:00Z'),
      endsAt: new Date('2026-12-01T03:00:00Z'),
      cancelled: false,
      stamp: new Date('2026-11-28T00:00:00Z'),
      sequence: 2,
    });
    expect(ics.split('\r\n')).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Sapa Desa//Pelatihan//ID',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:session-1@sapa-desa',
      'DTSTAMP:20261128T000000Z',
      'DTSTART:20261201T010000Z',
      'DTEND:20261201T030000Z',
      'SEQUENCE:2',
      'SUMMARY:Bimtek Website Desa',
      'DESCRIPTION:Membuat website desa\\; materi: https://materi.example.org',
      'LOCATION:Balai Desa Tuban\\, Jl. Raya 1',
      'STATUS:CONFIRMED',
      'END:VEVENT',
      'END:VCALENDAR',
      '',
    ]);
  });

  it('escapes text and folds long lines without splitting a character', () => {
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
    const long = `SUMMARY:${'é'.repeat(60)}`;
    const folded = fold(long);
    for (const line of folded.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, '')).toBe(long);
  });

  it('names the file after the title', () => {
    expect(icsFileName('Bimtek Website Desa!')).toBe('bimtek-website-desa.ics');
    expect(icsFileName('???')).toBe('pelatihan.ics');
  });
});
