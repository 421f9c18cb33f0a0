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
import { createWebHarness, linkIn, type WebHarness } from './support.js';

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
  broadcasts: '/web/siaran',
  audit: '/web/audit',
};

describe.skipIf(!OUT)('screenshots of the admin web', () => {
  let w: WebHarness;
  let server: HttpServer;
  let browser: Browser;

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
        await page.goto(`${w.baseUrl.value}${url}`);
        if (name === 'village') await page.waitForSelector('#radar svg text');
        const file = path.join(OUT ?? '.', `${name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect((await fs.stat(file)).size).toBeGreaterThan(0);
      }
      await page.context().close();
    }
  }, 120_000);
});
