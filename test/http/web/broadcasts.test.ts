import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudience } from '../../../src/db/queries/broadcast-audience.js';
import { createBroadcastJobs } from '../../../src/runtime/jobs/broadcasts.js';
import { createScheduler, type Scheduler } from '../../../src/runtime/scheduler.js';
import { createBulkFeedJob } from '../../../src/runtime/scheduler-bulk.js';
import { BOJONGSOANG, scriptedTickets } from '../../flows/report-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../../support/db.js';
import { silentLogger } from '../../support/harness.js';
import { registerContact } from '../../support/register.js';
import { testVillages } from '../../support/villages.js';
import { createWebHarness, signInAs, type WebClient, type WebHarness } from './support.js';

const SUKAMAJU = '32.03.03.2013';
const SECOND = 1_000;
/** Whole broadcasts with the scheduler: generous, for a loaded machine. */
const TEST_TIMEOUT_MS = 120_000;

/** The compose form: warga of Kab. Cianjur. */
const DRAFT = {
  main: 'Bimtek Desa Cerdas hari Sabtu pukul 09.00 di balai desa.',
  second: '',
  roles: ['warga'],
  region: '32.03',
  language: '',
  channel: '',
  when: '',
};

describe.each(DRIVERS)('broadcasts on the admin web (%s)', (driver) => {
  let db: TestDatabase;
  let w: WebHarness;
  let admin: WebClient;
  let scheduler: Scheduler;

  /** Runs what is due, then sends it; again after the progress check's interval. */
  const settle = async () => {
    for (let round = 0; round < 4; round += 1) {
      await scheduler.runDue();
      for (let i = 0; i < 3; i++) await w.h.runtime.outbox.sweep();
      w.h.clock.advance(11 * SECOND);
    }
  };
  const news = async (who: string) => {
    await w.h.runtime.outbox.sweep();
    return w.h.channel.take(who).join('\n---\n');
  };

  beforeAll(async () => {
    db = await createTestDb(driver);
    w = await createWebHarness(scriptedTickets('BCAAA'), { db });
    scheduler = createScheduler({
      db: db.db,
      clock: w.h.clock,
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
    await registerContact(w.h, 'admin', { name: 'Admin', role: 'admin', villageCode: SUKAMAJU });
    await registerContact(w.h, 'duta', {
      name: 'Duta Bandung',
      role: 'duta_digital',
      villageCode: BOJONGSOANG,
    });
    await registerContact(w.h, 'siti', { name: 'Siti', villageCode: SUKAMAJU });
    await registerContact(w.h, 'asep', { name: 'Asep', villageCode: SUKAMAJU });
    await registerContact(w.h, 'budi', { name: 'Budi', villageCode: BOJONGSOANG });
    await registerContact(w.h, 'kader', { name: 'Kader', role: 'kader_digital' });
    await w.h.say('asep', 'BERHENTI');
    await news('asep');
    admin = await signInAs(w, 'admin');
  }, TEST_TIMEOUT_MS);
  afterAll(async () => {
    await w?.close();
    await db?.close();
  });

  it(
    'counts the audience live with the chat query, and the preview shows the same count',
    async () => {
      const form = await (await admin.get('/web/siaran/baru')).text();
      expect(form).toContain('hx-post="/web/siaran/hitung"');
      const expected = await countAudience(db.db, {
        roles: ['warga'],
        regionCode: '32.03',
        language: null,
        channel: null,
      });
      expect(expected.recipients).toBe(1);
      const counted = await (await admin.post('/web/siaran/hitung', DRAFT)).text();
      expect(counted).toContain(`<strong id="recipients">${expected.recipients}</strong>`);
      expect(counted).toContain('1 berhenti berlangganan');
      const everyone = await admin.post('/web/siaran/hitung', { ...DRAFT, roles: [], region: '' });
      const all = await countAudience(db.db, {
        roles: null,
        regionCode: null,
        language: null,
        channel: null,
      });
      expect(await everyone.text()).toContain(`<strong id="recipients">${all.recipients}</strong>`);
      const preview = await (await admin.post('/web/siaran/pratinjau', DRAFT)).text();
      expect(preview).toContain('Bimtek Desa Cerdas hari Sabtu pukul 09.00 di balai desa.');
      expect(preview).toContain(`<strong id="recipients">${expected.recipients}</strong>`);
      const short = await admin.post('/web/siaran/pratinjau', { ...DRAFT, main: 'Hai' });
      expect(short.status).toBe(422);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "sends: the villager's chat gets it, progress ends in the report and the not-reached list",
    async () => {
      const sent = await admin.post('/web/siaran/kirim', DRAFT);
      expect(sent.status).toBe(303);
      expect(sent.headers.get('location')).toBe('/web/siaran/1?hasil=started');
      const polling = await (await admin.get('/web/siaran/1')).text();
      expect(polling).toContain('hx-trigger="every 2s"');
      await settle();
      expect(await news('siti')).toContain('Bimtek Desa Cerdas hari Sabtu pukul 09.00');
      expect(await news('budi')).toBe('');
      const progress = await (await admin.get('/web/siaran/1/kemajuan')).text();
      expect(progress).toContain('data-state="done"');
      expect(progress).not.toContain('hx-trigger');
      expect(progress).toContain('<dd id="sent">1</dd>');
      const page = await (await admin.get('/web/siaran/1')).text();
      expect(page).toContain('Belum terjangkau, per desa');
      expect(page).toMatch(/<table id="not-reached">.*Sukamaju/s);
      const csv = await (await admin.get('/web/siaran/1/belum.csv')).text();
      expect(csv).toContain(SUKAMAJU);
      const overview = await (await admin.get('/web')).text();
      expect(overview).toMatch(/id="recent-broadcasts".*#1.*Bimtek Desa Cerdas/s);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "keeps a duta to their kabupaten, a kader out, and another sender's broadcast hidden",
    async () => {
      const duta = await signInAs(w, 'duta');
      const outside = await (await duta.post('/web/siaran/hitung', DRAFT)).text();
      expect(outside).toContain('<strong id="recipients">0</strong>');
      expect(outside).toContain('Anda tidak bisa mengirim pengumuman ke wilayah itu');
      expect((await duta.post('/web/siaran/kirim', DRAFT)).status).toBe(422);
      expect((await duta.get('/web/siaran/1')).status).toBe(404);
      const own = await duta.post('/web/siaran/hitung', { ...DRAFT, region: '' });
      expect(await own.text()).toContain('<strong id="recipients">1</strong>');
      expect(await (await duta.get('/web')).text()).not.toContain('Bimtek Desa Cerdas');
      const kader = await signInAs(w, 'kader');
      expect(await (await kader.get('/web')).text()).toMatch(/id="recent-broadcasts".*#1/s);
      expect((await kader.get('/web/siaran/baru')).status).toBe(404);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'schedules one for later, moves it, and cancels it before it starts',
    async () => {
      const scheduled = await admin.post('/web/siaran/kirim', { ...DRAFT, when: 'besok 08:00' });
      expect(scheduled.headers.get('location')).toBe('/web/siaran/2?hasil=scheduled');
      const bad = await admin.post('/web/siaran/2/waktu', { when: 'kapan-kapan' });
      expect(bad.headers.get('location')).toBe('/web/siaran/2?hasil=invalid');
      const moved = await admin.post('/web/siaran/2/waktu', { when: 'besok 09:30' });
      expect(moved.headers.get('location')).toBe('/web/siaran/2?hasil=rescheduled');
      expect(await (await admin.get('/web/siaran/2')).text()).toContain('09:30');
      const cancelled = await admin.post('/web/siaran/2/batal', {});
      expect(cancelled.headers.get('location')).toBe('/web/siaran/2?hasil=cancelled');
      const page = await (await admin.get('/web/siaran/2?hasil=cancelled')).text();
      expect(page).toContain('Dibatalkan');
      expect(page).not.toContain('hx-trigger');
    },
    TEST_TIMEOUT_MS,
  );
});
