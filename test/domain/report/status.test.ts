import { describe, expect, it } from 'vitest';
import {
  decideMove,
  isOpen,
  REJECT_REASONS,
  REPORT_STATUSES,
  type ReportStatus,
  staffMovesFrom,
} from '../../../src/domain/report/status.js';

/** The table of staff moves, written out again on purpose. */
const TABLE: Record<ReportStatus, ReportStatus[]> = {
  DITERIMA: ['DIVERIFIKASI', 'DITOLAK', 'PERLU_INFO'],
  DIVERIFIKASI: ['DITERUSKAN', 'DIPROSES', 'DITOLAK', 'PERLU_INFO'],
  DITERUSKAN: ['DIPROSES', 'PERLU_INFO'],
  DIPROSES: ['SELESAI', 'PERLU_INFO'],
  DIBUKA_KEMBALI: ['DIPROSES'],
  PERLU_INFO: [],
  SELESAI: [],
  DITUTUP: [],
  DITOLAK: [],
};

const at = (status: ReportStatus, infoFrom: ReportStatus | null = null) => ({ status, infoFrom });

describe('report status workflow', () => {
  it('allows staff exactly the moves of the table, and refuses every other pair', () => {
    for (const from of REPORT_STATUSES) {
      expect(staffMovesFrom(from)).toEqual(TABLE[from]);
      for (const to of REPORT_STATUSES) {
        const reason = to === 'DITOLAK' ? 'spam' : undefined;
        const decision = decideMove(at(from), { by: 'staff', to, reason });
        if (TABLE[from].includes(to)) {
          expect(decision, `${from} → ${to}`).toMatchObject({ type: 'allowed', from, to });
        } else {
          expect(decision, `${from} → ${to}`).toEqual({
            type: 'refused',
            reason: 'not_allowed',
            from,
            allowed: TABLE[from],
          });
        }
      }
    }
  });

  it('needs one of the four reasons for DITOLAK, and none for other moves', () => {
    expect(decideMove(at('DITERIMA'), { by: 'staff', to: 'DITOLAK' })).toMatchObject({
      type: 'refused',
      reason: 'reason_required',
    });
    for (const reason of REJECT_REASONS) {
      expect(decideMove(at('DIVERIFIKASI'), { by: 'staff', to: 'DITOLAK', reason })).toEqual({
        type: 'allowed',
        from: 'DIVERIFIKASI',
        to: 'DITOLAK',
        infoFrom: null,
        rejectReason: reason,
      });
    }
    expect(
      decideMove(at('DITERIMA'), { by: 'staff', to: 'DIVERIFIKASI', reason: 'spam' }),
    ).toMatchObject({ type: 'refused', reason: 'reason_unexpected' });
  });

  it('remembers where PERLU_INFO came from and returns there when the reporter answers', () => {
    for (const from of ['DITERIMA', 'DIVERIFIKASI', 'DITERUSKAN', 'DIPROSES'] as const) {
      const asked = decideMove(at(from), { by: 'staff', to: 'PERLU_INFO' });
      expect(asked).toMatchObject({ type: 'allowed', to: 'PERLU_INFO', infoFrom: from });
      expect(decideMove(at('PERLU_INFO', from), { by: 'reporter', answer: 'info' })).toEqual({
        type: 'allowed',
        from: 'PERLU_INFO',
        to: from,
        infoFrom: null,
        rejectReason: null,
      });
    }
  });

  it('closes on "fixed" and reopens on "not fixed", only at SELESAI', () => {
    expect(decideMove(at('SELESAI'), { by: 'reporter', answer: 'fixed' })).toMatchObject({
      type: 'allowed',
      to: 'DITUTUP',
    });
    expect(decideMove(at('SELESAI'), { by: 'reporter', answer: 'not_fixed' })).toMatchObject({
      type: 'allowed',
      to: 'DIBUKA_KEMBALI',
    });
    expect(decideMove(at('DIBUKA_KEMBALI'), { by: 'staff', to: 'DIPROSES' })).toMatchObject({
      type: 'allowed',
      to: 'DIPROSES',
    });
    for (const status of REPORT_STATUSES.filter((s) => s !== 'SELESAI')) {
      expect(decideMove(at(status), { by: 'reporter', answer: 'fixed' })).toMatchObject({
        type: 'refused',
        reason: 'not_waiting',
      });
    }
  });

  it('refuses an answer to a question nobody asked', () => {
    expect(decideMove(at('DIPROSES'), { by: 'reporter', answer: 'info' })).toMatchObject({
      type: 'refused',
      reason: 'not_waiting',
    });
    expect(decideMove(at('PERLU_INFO', null), { by: 'reporter', answer: 'info' })).toMatchObject({
      type: 'refused',
      reason: 'not_waiting',
    });
  });

  it('ends a report at DITUTUP and DITOLAK only', () => {
    expect(REPORT_STATUSES.filter((s) => !isOpen(s))).toEqual(['DITUTUP', 'DITOLAK']);
  });
});
