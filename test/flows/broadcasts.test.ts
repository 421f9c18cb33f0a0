import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcasts } from '../../src/db/schema/index.js';
import { parseCsv } from '../../src/domain/villages.js';
import { BROADCAST_CSV_HEADER, exportBroadcastReach } from '../../src/export/broadcast.js';
import { createBroadcastJobs } from '../../src/runtime/jobs/broadcasts.js';
import { createScheduler, type Scheduler } from '../../src/runtime/scheduler.js';
import { createBulkFeedJob } from '../../src/runtime/scheduler-bulk.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness, silentLogger } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { testVillages } from '../support/villages.js';

const SUKAMAJU = '32.03.03.2013';
const KANOMAN = '32.03.03.2012';
/** Kab. Bandung: outside the duta's Kab. Cianjur. */
const BOJONGSOANG = '32.04.08.2002';
const SECOND = 1_000;
/** Whole conversations with the scheduler: generous, for a loaded machine. */
const TEST_TIMEOUT_MS = 120_000;

describe.each(DRIVERS)('broadcasts (siaran) on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let scheduler: Scheduler;

  /** Runs what is due now, then sends what it wrote, as the poll and the sweeper would. */
  const tick = async (limit?: number) => {
    await scheduler.runDue(limit);
    for (let i = 0; i < 5; i++) await h.runtime.outbox.sweep();
  };
  const news = async (who: string) => {
    for (let i = 0; i < 3; i++) await h.runtime.outbox.sweep();
    return h.channel.take(who).join('\n---\n');
  };

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ onboarding: true, db });
    scheduler = createScheduler({
      db: db.db,
      clock: h.clock,
      logger: silentLogger,
      jobs: [
        ...createBroadcastJobs({
          villages: testVillages,
          checkIntervalMs: 10 * SECOND,
          messageIntervalMs: 60 * SECOND,
        }).jobs,
        createBulkFeedJob({ batch: 2 }),
      ],
    });
    await registerContact(h, 'admin', { name: 'Admin', role: 'admin', villageCode: SUKAMAJU });
    await registerContact(h, 'duta', { name: 'Duta', role: 'duta_digital', villageCode: KANOMAN });
    await registerContact(h, 'siti', { name: 'Siti', villageCode: SUKAMAJU });
    await registerContact(h, 'john', { name: 'John', villageCode: KANOMAN, language: 'en' });
    await registerContact(h, 'budi', { name: 'Budi', villageCode: BOJONGSOANG });
    await registerContact(h, 'kader', {
      name: 'Kader',
      role: 'kader_digital',
      villageCode: SUKAMAJU,
    });
  }, TEST_TIMEOUT_MS);
  afterAll(() => h.close());

  it(
    'an admin composes, sees the preview and the count, confirms; each person gets their language',
    async () => {
      await playTranscript(
        h,
        'admin',
        `
      > /siaran
      < Siaran
      < Belum ada siaran.
      < 1. Buat siaran baru
      > 1
      < Tulis isi pengumuman
      > Bimtek Desa Cerdas hari Sabtu pukul 09.00 di balai desa.
      < Mau menambahkan satu foto
      > lewati
      < Untuk siapa pengumuman ini?
      < 2. Warga
      > 2
      < Di wilayah mana?
      < 1. Seluruh Indonesia
      > 2
      < Ketik nama desa
      > Sukamaju, Cibeber
      > 1
      < Kirim ke wilayah mana?
      < 1. Desa/kelurahan Sukamaju
      < 2. Kecamatan Cibeber
      < 3. Kab. Cianjur
      < 4. Provinsi Jawa Barat
      > 3
      < Untuk pengguna bahasa apa?
      > 1
      < Tambahkan versi bahasa Inggris?
      > ya
      < Tulis versi bahasa Inggrisnya.
      > Desa Cerdas training on Saturday at 09:00 in the village hall.
      < penting/darurat
      > tidak
      < Pratinjau
      < Pengumuman Sapa Desa
      < Bimtek Desa Cerdas hari Sabtu
      < Ketik BERHENTI
      < Pengguna bahasa lain akan menerima versi ini
      < Desa Cerdas training on Saturday
      < Penerima: *2 orang*
      < Tidak dikirimi: 0 berhenti berlangganan
      < Kirim pengumuman ini?
      < 1. Kirim sekarang
      > 1
      < Siaran #1 mulai dikirim ke 2 orang
      `,
      );
      await tick();
      expect(await news('siti')).toContain('Bimtek Desa Cerdas hari Sabtu');
      const john = await news('john');
      expect(john).toContain('Sapa Desa announcement');
      expect(john).toContain('Desa Cerdas training on Saturday');
      expect(john).toContain('Type STOP');
      // Outside the audience: another kabupaten, another role, the sender.
      expect(await news('budi')).toBe('');
      expect(await news('kader')).toBe('');
      // Once every recipient is done, the next look writes the report.
      h.clock.advance(11 * SECOND);
      await tick();
      h.clock.advance(11 * SECOND);
      await tick();
      const report = await news('admin');
      expect(report).toContain('Laporan siaran #1');
      expect(report).toContain('Terkirim: 2');
      expect(report).toContain('Semua penerima terjangkau');
      const [row] = await db.db.select().from(broadcasts).where(eq(broadcasts.number, 1));
      expect(row?.state).toBe('done');
      expect(row?.counts).toMatchObject({ recipients: 2, sent: 2, failed: 0 });
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'an opted-out villager gets nothing, and LANJUT brings them back',
    async () => {
      await playTranscript(
        h,
        'siti',
        `
      # Inside a flow the word cancels it, and says how to stop announcements.
      > /saran
      > berhenti
      < dibatalkan
      < Untuk berhenti menerima pengumuman, ketik BERHENTI
      > BERHENTI
      < tidak akan menerima pengumuman lagi
      < Ketik LANJUT
      > /datasaya
      < Anda tidak menerima pengumuman sejak
      `,
      );
      await sendToEveryone('Rapat desa besok pagi.', '2 orang');
      await tick();
      expect(await news('siti')).toBe('');
      expect(await news('john')).toContain('Rapat desa besok pagi.');
      await playTranscript(
        h,
        'siti',
        `
      > LANJUT
      < Anda akan menerima pengumuman lagi
      `,
      );
      await sendToEveryone('Posyandu hari Kamis.', '3 orang');
      await tick();
      expect(await news('siti')).toContain('Posyandu hari Kamis.');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a scheduled broadcast fires at its local time; it can be moved or cancelled before',
    async () => {
      // 08:00 WIB now.
      await playTranscript(
        h,
        'admin',
        `
      > /siaran
      > 1
      > Kerja bakti hari Minggu jam 7 pagi.
      > lewati
      > 1
      > 1
      > 2
      < penting/darurat
      > tidak
      < Penerima
      > 2
      < Kapan dikirim? Tulis jam (waktu WIB)
      > kemarin
      < waktunya tidak bisa kami baca
      > 10:00
      < dijadwalkan 02/03/2026 10:00 WIB
      > /siaran
      < terjadwal 02/03/2026 10:00 WIB
      < 2. Kelola siaran #4
      > 2
      < Kerja bakti hari Minggu
      < 1. Ubah waktu
      > 1
      > 11:30
      < sekarang dijadwalkan 02/03/2026 11:30 WIB
      `,
      );
      h.clock.advance(2 * 60 * 60 * SECOND + 10 * SECOND);
      await tick();
      expect(await news('siti')).toBe('');
      // 11:30 WIB: its new time.
      h.clock.advance(90 * 60 * SECOND);
      await tick();
      expect(await news('siti')).toContain('Kerja bakti hari Minggu');
      h.clock.advance(11 * SECOND);
      await tick();
      expect(await news('admin')).toContain('Laporan siaran #4');
      // Another one, cancelled before its time: nothing goes.
      await playTranscript(
        h,
        'admin',
        `
      > /siaran
      > 1
      > Pengumuman yang dibatalkan.
      > lewati
      > 1
      > 1
      > 2
      > tidak
      > 2
      > besok 08:00
      < dijadwalkan 03/03/2026 08:00 WIB
      > /siaran
      > 2
      > batalkan siaran ini
      < dibatalkan; tidak ada yang dikirim
      `,
      );
      h.clock.advance(24 * 60 * 60 * SECOND);
      await tick();
      expect(await news('siti')).toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a running broadcast can be stopped: the rest is not sent',
    async () => {
      await sendToEveryone('Siaran yang dihentikan.', 'orang');
      // The start job only: the audience is written, nothing fed yet.
      await scheduler.runDue(1);
      const number = await latestNumber();
      await playTranscript(
        h,
        'admin',
        `
      > /siaran
      < sedang dikirim
      < Kelola siaran #${number}
      > 2
      < 1. Hentikan pengiriman
      > 1
      < dihentikan
      `,
      );
      h.clock.advance(11 * SECOND);
      await tick();
      h.clock.advance(11 * SECOND);
      await tick();
      expect(await news('siti')).toBe('');
      const report = await news('admin');
      expect(report).toContain(`Laporan siaran #${number}* (dihentikan)`);
      expect(report).toMatch(/Dihentikan sebelum terkirim: [1-9]/);
      expect(report).toContain('Sukamaju, Cibeber');
      // The "not reached" list as CSV: a row per village with its counts.
      const { directory } = await testVillages();
      const exported = await exportBroadcastReach(db.db, { number, directory });
      const [header, ...rows] = parseCsv(exported?.csv ?? '');
      expect(header).toEqual([...BROADCAST_CSV_HEADER]);
      const sukamaju = rows.find((row) => row[0] === SUKAMAJU);
      expect(sukamaju?.slice(1, 3)).toEqual(['Sukamaju', 'Cibeber']);
      const column = (name: (typeof BROADCAST_CSV_HEADER)[number]) =>
        Number(sukamaju?.[BROADCAST_CSV_HEADER.indexOf(name)]);
      expect(column('terkirim')).toBe(0);
      expect(column('tidak_terjangkau_total')).toBe(column('penerima'));
      expect(column('belum_dikirim')).toBeGreaterThan(0);
      expect(await exportBroadcastReach(db.db, { number: 999, directory })).toBeUndefined();
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a duta sends within their kabupaten only; warga cannot send',
    async () => {
      await playTranscript(
        h,
        'duta',
        `
      > /siaran
      > 1
      > Pelatihan kader di kecamatan Cibeber.
      > lewati
      > 1
      < Di wilayah mana?
      < 1. Seluruh Kab. Cianjur
      > 2
      > Bojongsoang
      > 1
      < di luar kabupaten Anda
      < Di wilayah mana?
      > 1
      < Untuk pengguna bahasa apa?
      > 1
      > tidak
      <! penting/darurat
      < Penerima
      `,
      );
      await playTranscript(
        h,
        'budi',
        `
      > /siaran
      < hanya bisa dikirim oleh admin dan duta digital
      `,
      );
    },
    TEST_TIMEOUT_MS,
  );

  /** The admin sends `text` to everyone at once; the count must name `recipients`. */
  async function sendToEveryone(text: string, recipients: string) {
    await playTranscript(
      h,
      'admin',
      `
      > /siaran
      > 1
      > ${text}
      > lewati
      > 2
      > 1
      > 1
      > tidak
      > tidak
      < ${recipients}
      > 1
      < mulai dikirim
      `,
    );
  }

  async function latestNumber(): Promise<number> {
    const rows = await db.db.select({ n: broadcasts.number }).from(broadcasts);
    return Math.max(...rows.map((r) => r.n));
  }
});
