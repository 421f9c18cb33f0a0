import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/db/queries/audit.js';
import { trainingSessions } from '../../../src/db/schema/index.js';
import type { Scheduler } from '../../../src/runtime/scheduler.js';
import { scriptedTickets } from '../../flows/report-support.js';
import {
  JEMBRANA,
  newsFor,
  registerPeople,
  runAt,
  TUBAN,
  trainingScheduler,
} from '../../flows/training-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../../support/db.js';
import { registerContact } from '../../support/register.js';
import { playTranscript } from '../../support/transcript.js';
import { createWebHarness, signInAs, type WebClient, type WebHarness } from './support.js';

/** A whole session's life on the web: generous, for a loaded machine. */
const TEST_TIMEOUT_MS = 120_000;

/** The new-session form as the duta of Badung fills it: Kec. Kuta, 3 March 09:00 WITA. */
const FORM = {
  title: 'Bimtek Website Desa',
  topic: 'Membuat dan mengisi website desa',
  pillar: 'tata_kelola',
  audience: ['kader_digital', 'warga'],
  regions: '51.03.01',
  date: '2026-03-03',
  time: '09:00',
  minutes: '120',
  mode: 'offline',
  venue: 'Balai Desa Tuban',
  url: '',
  capacity: '1',
  materials: '',
  trainer: 'me',
};

