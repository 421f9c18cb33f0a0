import fs from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudience } from '../../../src/db/queries/broadcast-audience.js';
import { requestRole } from '../../../src/db/queries/role-requests.js';
import { contacts, trainingSessions } from '../../../src/db/schema/index.js';
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
import {
  BROWSER_TESTS_REQUIRED,
  broadcastScheduler,
  browserSkipReason,
  CHROMIUM_PATH,
  settle,
} from './browser-support.js';
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
    await page.locator('#staff').getByRole('link', { name: 'Rudi' }).click();
    expect(await page.locator('#role').textContent()).toBe('Kader digital');
    await page.context().close();
  });

  it('creates a training session on the Trainings page; a kader in scope sees it in /jadwal', async () => {
    const page = await signedIn('duta-cianjur');
    await page.goto(`${base}/web/pelatihan`);
    await page.getByRole('link', { name: 'Buat pelatihan baru' }).click();
    await page.fill('input[name="title"]', 'Bimtek Website Desa');
    await page.fill('input[name="topic"]', 'Membuat dan mengisi website desa');
    await page.fill('input[name="regions"]', '32.03');
    await page.fill('input[name="date"]', '2026-03-05');
    await page.fill('input[name="time"]', '09:00');
    await page.fill('input[name="venue"]', 'Balai Desa Sukamaju');
    await page.fill('input[name="capacity"]', '20');
    await page.getByRole('button', { name: 'Simpan pelatihan' }).click();
    await expect(page.locator('p.ok').textContent()).resolves.toContain(
      'Pelatihan Bimtek Website Desa tersimpan',
    );
    expect(await page.locator('#trainings').textContent()).toContain('Bimtek Website Desa');
    await playTranscript(
      w.h,
      'kader',
      `
      > /jadwal
      < 1. Bimtek Website Desa, Kamis, 5 Maret 2026 pukul 09.00 WIB, Balai Desa Sukamaju, sisa 20 kursi
      `,
    );
    await page.context().close();
  });

  it("previews a broadcast's count, which matches the audience; the send reaches a chat", async () => {
    const expected = await countAudience(w.h.db.db, {
      roles: ['warga'],
      regionCode: '32.03',
      language: null,
      channel: null,
    });
    expect(expected.recipients).toBeGreaterThan(0);
    const page = await signedIn('admin');
    await page.goto(`${base}/web/siaran`);
    await page.getByRole('link', { name: 'Buat siaran baru' }).click();
    await page.fill('textarea[name="main"]', 'Kerja bakti hari Minggu pukul 07.00 di balai desa.');
    await page.check('input[name="roles"][value="warga"]');
    await page.fill('input[name="region"]', '32.03');
    // The count follows the form (htmx): the same query the chat's preview counts with.
    await page.waitForFunction(
      `document.getElementById('recipients')?.textContent === '${expected.recipients}'`,
    );
    await page.getByRole('button', { name: 'Pratinjau' }).click();
    expect(await page.locator('#preview').textContent()).toContain('Kerja bakti hari Minggu');
    expect(await page.locator('#recipients').textContent()).toBe(String(expected.recipients));
    await newsFor(w.h, 'siti');
    await page.getByRole('button', { name: 'Kirim sekarang' }).click();
    await page.waitForURL(/\/web\/siaran\/\d+\?hasil=started$/);
    await settle(w.h, broadcastScheduler(w.h));
    expect((await newsFor(w.h, 'siti')).join('\n')).toContain('Kerja bakti hari Minggu');
    // The progress box polls itself until the broadcast is done.
    await page.waitForSelector('#progress[data-state="done"]', { timeout: 30_000 });
    expect(await page.locator('#sent').textContent()).toBe(String(expected.recipients));
    await page.context().close();
  });

  it('has no horizontal scroll at 360 px on any page', async () => {
    const [session] = await w.h.db.db.select().from(trainingSessions);
    const [person] = await w.h.db.db.select().from(contacts);
    const page = await signedIn('admin', PHONE);
    for (const path of [
      '/web/pelatihan/baru',
      `/web/pelatihan/${session?.id}`,
      '/web/siaran/baru',
      '/web/siaran/1',
      `/web/orang/${person?.id}`,
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
