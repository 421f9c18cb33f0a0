import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_REPORT_SLA } from '../../src/config.js';
import { createWorkingCalendar } from '../../src/domain/working-days.js';
import { createReportSla } from '../../src/runtime/jobs/report-sla.js';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.js';
import {
  createReportHarness,
  fileQuickly,
  newsFor,
  registerStaff,
  reportOf,
  SUKAMANAH,
  scriptedTickets,
  staffMove,
  statusesOf,
} from '../flows/report-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { type Harness, silentLogger } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

/** A WIB wall time as an instant: `wib('2026-04-09 08:00')`. */
const wib = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

const MOVE_LABELS = {
  DIVERIFIKASI: 'tandai diverifikasi',
  DITERUSKAN: 'teruskan ke instansi/petugas',
  DIPROSES: 'mulai diproses',
  SELESAI: 'tandai selesai',
} as const;

describe.each(DRIVERS)('report service levels on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let scheduler: Scheduler;
  /** A scheduler as a (re)started process builds it, over the harness's database and clock. */
  const buildScheduler = () => {
    const sla = createReportSla({
      calendar: createWorkingCalendar({}),
      config: DEFAULT_REPORT_SLA,
    });
    return createScheduler({ db: db.db, clock: h.clock, logger: silentLogger, jobs: sla.jobs });
  };
  /** Moves the clock to `at` and runs what is due then, as the periodic poll would. */
  const at = async (local: string) => {
    h.clock.advance(wib(local).getTime() - h.clock.now().getTime());
    await scheduler.runDue();
    await scheduler.runDue();
  };
  const news = async (who: string) => (await newsFor(h, who)).join('\n---\n');

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createReportHarness(scriptedTickets('SLAAA', 'SLBBB', 'SLCCC', 'SLDDD'), { db });
    await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
    await registerStaff(h, 'kader-desa', 'kader_digital', { name: 'Kader Desa' });
    await registerStaff(h, 'duta', 'duta_digital', { name: 'Duta', villageCode: SUKAMANAH });
    await registerStaff(h, 'admin', 'admin', { name: 'Admin' });
    await registerContact(h, 'siti', { name: 'Siti' });
    await registerContact(h, 'budi', { name: 'Budi', language: 'en' });
    scheduler = buildScheduler();
  });
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
    await db.close();
  });

  it('escalates a report nobody acts on once per level, across a weekend and a national holiday', async () => {
    // Thursday 2 April 2026; Friday 3 April is Good Friday.
    h.clock.advance(wib('2026-04-02 10:00').getTime() - h.clock.now().getTime());
    await fileQuickly(h, 'siti', { category: 1, description: 'Jalan desa berlubang besar' });
    await fileQuickly(h, 'siti', { category: 2, description: 'Air sumur umum keruh' });
    for (const who of ['pak-kades', 'kader-desa', 'duta', 'admin']) await news(who);
    // A restart between the filing and the due times changes nothing.
    await h.restart();
    scheduler = buildScheduler();

    // The second report is verified and forwarded in time: its timers end without a word.
    await at('2026-04-06 09:00');
    await staffMove(h, 'kader-desa', 'LP-SLBBB', {
      label: MOVE_LABELS.DIVERIFIKASI,
      note: 'Dicek',
    });
    await staffMove(h, 'kader-desa', 'LP-SLBBB', {
      label: MOVE_LABELS.DITERUSKAN,
      note: 'Ke PDAM',
    });
    await news('kader-desa');

    // Monday to Wednesday are the three working days: nothing until Thursday 08:00.
    await at('2026-04-08 23:59');
    expect(await news('pak-kades')).toBe('');
    await at('2026-04-09 08:00');
    const verifyOverdue =
      '⏰ Laporan *LP-SLAAA* (Jalan, jembatan & fasilitas umum) masuk 02/04/2026 dan belum diverifikasi setelah 3 hari kerja.';
    expect(await news('pak-kades')).toContain(verifyOverdue);
    expect(await news('kader-desa')).toContain(verifyOverdue);
    expect(await news('duta')).toBe('');
    expect(await news('admin')).toBe('');
    await at('2026-04-09 15:00');
    await h.restart();
    scheduler = buildScheduler();
    await at('2026-04-10 08:00');
    expect(await news('pak-kades')).toBe('');

    // Five working days after filing (Monday 6 to Friday 10): the follow-up is overdue.
    await at('2026-04-13 08:00');
    const followUp = await news('pak-kades');
    expect(followUp).toContain(
      '⏰ Laporan *LP-SLAAA* (Jalan, jembatan & fasilitas umum) masuk 02/04/2026 dan belum ditindaklanjuti (diteruskan atau diproses) setelah 5 hari kerja.',
    );
    expect(followUp).not.toContain('belum diverifikasi');
    expect(followUp).not.toContain('LP-SLBBB');
    expect(await news('kader-desa')).toContain('belum ditindaklanjuti');
    expect(await news('duta')).toBe('');

    // Two working days after the first escalation (Friday 10, Monday 13): the kabupaten's
    // duta digital and the admins hear of the verification.
    await at('2026-04-14 08:00');
    const verifyLevel2 =
      '⚠️ Laporan *LP-SLAAA* (Jalan, jembatan & fasilitas umum) masuk 02/04/2026 dan masih belum diverifikasi, sudah lewat batas 3 hari kerja.';
    expect(await news('duta')).toContain(verifyLevel2);
    expect(await news('admin')).toContain(verifyLevel2);
    expect(await news('pak-kades')).toBe('');
    // Two working days after the follow-up escalation (Tuesday 14, Wednesday 15).
    await at('2026-04-16 08:00');
    const followUpLevel2 = 'dan belum ditindaklanjuti, sudah lewat batas 5 hari kerja.';
    expect(await news('duta')).toContain(followUpLevel2);
    expect(await news('admin')).toContain(followUpLevel2);

    // Weeks later: nobody hears of either report again.
    await at('2026-05-15 08:00');
    for (const who of ['pak-kades', 'kader-desa', 'duta', 'admin']) {
      expect(await news(who), who).toBe('');
    }
    expect(await statusesOf(h, 'LP-SLAAA')).toEqual(['DITERIMA']);
  });

  it('closes a report left in SELESAI after 10 working days, and tells its reporter once', async () => {
    await at('2026-05-18 09:00');
    await fileQuickly(h, 'budi', { category: 1, description: 'The bridge rail is broken' });
    for (const to of ['DIVERIFIKASI', 'DIPROSES', 'SELESAI'] as const) {
      await staffMove(h, 'pak-kades', 'LP-SLCCC', {
        label: MOVE_LABELS[to],
        note: `Catatan ${to}`,
      });
    }
    expect(await news('budi')).toContain('Is the problem fixed?');
    // Marked done on Monday 18 May; 10 working days skip the weekends, the Ascension on
    // Thursday 14 May is already behind, Idul Adha on Wednesday 27 May is not counted:
    // 19 to 22, 25, 26, 28, 29 May, 1 June (Pancasila Day) is a holiday, 2 and 3 June.
    await at('2026-06-03 23:00');
    expect(await news('budi')).toBe('');
    expect((await reportOf(h, 'LP-SLCCC')).report.status).toBe('SELESAI');
    await at('2026-06-04 08:00');
    const told = await news('budi');
    expect(told).toContain(
      '📁 We closed report *LP-SLCCC* because there was no answer within 10 working days of it being marked done.',
    );
    const { report, history } = await reportOf(h, 'LP-SLCCC');
    expect(report.status).toBe('DITUTUP');
    expect(history.at(-1)).toMatchObject({
      fromStatus: 'SELESAI',
      toStatus: 'DITUTUP',
      actorKind: 'system',
      actorId: null,
      reason: 'otomatis',
    });
    await at('2026-06-30 08:00');
    expect(await news('budi')).toBe('');
    // Staff see why it closed.
    await playTranscript(
      h,
      'pak-kades',
      '> /kelola LP-SLCCC\n< Ditutup\n< alasan: Ditutup otomatis: pelapor tidak menjawab',
    );
    await h.say('pak-kades', 'batal');
  });

  it('closes a report marked done again only 10 working days after the last SELESAI', async () => {
    await at('2026-07-01 09:00');
    await fileQuickly(h, 'siti', { category: 3, description: 'Sampah menumpuk di sungai' });
    for (const to of ['DIVERIFIKASI', 'DIPROSES', 'SELESAI'] as const) {
      await staffMove(h, 'pak-kades', 'LP-SLDDD', {
        label: MOVE_LABELS[to],
        note: `Catatan ${to}`,
      });
    }
    await news('siti');
    await playTranscript(
      h,
      'siti',
      '> belum beres\n< Apa yang belum beres?\n> Masih ada di hilir\n< dibuka kembali',
    );
    await at('2026-07-06 09:00');
    for (const to of ['DIPROSES', 'SELESAI'] as const) {
      await staffMove(h, 'pak-kades', 'LP-SLDDD', { label: MOVE_LABELS[to], note: `Lagi ${to}` });
    }
    await news('siti');
    // Ten working days after the first SELESAI: that timer ends without effect.
    await at('2026-07-16 08:00');
    expect(await news('siti')).toBe('');
    expect((await reportOf(h, 'LP-SLDDD')).report.status).toBe('SELESAI');
    // Ten working days after the second: closed.
    await at('2026-07-21 08:00');
    expect(await news('siti')).toContain('📁 Laporan *LP-SLDDD* kami tutup');
    expect(await statusesOf(h, 'LP-SLDDD')).toEqual([
      'DITERIMA',
      'DIVERIFIKASI',
      'DIPROSES',
      'SELESAI',
      'DIBUKA_KEMBALI',
      'DIPROSES',
      'SELESAI',
      'DITUTUP',
    ]);
  });
});
