import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
/** Whole conversations with the scheduler: generous, for a loaded machine. */
const TEST_TIMEOUT_MS = 120_000;

describe.each(DRIVERS)('changing a scheduled broadcast (siaran) on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let scheduler: Scheduler;

  /** Runs what is due now, then sends what it wrote, as the poll and the sweeper would. */
  const tick = async () => {
    await scheduler.runDue();
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
        ...createBroadcastJobs({ villages: testVillages, checkIntervalMs: 10 * SECOND }).jobs,
        createBulkFeedJob(),
      ],
    });
    await registerContact(h, 'admin', { name: 'Admin', role: 'admin', villageCode: SUKAMAJU });
    await registerContact(h, 'anne', {
      name: 'Anne',
      role: 'admin',
      villageCode: SUKAMAJU,
      language: 'en',
    });
    await registerContact(h, 'siti', { name: 'Siti', villageCode: SUKAMAJU });
    await registerContact(h, 'john', { name: 'John', villageCode: KANOMAN, language: 'en' });
  }, TEST_TIMEOUT_MS);
  afterAll(() => h.close());

  it(
    'its text and its audience change until it starts, with the preview and the count again',
    async () => {
      // 08:00 WIB now: one to every warga at 10:00.
      await playTranscript(
        h,
        'admin',
        `
      > /siaran
      > 1
      > Kerja bakti hari Minggu.
      > lewati
      > 2
      > 1
      > 1
      > tidak
      > tidak
      < Penerima: *2 orang*
      > 2
      > 10:00
      < Siaran #1 dijadwalkan 02/03/2026 10:00 WIB
      > /siaran
      > 2
      < Kerja bakti hari Minggu.
      < 2. Ubah isi pengumuman
      < 3. Ubah penerima
      > 2
      < Tulis isi pengumuman
      > Kerja bakti hari Sabtu pagi.
      < Pratinjau
      < Kerja bakti hari Sabtu pagi.
      < Penerima: *2 orang*
      < Simpan perubahan siaran #1?
      < 1. Simpan perubahan
      < 2. Jangan ubah
      > 1
      < Siaran #1 sudah diubah. Tetap dikirim 02/03/2026 10:00 WIB.
      > /siaran
      > 2
      < Kerja bakti hari Sabtu pagi.
      > 3
      < Untuk siapa pengumuman ini?
      > 2
      < Di wilayah mana?
      > 2
      > Sukamaju, Cibeber
      > 1
      < Kirim ke wilayah mana?
      > 1
      < Untuk pengguna bahasa apa?
      > 1
      <! Tambahkan versi
      < penting/darurat
      > tidak
      < Kerja bakti hari Sabtu pagi.
      < Penerima: *1 orang*
      > 1
      < sudah diubah
      # Changed, then left as it was.
      > /siaran
      > 2
      > 2
      > Teks yang tidak jadi.
      < Simpan perubahan siaran #1?
      > 2
      < siaran #1 tidak diubah
      `,
      );
      h.clock.advance(2 * 60 * MINUTE);
      await tick();
      expect(await news('siti')).toContain('Kerja bakti hari Sabtu pagi.');
      // Outside the new audience.
      expect(await news('john')).toBe('');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'a change is refused once the broadcast started; in English too',
    async () => {
      await playTranscript(
        h,
        'anne',
        `
      > /broadcast
      > 1
      > Village meeting on Monday.
      > skip
      > 2
      > 1
      > 1
      > no
      > no
      < Recipients: *2 people*
      > 2
      > 10:30
      < scheduled
      > /broadcast
      > 2
      < 2. Change the text
      < 3. Change the recipients
      > 2
      > Village meeting on Tuesday.
      < Village meeting on Tuesday.
      < Save the changes to broadcast #2?
      `,
      );
      // It starts while the sender is still looking at the preview.
      h.clock.advance(31 * MINUTE);
      await tick();
      await playTranscript(
        h,
        'anne',
        `
      > 1
      < Broadcast #2 has started
      `,
      );
      expect(await news('john')).toContain('Village meeting on Monday.');
    },
    TEST_TIMEOUT_MS,
  );
});
