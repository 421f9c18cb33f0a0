import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestRole } from '../../../src/db/queries/role-requests.js';
import { WEB_LINK_VALID_MS } from '../../../src/domain/web-access.js';
import { type HttpServer, startHttpServer } from '../../../src/http/server.js';
import {
  BOJONGSOANG,
  fileQuickly,
  newsFor,
  registerStaff,
  SUKAMANAH,
  scriptedTickets,
} from '../../flows/report-support.js';
import { silentLogger } from '../../support/harness.js';
import { registerContact } from '../../support/register.js';
import { playTranscript } from '../../support/transcript.js';
import { BROWSER_TESTS_REQUIRED, browserSkipReason, CHROMIUM_PATH } from './browser-support.js';
import { createWebHarness, linkIn, type WebHarness } from './support.js';

const skip = browserSkipReason();
if (skip) console.warn(`[sapa-desa] ${skip}`);

/** Sukamaju's Kemendagri code (the default village of registered people). */
const SUKAMAJU = '32.03.03.2013';
const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1280, height: 900 };

describe.skipIf(skip !== undefined)('the admin web in a real browser (Chromium)', () => {
  let w: WebHarness;
  let server: HttpServer;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    if (BROWSER_TESTS_REQUIRED) await fs.access(CHROMIUM_PATH);
    w = await createWebHarness(scriptedTickets('BRAAA', 'BRBBB'));
    server = await startHttpServer({
      app: w.app,
      port: 0,
      logger: silentLogger,
      hostname: '127.0.0.1',
    });
    base = `http://127.0.0.1:${server.port}`;
    w.baseUrl.value = base;
    await registerStaff(w.h, 'kader', 'kader_digital', { name: 'Kader Ani' });
    await registerStaff(w.h, 'admin', 'admin', { name: 'Admin Pusat', villageCode: BOJONGSOANG });
    await registerStaff(w.h, 'duta-bandung', 'duta_digital', {
      name: 'Duta Bandung',
      villageCode: BOJONGSOANG,
    });
    await registerStaff(w.h, 'duta-cianjur', 'duta_digital', {
      name: 'Duta Cianjur',
      villageCode: SUKAMANAH,
    });
    await registerContact(w.h, 'siti', { name: 'Siti' });
    await fileQuickly(w.h, 'siti', { category: 1, description: 'Jalan berlubang di depan masjid' });
    await fileQuickly(w.h, 'siti', {
      category: 4,
      description: 'Posyandu kekurangan timbangan bayi',
    });
    // The kader answers Masyarakat Cerdas: the village has a score to chart.
    await w.h.say('kader', '/kuesioner');
    for (const line of ['2', '1', 'ya', '5', '25', 'ya', 'tidak', 'ya'])
      await w.h.say('kader', line);
    await newsFor(w.h, 'siti');
    await newsFor(w.h, 'kader');
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await w?.close();
  });

  /** A new browser page signed in as `who` through the link `/web` sends them. */
  async function signedIn(who: string, viewport = DESKTOP): Promise<Page> {
    const page = await (await browser.newContext({ viewport, acceptDownloads: true })).newPage();
    const link = linkIn(await w.h.say(who, '/web'));
    await page.goto(link);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/web`);
    return page;
  }

  it('signs in through the link taken from the chat transcript', async () => {
    const replies = await w.h.say('kader', '/web');
    const link = linkIn(replies);
    expect(link.startsWith(`${base}/web/masuk?t=`)).toBe(true);
    const page = await (await browser.newContext()).newPage();
    await page.goto(link);
    await expect(page.getByText('Masuk sebagai Kader Ani?').count()).resolves.toBe(1);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/web`);
    expect(await page.locator('h1').textContent()).toBe('Ringkasan');
    expect(await page.locator('#open').textContent()).toBe('2');
    await page.context().close();
  });

  it("moves a report and the villager's chat shows the notification", async () => {
    const page = await signedIn('kader');
    await page.goto(`${base}/web/laporan`);
    await page.getByRole('link', { name: 'LP-BRAAA' }).click();
    await page.selectOption('select[name="to"]', 'DIVERIFIKASI');
    await page.fill('textarea[name="note"]', 'Sudah dicek ke lokasi');
    await page.getByRole('button', { name: 'Simpan tindak lanjut' }).click();
    await expect(page.locator('p.ok').textContent()).resolves.toBe(
      'LP-BRAAA sekarang Diverifikasi. Pelapor sudah dikabari.',
    );
    expect(await page.locator('#status').textContent()).toContain('Diverifikasi');
    expect(await newsFor(w.h, 'siti')).toEqual([
      '📣 Laporan *LP-BRAAA*: status sekarang *Diverifikasi*.\n\nCatatan petugas: “Sudah dicek ke lokasi”',
    ]);
    await page.context().close();
  });

  it("draws the radar chart's six pillar labels on the village page", async () => {
    const page = await signedIn('kader');
    await page.goto(`${base}/web/desa/${SUKAMAJU}`);
    await page.waitForSelector('#radar svg text');
    const texts = await page.locator('#radar svg text').allTextContents();
    for (const pillar of [
      'Tata Kelola Cerdas',
      'Masyarakat Cerdas',
      'Lingkungan Cerdas',
      'Hidup Cerdas',
      'Ekonomi Cerdas',
      'Mobilitas Cerdas',
    ]) {
      expect(texts).toContain(pillar);
    }
    await page.context().close();
  });

  it('downloads the report list as CSV and XLSX that parse', async () => {
    const page = await signedIn('kader');
    await page.goto(`${base}/web/laporan`);
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Unduh CSV').click(),
    ]);
    const text = (await fs.readFile(await csv.path())).toString('utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toBe('Tiket,Status,Kategori,Kode desa,Desa,Tanggal,lewat batas');
    expect(
      lines
        .slice(1)
        .map((line) => line.split(',')[0])
        .sort(),
    ).toEqual(['LP-BRAAA', 'LP-BRBBB']);
    expect(text).toContain(SUKAMAJU);
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Unduh XLSX').click(),
    ]);
    const book = new ExcelJS.Workbook();
    const bytes = await fs.readFile(await xlsx.path());
    await book.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Tiket');
    expect(sheet?.rowCount).toBe(3);
    expect([sheet?.getRow(2).getCell(4).value, sheet?.getRow(3).getCell(4).value]).toEqual([
      SUKAMAJU,
      SUKAMAJU,
    ]);
    await page.context().close();
  });

  it('refuses a warga (no link), a used link and an expired one', async () => {
    await playTranscript(
      w.h,
      'siti',
      `
      > /web
      < Konsol web hanya untuk petugas program
      `,
    );
    const page = await (await browser.newContext()).newPage();
    const used = linkIn(await w.h.say('kader', '/web'));
    await page.goto(used);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.waitForURL(`${base}/web`);
    const again = await page.goto(used);
    expect(again?.status()).toBe(410);
    expect(await page.locator('main').textContent()).toContain('sudah dipakai');
    const expired = linkIn(await w.h.say('kader', '/web'));
    w.h.clock.advance(WEB_LINK_VALID_MS + 1000);
    const late = await page.goto(expired);
    expect(late?.status()).toBe(410);
    expect(await page.locator('main').textContent()).toContain('kedaluwarsa');
    await page.context().close();
  });

  it('answers 403 to a POST without the CSRF token', async () => {
    const page = await signedIn('kader');
    const status = await page.evaluate(async () => {
      const response = await fetch('/web/laporan/LP-BRBBB/pindah', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'to=DIVERIFIKASI',
      });
      return response.status;
    });
    expect(status).toBe(403);
    await page.context().close();
  });

  it("answers 404 to a duta opening another kabupaten's report by URL", async () => {
    const page = await signedIn('duta-bandung');
    const response = await page.goto(`${base}/web/laporan/LP-BRBBB`);
    expect(response?.status()).toBe(404);
    const own = await signedIn('duta-cianjur');
    expect((await own.goto(`${base}/web/laporan/LP-BRBBB`))?.status()).toBe(200);
    await page.context().close();
    await own.context().close();
  });

  it('approves a role request on the People page and the person is told in the chat', async () => {
    const person = await registerContact(w.h, 'rudi', { name: 'Rudi' });
    await requestRole(w.h.db.db, {
      id: 'request-rudi',
      contactId: person.id,
      role: 'kader_digital',
      now: w.h.clock.now(),
    });
    await newsFor(w.h, 'rudi');
    const page = await signedIn('admin');
    await page.goto(`${base}/web/orang`);
    await page
      .locator('form.request')
      .filter({ hasText: 'Rudi' })
      .getByRole('button', { name: 'Setujui' })
      .click();
    await expect(page.locator('p.ok').textContent()).resolves.toContain('Peran Rudi disetujui');
    expect(await newsFor(w.h, 'rudi')).toEqual([
      'Kabar baik 🎉 Admin sudah mengonfirmasi peran Anda sebagai Kader digital.',
    ]);
    await page.context().close();
  });

  it('has no horizontal scroll at 360 px on any page', async () => {
    const page = await signedIn('admin', PHONE);
    for (const path of [
      '/web',
      '/web/laporan',
      '/web/laporan/LP-BRAAA',
      '/web/desa',
      `/web/desa/${SUKAMAJU}`,
      '/web/orang',
      '/web/pelatihan',
      '/web/siaran',
      '/web/audit',
    ]) {
      await page.goto(`${base}${path}`);
      // A string: this file is compiled without the DOM's types.
      const { scroll, client } = await page.evaluate<{ scroll: number; client: number }>(
        '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
      );
      expect({ path, scroll }).toEqual({ path, scroll: client });
    }
    await page.context().close();
  });
});
