/**
 * `npm run screenshots`: every page of the admin web at phone (360 px) and desktop width,
 * written to SCREENSHOTS_DIR (test/screenshots/out/, git-ignored), so reviewers can look
 * without starting the app. Skipped in the ordinary test run.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRole } from '../../../src/db/queries/role-requests.js';
import { trainingSessions } from '../../../src/db/schema/index.js';
import { type HttpServer, startHttpServer } from '../../../src/http/server.js';
import {
  BOJONGSOANG,
  fileQuickly,
  registerStaff,
  scriptedTickets,
  staffMove,
} from '../../flows/report-support.js';
import { silentLogger } from '../../support/harness.js';
import { registerContact } from '../../support/register.js';
import { CHROMIUM_PATH } from './browser-support.js';
import { createWebHarness, linkIn, signInAs, type WebHarness } from './support.js';

const OUT = process.env.SCREENSHOTS_DIR;
const SUKAMAJU = '32.03.03.2013';
const WIDTHS = { phone: { width: 360, height: 780 }, desktop: { width: 1280, height: 860 } };
const PAGES: Record<string, string> = {
  overview: '/web',
  reports: '/web/laporan',
  report: '/web/laporan/LP-SCAAA',
  villages: '/web/desa',
  village: `/web/desa/${SUKAMAJU}`,
  people: '/web/orang',
  trainings: '/web/pelatihan',
  'training-new': '/web/pelatihan/baru',
  training: '/web/pelatihan/{session}',
  broadcasts: '/web/siaran',
  'broadcast-new': '/web/siaran/baru',
  broadcast: '/web/siaran/1',
  person: '/web/orang/{person}',
  audit: '/web/audit',
};

describe.skipIf(!OUT)('screenshots of the admin web', () => {
  let w: WebHarness;
  let server: HttpServer;
  let browser: Browser;
  /** Ids the pages' addresses name. */
  const ids = { session: '', person: '' };

  beforeAll(async () => {
    w = await createWebHarness(scriptedTickets('SCAAA', 'SCBBB', 'SCCCC'));
    server = await startHttpServer({
      app: w.app,
      port: 0,
      logger: silentLogger,
      hostname: '127.0.0.1',
    });
    w.baseUrl.value = `http://127.0.0.1:${server.port}`;
    await registerStaff(w.h, 'kader', 'kader_digital', { name: 'Kader Ani' });
    await registerStaff(w.h, 'admin', 'admin', { name: 'Admin Pusat', villageCode: BOJONGSOANG });
    const siti = await registerContact(w.h, 'siti', { name: 'Siti Aminah' });
    await fileQuickly(w.h, 'siti', {
      category: 1,
      description: 'Jalan berlubang di depan masjid, sudah tiga minggu',
    });
    await fileQuickly(w.h, 'siti', {
      category: 4,
      description: 'Posyandu kekurangan timbangan bayi',
    });
    await fileQuickly(w.h, 'siti', { category: 2, description: 'Saluran air tersumbat di RT 03' });
    await staffMove(w.h, 'kader', 'LP-SCAAA', { label: '1', note: 'Sudah dicek ke lokasi' });
    await w.h.say('kader', '/kuesioner');
    for (const line of ['2', '1', 'ya', '5', '25', 'ya', 'tidak', 'ya'])
      await w.h.say('kader', line);
    await requestRole(w.h.db.db, {
      id: 'req-siti',
      contactId: siti.id,
      role: 'kader_digital',
      now: w.h.clock.now(),
    });
    const kader = await registerStaff(w.h, 'kader-b', 'kader_digital', { name: 'Kader Budi' });
    ids.person = kader.id;
    const admin = await signInAs(w, 'admin');
    await admin.post('/web/pelatihan/baru', {
      title: 'Bimtek Website Desa',
      topic: 'Membuat dan mengisi website desa',
      audience: ['kader_digital', 'perangkat_desa'],
      regions: '32.03',
      date: '2026-03-05',
      time: '09:00',
      minutes: '120',
      mode: 'offline',
      venue: 'Balai Desa Sukamaju',
      capacity: '20',
    });
    const [session] = await w.h.db.db.select().from(trainingSessions);
    ids.session = session?.id ?? '';
    await w.h.say('kader', '/jadwal');
    await w.h.say('kader', '1');
    await w.h.say('kader', 'ikut');
    await admin.post('/web/siaran/kirim', {
      main: 'Kerja bakti hari Minggu pukul 07.00 di balai desa. Bawa cangkul dan karung.',
      roles: ['warga'],
      region: '32.03',
      when: 'besok 08:00',
    });
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    await fs.mkdir(OUT ?? '.', { recursive: true });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await w?.close();
  });

  it('writes every page at phone and desktop width', async () => {
    for (const [width, viewport] of Object.entries(WIDTHS)) {
      const page = await (await browser.newContext({ viewport })).newPage();
      await page.goto(linkIn(await w.h.say('admin', '/web')));
      await page.getByRole('button', { name: 'Masuk' }).click();
      await page.waitForURL(`${w.baseUrl.value}/web`);
      for (const [name, url] of Object.entries(PAGES)) {
        const address = url.replace('{session}', ids.session).replace('{person}', ids.person);
        await page.goto(`${w.baseUrl.value}${address}`);
        if (name === 'village') await page.waitForSelector('#radar svg text');
        const file = path.join(OUT ?? '.', `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await fs.stat(file)).size).toBeGreaterThan(0);
      }
      await page.context().close();
    }
  }, 120_000);
});
