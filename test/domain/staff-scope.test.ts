import { describe, expect, it } from 'vitest';
import { planVillageMove, scopeCovers, staffScope } from '../../src/domain/staff-scope.js';

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

describe('planVillageMove', () => {
  const moves = (role: string, to: string, pending: string | null = null) =>
    planVillageMove({ role, villageCode: SUKAMAJU }, pending, to);

  it('ends a role tied to an area the new village is outside, and asks an admin again', () => {
    for (const role of ['perangkat_desa', 'kader_digital']) {
      expect(moves(role, SUKAMANAH)).toEqual({ endedRole: role, requested: role });
    }
    expect(moves('pendamping_desa', OTHER_DISTRICT)).toEqual({
      endedRole: 'pendamping_desa',
      requested: 'pendamping_desa',
    });
    expect(moves('duta_digital', OTHER_REGENCY)).toEqual({
      endedRole: 'duta_digital',
      requested: 'duta_digital',
    });
  });

  it('keeps a role whose area covers the new village, and roles bound to no area', () => {
    expect(moves('pendamping_desa', SUKAMANAH).endedRole).toBeNull();
    expect(moves('duta_digital', OTHER_DISTRICT).endedRole).toBeNull();
    expect(moves('admin', OTHER_REGENCY).endedRole).toBeNull();
    expect(moves('warga', OTHER_REGENCY)).toEqual({ endedRole: null, requested: null });
  });

  it('carries a pending request rather than the ended role, and changes nothing for the same village', () => {
    expect(moves('kader_digital', OTHER_REGENCY, 'duta_digital')).toEqual({
      endedRole: 'kader_digital',
      requested: 'duta_digital',
    });
    expect(moves('warga', OTHER_REGENCY, 'kader_digital')).toEqual({
      endedRole: null,
      requested: 'kader_digital',
    });
    expect(moves('kader_digital', SUKAMAJU).endedRole).toBeNull();
  });

  it('ends an area role held without a village (its area was never known)', () => {
    expect(planVillageMove({ role: 'kader_digital', villageCode: null }, null, SUKAMAJU)).toEqual({
      endedRole: 'kader_digital',
      requested: 'kader_digital',
    });
  });
});
