import { describe, expect, it } from 'vitest';
import {
  areaCovers,
  CHECK_IN_ALPHABET,
  invites,
  newCheckInCode,
  normaliseCheckInCode,
  trainingArea,
} from '../../../src/domain/training/access.js';

const KUTA_VILLAGE = '51.03.01.1002';

describe('who runs trainings where', () => {
  it('gives admins everywhere, duta their kabupaten, pendamping their kecamatan, others nothing', () => {
    expect(trainingArea({ role: 'admin', villageCode: null })).toEqual({ type: 'everywhere' });
    expect(trainingArea({ role: 'duta_digital', villageCode: KUTA_VILLAGE })).toEqual({
      type: 'area',
      level: 'regency',
      code: '51.03',
    });
    expect(trainingArea({ role: 'pendamping_desa', villageCode: KUTA_VILLAGE })).toEqual({
      type: 'area',
      level: 'district',
      code: '51.03.01',
    });
    expect(trainingArea({ role: 'kader_digital', villageCode: KUTA_VILLAGE })).toEqual({
      type: 'none',
    });
    expect(trainingArea({ role: 'duta_digital', villageCode: null })).toEqual({ type: 'none' });
  });

  it('lets an area manage only sessions wholly inside it', () => {
    const duta = trainingArea({ role: 'duta_digital', villageCode: KUTA_VILLAGE });
    expect(areaCovers(duta, ['51.03.01', '51.03.02.1004'])).toBe(true);
    expect(areaCovers(duta, ['51.03.01', '51.01'])).toBe(false);
    expect(areaCovers(duta, ['51'])).toBe(false);
    expect(areaCovers(duta, ['51.031'])).toBe(false);
  });

  it('invites people by role and village', () => {
    const session = { audience: ['kader_digital'], regions: ['51.03.01'] };
    expect(invites(session, { role: 'kader_digital', villageCode: '51.03.01.1001' })).toBe(true);
    expect(invites(session, { role: 'warga', villageCode: '51.03.01.1001' })).toBe(false);
    expect(invites(session, { role: 'kader_digital', villageCode: '51.01.01.1006' })).toBe(false);
    expect(invites(session, { role: 'kader_digital', villageCode: null })).toBe(false);
  });

  it('draws check-in codes without look-alikes and reads typed ones forgivingly', () => {
    let n = 0;
    const code = newCheckInCode(() => n++ % CHECK_IN_ALPHABET.length);
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    expect(code).not.toMatch(/[0O1IL2Z5S8B]/);
    expect(CHECK_IN_ALPHABET).not.toMatch(/[0O1IL2Z5S8B]/);
    expect(normaliseCheckInCode(' k7q x4-m ')).toBe('K7QX4M');
  });
});
