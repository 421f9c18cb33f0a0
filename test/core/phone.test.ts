import { describe, expect, it } from 'vitest';
import { internationalDigits, nationalDigits } from '../../src/core/phone.js';

describe('phone digits', () => {
  it('writes a number as digits with the country code, however it was written', () => {
    expect(internationalDigits('0812-3456-7890')).toBe('6281234567890');
    expect(internationalDigits('+62 812 3456 7890')).toBe('6281234567890');
    expect(internationalDigits('6281234567890')).toBe('6281234567890');
    // Without a 0 or a country code the digits stay as written.
    expect(internationalDigits('81234567890')).toBe('81234567890');
  });

  it('keeps the digits after the country code or the leading 0', () => {
    expect(nationalDigits('+62 812-34')).toBe('81234');
    expect(nationalDigits('0812 34')).toBe('81234');
    expect(nationalDigits('(022) 7654321')).toBe('227654321');
    expect(nationalDigits('81234')).toBe('81234');
    // Only one prefix goes: "062…" is 0 then 62…
    expect(nationalDigits('062812')).toBe('62812');
  });
});
