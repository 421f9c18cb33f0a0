import { describe, expect, it } from 'vitest';
import { slaDays, slaState } from '../../../src/domain/report/sla.js';

const CONFIG = { verifyDays: 3, followUpDays: 5, escalationDays: 2, autoCloseDays: 10 };

describe('report service levels', () => {
  it('counts a report as verified once staff acted on it in any way', () => {
    expect(slaState('verify', { status: 'DITERIMA', reached: ['DITERIMA'] })).toBe('overdue');
    expect(
      slaState('verify', { status: 'DIVERIFIKASI', reached: ['DITERIMA', 'DIVERIFIKASI'] }),
    ).toBe('met');
    expect(slaState('verify', { status: 'DITOLAK', reached: ['DITERIMA', 'DITOLAK'] })).toBe('met');
  });

  it('waits while the reporter is asked, and is overdue again once they answered', () => {
    expect(slaState('verify', { status: 'PERLU_INFO', reached: ['DITERIMA', 'PERLU_INFO'] })).toBe(
      'waiting',
    );
    const answered = {
      status: 'DITERIMA' as const,
      reached: ['DITERIMA', 'PERLU_INFO', 'DITERIMA'],
    };
    expect(slaState('verify', answered)).toBe('overdue');
  });

  it('counts a first follow-up from DITERUSKAN or DIPROSES on, even after going back', () => {
    const verified = ['DITERIMA', 'DIVERIFIKASI'];
    expect(slaState('follow_up', { status: 'DIVERIFIKASI', reached: verified })).toBe('overdue');
    expect(slaState('follow_up', { status: 'DITERIMA', reached: ['DITERIMA'] })).toBe('overdue');
    const asked = {
      status: 'PERLU_INFO' as const,
      reached: [...verified, 'DIPROSES', 'PERLU_INFO'],
    };
    expect(slaState('follow_up', asked)).toBe('met');
    expect(
      slaState('follow_up', { status: 'DITERUSKAN', reached: [...verified, 'DITERUSKAN'] }),
    ).toBe('met');
    expect(slaState('follow_up', { status: 'DITOLAK', reached: [...verified, 'DITOLAK'] })).toBe(
      'met',
    );
  });

  it('takes each level its own number of working days', () => {
    expect(slaDays(CONFIG, 'verify', 1)).toBe(3);
    expect(slaDays(CONFIG, 'follow_up', 1)).toBe(5);
    expect(slaDays(CONFIG, 'verify', 2)).toBe(2);
    expect(slaDays(CONFIG, 'follow_up', 2)).toBe(2);
  });
});
