import { describe, expect, it } from 'vitest';
import { type ReportAccessFacts, reportAccess } from '../../../src/domain/report/access.js';

const SUKAMAJU = '32.03.03.2013'; // Kec. Cibeber, Kab. Cianjur
const SUKAMANAH = '32.03.03.2017'; // same kecamatan
const BOJONGSOANG = '32.04.08.2002'; // Kab. Bandung

const report = (facts: Partial<ReportAccessFacts> = {}): ReportAccessFacts => ({
  contactId: 'siti',
  villageCode: SUKAMAJU,
  anonymous: false,
  confidential: false,
  ...facts,
});
const viewer = (id: string, role: string, villageCode: string | null = SUKAMAJU) => ({
  id,
  role,
  villageCode,
});

describe('report access', () => {
  it('shows the reporter everything of their own report', () => {
    expect(reportAccess(report(), viewer('siti', 'warga'))).toEqual({ type: 'owner' });
  });

  it('shows nothing to other villagers, even of the same village', () => {
    expect(reportAccess(report(), viewer('budi', 'warga'))).toEqual({ type: 'none' });
  });

  it('lets staff of the area see and act, and refuses staff of another area', () => {
    const full = { type: 'staff', manage: true, content: true, reporter: true };
    expect(reportAccess(report(), viewer('p', 'perangkat_desa'))).toEqual(full);
    expect(reportAccess(report(), viewer('k', 'kader_digital'))).toEqual(full);
    expect(reportAccess(report(), viewer('d', 'duta_digital', SUKAMANAH))).toEqual(full);
    expect(reportAccess(report(), viewer('a', 'admin', null))).toEqual(full);
    expect(reportAccess(report(), viewer('k2', 'kader_digital', SUKAMANAH))).toEqual({
      type: 'none',
    });
    expect(reportAccess(report(), viewer('d2', 'duta_digital', BOJONGSOANG))).toEqual({
      type: 'none',
    });
  });

  it('gives a pendamping desa read-only access to the kecamatan', () => {
    expect(reportAccess(report(), viewer('pd', 'pendamping_desa', SUKAMANAH))).toEqual({
      type: 'staff',
      manage: false,
      content: true,
      reporter: true,
    });
  });

  it('hides the reporter of an anonymous report from every member of staff', () => {
    for (const role of ['perangkat_desa', 'kader_digital', 'admin']) {
      expect(reportAccess(report({ anonymous: true }), viewer('s', role))).toMatchObject({
        type: 'staff',
        reporter: false,
      });
    }
  });

  it('shows a confidential report’s content only to the village’s perangkat and to admins', () => {
    const secret = report({ confidential: true });
    expect(reportAccess(secret, viewer('p', 'perangkat_desa'))).toMatchObject({ content: true });
    expect(reportAccess(secret, viewer('a', 'admin', null))).toMatchObject({ content: true });
    expect(reportAccess(secret, viewer('k', 'kader_digital'))).toMatchObject({ content: false });
    expect(reportAccess(secret, viewer('d', 'duta_digital'))).toMatchObject({ content: false });
    expect(reportAccess(secret, viewer('pd', 'pendamping_desa'))).toMatchObject({
      content: false,
    });
  });

  it('treats an erased reporter as nobody', () => {
    expect(reportAccess(report({ contactId: null }), viewer('siti', 'warga'))).toEqual({
      type: 'none',
    });
  });
});
