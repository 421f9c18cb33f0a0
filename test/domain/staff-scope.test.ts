import { describe, expect, it } from 'vitest';
import { scopeCovers, staffScope } from '../../src/domain/staff-scope.js';

const SUKAMAJU = '32.03.03.2013'; // Kec. Cibeber, Kab. Cianjur
const SUKAMANAH = '32.03.03.2017'; // same kecamatan
const OTHER_DISTRICT = '32.03.01.2003'; // Kab. Cianjur, another kecamatan
const OTHER_REGENCY = '32.04.08.2002'; // Bojongsoang, Kab. Bandung

describe('staffScope', () => {
  it('gives perangkat desa and kader digital their own village, to act on', () => {
    for (const role of ['perangkat_desa', 'kader_digital']) {
      const scope = staffScope({ role, villageCode: SUKAMAJU });
      expect(scope).toEqual({
        type: 'area',
        level: 'village',
        areaCode: SUKAMAJU,
        access: 'manage',
      });
      expect(scopeCovers(scope, SUKAMAJU, 'manage')).toBe(true);
      expect(scopeCovers(scope, SUKAMANAH)).toBe(false);
    }
  });

  it('gives a duta digital every village of their kabupaten', () => {
    const scope = staffScope({ role: 'duta_digital', villageCode: SUKAMAJU });
    expect(scope).toEqual({ type: 'area', level: 'regency', areaCode: '32.03', access: 'manage' });
    expect(scopeCovers(scope, OTHER_DISTRICT, 'manage')).toBe(true);
    expect(scopeCovers(scope, OTHER_REGENCY)).toBe(false);
  });

  it('gives a pendamping desa read-only access to their kecamatan', () => {
    const scope = staffScope({ role: 'pendamping_desa', villageCode: SUKAMAJU });
    expect(scope).toEqual({
      type: 'area',
      level: 'district',
      areaCode: '32.03.03',
      access: 'read',
    });
    expect(scopeCovers(scope, SUKAMANAH, 'read')).toBe(true);
    expect(scopeCovers(scope, SUKAMANAH, 'manage')).toBe(false);
    expect(scopeCovers(scope, OTHER_DISTRICT, 'read')).toBe(false);
  });

  it('lets admins act everywhere, even without a village', () => {
    const scope = staffScope({ role: 'admin', villageCode: null });
    expect(scope).toEqual({ type: 'everywhere', access: 'manage' });
    expect(scopeCovers(scope, OTHER_REGENCY, 'manage')).toBe(true);
  });

  it('gives warga, unknown roles and staff without a valid village no scope', () => {
    expect(staffScope({ role: 'warga', villageCode: SUKAMAJU })).toEqual({ type: 'none' });
    expect(staffScope({ role: 'lurah', villageCode: SUKAMAJU })).toEqual({ type: 'none' });
    expect(staffScope({ role: 'kader_digital', villageCode: null })).toEqual({ type: 'none' });
    expect(staffScope({ role: 'duta_digital', villageCode: '3203032013' })).toEqual({
      type: 'none',
    });
    expect(scopeCovers({ type: 'none' }, SUKAMAJU)).toBe(false);
  });

  it('never matches a code that only shares a prefix of characters, or a malformed one', () => {
    const scope = staffScope({ role: 'duta_digital', villageCode: SUKAMAJU });
    expect(scopeCovers(scope, '32.031.03.2013')).toBe(false);
    expect(scopeCovers(scope, '32.03')).toBe(false);
  });
});
