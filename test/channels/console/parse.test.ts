import { describe, expect, it } from 'vitest';
import { CONSOLE_USAGE, parseConsoleLine } from '../../../src/channels/console/parse.js';

describe('console lines', () => {
  it('shares a pin in range, with a space or a comma between the numbers', () => {
    expect(parseConsoleLine('/lokasi -6.9175 107.6191')).toEqual({
      type: 'message',
      payload: { type: 'location', latitude: -6.9175, longitude: 107.6191 },
    });
    expect(parseConsoleLine('/location -6.9,107.6')).toMatchObject({
      payload: { type: 'location', latitude: -6.9, longitude: 107.6 },
    });
  });

  it.each(['/lokasi', '/lokasi 100 107', '/lokasi -6.9 200', '/lokasi bandung', '/location 1'])(
    '"%s" says the format and the range instead of sending anything',
    (line) => {
      expect(parseConsoleLine(line)).toEqual({ type: 'usage', text: CONSOLE_USAGE.lokasi });
      expect(CONSOLE_USAGE.lokasi).toContain('lintang -90 sampai 90, bujur -180 sampai 180');
    },
  );

  it('/sebagai without a name says how to use it; with one it switches', () => {
    expect(parseConsoleLine('/sebagai')).toEqual({ type: 'usage', text: CONSOLE_USAGE.sebagai });
    expect(parseConsoleLine('/as')).toEqual({ type: 'usage', text: CONSOLE_USAGE.sebagai });
    expect(CONSOLE_USAGE.sebagai).toContain('/sebagai siti');
    expect(parseConsoleLine('/sebagai Bu Rina')).toEqual({ type: 'switch', name: 'Bu Rina' });
  });
});