describe.each(DRIVERS)('trainings on the admin web (%s)', (driver) => {
  let db: TestDatabase;
  let w: WebHarness;
  let duta: WebClient;
  let scheduler: Scheduler;
  let sessionId: string;

  beforeAll(async () => {
    db = await createTestDb(driver);
    w = await createWebHarness(scriptedTickets('TRAAA'), { db });
    await registerPeople(w.h);
    await registerContact(w.h, 'duta-jembrana', {
      name: 'Duta Jembrana',
      role: 'duta_digital',
      villageCode: JEMBRANA,
    });
    scheduler = trainingScheduler(w.h);
    duta = await signInAs(w, 'duta');
  }, TEST_TIMEOUT_MS);
  afterAll(async () => {
    await w?.close();
    await db?.close();
  });

  it(
    "refuses with the chat wizard's own checks: a past time, a region outside the area",
    async () => {
      const past = await duta.post('/web/pelatihan/baru', { ...FORM, date: '2026-03-01' });
      expect(past.status).toBe(422);
      expect(await past.text()).toContain('Waktu itu sudah lewat');
      const outside = await duta.post('/web/pelatihan/baru', { ...FORM, regions: '51.01' });
      expect(outside.status).toBe(422);
      expect(await outside.text()).toContain('Kode 51.01 di luar wilayah Anda');
      const empty = await duta.post('/web/pelatihan/baru', {
        ...FORM,
        title: '',
        audience: [],
        minutes: '5',
      });
      const text = await empty.text();
      expect(text).toContain('Judul pelatihan perlu 5 sampai 120 huruf.');
      expect(text).toContain('Pilih setidaknya satu kelompok peserta.');
      expect(text).toContain('Lama pelatihan perlu angka menit, 15 sampai 1440.');
      expect(await w.h.db.db.select().from(trainingSessions)).toEqual([]);
      const kader = await signInAs(w, 'kader-a');
      expect((await kader.get('/web/pelatihan/baru')).status).toBe(404);
      expect((await kader.post('/web/pelatihan/baru', FORM)).status).toBe(404);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'creates a session that the kader of a village in scope sees in /jadwal',
    async () => {
      const created = await duta.post('/web/pelatihan/baru', FORM);
      expect(created.status).toBe(303);
      expect(created.headers.get('location')).toContain('/web/pelatihan?dibuat=');
      const [session] = await w.h.db.db.select().from(trainingSessions);
      sessionId = session?.id ?? '';
      expect(session).toMatchObject({
        regions: ['51.03.01'],
        audience: ['kader_digital', 'warga'],
        timeZone: 'Asia/Makassar',
        capacity: 1,
        pillar: 'tata_kelola',
        venue: 'Balai Desa Tuban',
      });
      expect(session?.startsAt.toISOString()).toBe('2026-03-03T01:00:00.000Z');
      const list = await (await duta.get('/web/pelatihan?dibuat=x')).text();
      expect(list).toContain(`href="/web/pelatihan/${sessionId}"`);
      await playTranscript(
        w.h,
        'kader-a',
        `
        > /jadwal
        < 1. Bimtek Website Desa, Selasa, 3 Maret 2026 pukul 09.00 WITA, Balai Desa Tuban, sisa 1 kursi
        > 1
        > ikut
        < Anda terdaftar ikut
        `,
      );
      await playTranscript(w.h, 'kader-b', '> /jadwal\n> 1\n> ikut\n< daftar tunggu nomor *1*');
      const other = await signInAs(w, 'duta-jembrana');
      expect((await other.get(`/web/pelatihan/${sessionId}`)).status).toBe(404);
      const overview = await (await duta.get('/web')).text();
      expect(overview).toMatch(/id="upcoming-trainings".*Bimtek Website Desa/s);
      expect(await (await other.get('/web')).text()).not.toContain('Bimtek Website Desa');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'shows the answers, the waitlist and attendance, and downloads them as CSV',
    async () => {
      const page = await (await duta.get(`/web/pelatihan/${sessionId}`)).text();
      expect(page).toContain('Ikut: 1 · daftar tunggu: 1 · tidak bisa: 0 · hadir: 0');
      expect(page).toMatch(/Ayu<\/td><td>Tuban[^<]*<\/td><td>ikut/);
      expect(page).toContain('daftar tunggu no. 1');
      const csv = await duta.get(`/web/pelatihan/${sessionId}/peserta.csv`);
      expect(csv.status).toBe(200);
      const lines = (await csv.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      expect(lines[0]).toBe('Nama,Desa,Jawaban,Kehadiran,Nilai ulasan,Kode desa');
      expect(lines.slice(1).sort()).toEqual([
        `Ayu,"Tuban, Kuta",ikut,–,–,${TUBAN}`,
        `Bagus,"Tuban, Kuta",daftar tunggu no. 1,–,–,${TUBAN}`,
      ]);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "opens a person's page from the people list, in the viewer's area only",
    async () => {
      const list = await (await duta.get('/web/orang')).text();
      const link = list.match(/href="(\/web\/orang\/[^"]+)">Ayu</)?.[1] ?? '';
      expect(link).not.toBe('');
      const page = await (await duta.get(link)).text();
      expect(page).toContain('<dd id="role">Kader digital</dd>');
      expect(page).toContain(`Tuban, Kuta (${TUBAN})`);
      const own = await (
        await duta.get(list.match(/href="(\/web\/orang\/[^"]+)">Duta Badung</)?.[1] ?? '')
      ).text();
      expect(own).toContain('<dd id="training-area">51.03</dd>');
      expect(own).toContain('<dd id="broadcast-area">51.03</dd>');
      const other = await signInAs(w, 'duta-jembrana');
      expect((await other.get(link)).status).toBe(404);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'moves and cancels the session: everyone going or waiting hears it in the chat',
    async () => {
      await newsFor(w.h, 'kader-a');
      await newsFor(w.h, 'kader-b');
      const moved = await duta.post(`/web/pelatihan/${sessionId}/waktu`, {
        date: '2026-03-04',
        time: '10:00',
        minutes: '90',
      });
      expect(moved.headers.get('location')).toBe(`/web/pelatihan/${sessionId}?hasil=moved`);
      await runAt(w.h, scheduler, w.h.clock.now());
      expect(await newsFor(w.h, 'kader-a')).toContain('Rabu, 4 Maret 2026 pukul 10.00 WITA');
      expect(await newsFor(w.h, 'kader-b')).toContain('Rabu, 4 Maret 2026 pukul 10.00 WITA');
      const page = await (await duta.get(`/web/pelatihan/${sessionId}?hasil=moved`)).text();
      expect(page).toContain('Waktu pelatihan diubah');
      const cancelled = await duta.post(`/web/pelatihan/${sessionId}/batal`, { yakin: '1' });
      expect(cancelled.headers.get('location')).toBe(`/web/pelatihan/${sessionId}?hasil=cancelled`);
      await runAt(w.h, scheduler, w.h.clock.now());
      expect(await newsFor(w.h, 'kader-a')).toContain('dibatalkan');
      const again = await duta.post(`/web/pelatihan/${sessionId}/batal`, { yakin: '1' });
      expect(again.headers.get('location')).toBe(`/web/pelatihan/${sessionId}?hasil=ended`);
      const { rows } = await listAudit(w.h.db.db, { limit: 10, offset: 0 });
      const web = rows.filter((row) => row.channel === 'web').map((row) => row.action);
      expect(web.sort()).toEqual(['training.cancel', 'training.move', 'training.save']);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'lets a pendamping create in their kecamatan only, and an admin anywhere',
    async () => {
      await registerContact(w.h, 'pendamping', {
        name: 'Pendamping Kuta',
        role: 'pendamping_desa',
        villageCode: TUBAN,
      });
      await registerContact(w.h, 'admin', { name: 'Admin', role: 'admin', villageCode: TUBAN });
      const pendamping = await signInAs(w, 'pendamping');
      const wide = await pendamping.post('/web/pelatihan/baru', { ...FORM, regions: '51.03' });
      expect(wide.status).toBe(422);
      expect(await wide.text()).toContain('Kode 51.03 di luar wilayah Anda');
      const own = await pendamping.post('/web/pelatihan/baru', { ...FORM, title: 'Bimtek Kuta' });
      expect(own.status).toBe(303);
      const admin = await signInAs(w, 'admin');
      const far = await admin.post('/web/pelatihan/baru', {
        ...FORM,
        title: 'Bimtek Jembrana',
        regions: '51.01',
      });
      expect(far.status).toBe(303);
      const titles = (await w.h.db.db.select().from(trainingSessions)).map((row) => row.title);
      expect(titles.sort()).toEqual(['Bimtek Jembrana', 'Bimtek Kuta', 'Bimtek Website Desa']);
    },
    TEST_TIMEOUT_MS,
  );
});
