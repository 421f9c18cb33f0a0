import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setRole } from '../../../src/db/queries/contacts.js';
import { WEB_LINK_VALID_MS, WEB_SESSION_IDLE_MS } from '../../../src/domain/web-access.js';
import {
  BOJONGSOANG,
  fileQuickly,
  registerStaff,
  SUKAMANAH,
  scriptedTickets,
} from '../../flows/report-support.js';
import { registerContact } from '../../support/register.js';
import { createWebHarness, linkIn, type WebHarness } from './support.js';

let w: WebHarness;
beforeAll(async () => {
  w = await createWebHarness(scriptedTickets('WBAAA'));
  await registerStaff(w.h, 'kader', 'kader_digital', { name: 'Kader Ani' });
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
});
afterAll(() => w.close());

/** Opens the link's page, then presses its button: the session cookie, or the refusal. */
async function signIn(link: string) {
  const url = new URL(link);
  const page = await w.app.request(`${url.pathname}${url.search}`);
  const token = url.searchParams.get('t') ?? '';
  const posted = await w.app.request('/web/masuk', {
    method: 'POST',
    body: new URLSearchParams({ t: token }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = posted.headers.get('set-cookie') ?? '';
  return { page, posted, cookie: cookie.split(';')[0] ?? '', setCookie: cookie };
}

async function linkFor(who: string): Promise<string> {
  return linkIn(await w.h.say(who, '/web'));
}

function csrfOf(html: string): string {
  return html.match(/name="csrf" value="([0-9a-f]+)"/)?.[1] ?? '';
}

describe('signing in to the admin web with a link from the chat', () => {
  it('opens a session: HttpOnly, SameSite=Lax cookie on /web; the link works once', async () => {
    const link = await linkFor('kader');
    const { page, posted, cookie, setCookie } = await signIn(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Masuk sebagai Kader Ani?');
    expect(posted.status).toBe(303);
    expect(posted.headers.get('location')).toBe('/web');
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\/web/);
    expect(setCookie).not.toMatch(/Secure/);
    const home = await w.app.request('/web', { headers: { cookie } });
    expect(home.status).toBe(200);
    expect(await home.text()).toContain('Ringkasan');
    const again = await signIn(link);
    expect(again.page.status).toBe(410);
    expect(await again.page.text()).toContain('sudah dipakai');
    expect(again.posted.status).toBe(410);
  });

  it('refuses an expired link, and an unknown one', async () => {
    const link = await linkFor('kader');
    w.h.clock.advance(WEB_LINK_VALID_MS + 1);
    const { posted } = await signIn(link);
    expect(posted.status).toBe(410);
    expect(await posted.text()).toContain('kedaluwarsa');
    const unknown = await w.app.request(`/web/masuk?t=${'0'.repeat(64)}`);
    expect(unknown.status).toBe(410);
  });

  it('asks a browser without a session to sign in (401), and ends an idle session', async () => {
    expect((await w.app.request('/web/laporan')).status).toBe(401);
    const { cookie } = await signIn(await linkFor('kader'));
    w.h.clock.advance(WEB_SESSION_IDLE_MS - 1000);
    expect((await w.app.request('/web', { headers: { cookie } })).status).toBe(200);
    w.h.clock.advance(WEB_SESSION_IDLE_MS + 1);
    expect((await w.app.request('/web', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a POST without the CSRF token or with a wrong one (403); logs out with it', async () => {
    const { cookie } = await signIn(await linkFor('kader'));
    const form = { 'content-type': 'application/x-www-form-urlencoded', cookie };
    const none = await w.app.request('/web/keluar', { method: 'POST', headers: form, body: '' });
    expect(none.status).toBe(403);
    const wrong = await w.app.request('/web/keluar', {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ csrf: 'f'.repeat(64) }),
    });
    expect(wrong.status).toBe(403);
    const csrf = csrfOf(await (await w.app.request('/web', { headers: { cookie } })).text());
    const out = await w.app.request('/web/keluar', {
      method: 'POST',
      headers: form,
      body: new URLSearchParams({ csrf }),
    });
    expect(out.status).toBe(200);
    expect((await w.app.request('/web', { headers: { cookie } })).status).toBe(401);
  });

  it("stops a session and a link when the person's role is removed", async () => {
    const contact = await registerStaff(w.h, 'kader-2', 'kader_digital', { name: 'Kader Dua' });
    const { cookie } = await signIn(await linkFor('kader-2'));
    const link = await linkFor('kader-2');
    await setRole(w.h.db.db, { contactId: contact.id, role: 'warga', now: w.h.clock.now() });
    expect((await w.app.request('/web', { headers: { cookie } })).status).toBe(401);
    const { page, posted } = await signIn(link);
    expect(page.status).toBe(403);
    expect(posted.status).toBe(403);
  });

  it("shows a duta their kabupaten's report and 404 for another kabupaten's", async () => {
    const bandung = await signIn(await linkFor('duta-bandung'));
    const cianjur = await signIn(await linkFor('duta-cianjur'));
    const other = await w.app.request('/web/laporan/LP-WBAAA', {
      headers: { cookie: bandung.cookie },
    });
    expect(other.status).toBe(404);
    const own = await w.app.request('/web/laporan/LP-WBAAA', {
      headers: { cookie: cianjur.cookie },
    });
    expect(own.status).toBe(200);
    expect(await own.text()).toContain('Jalan berlubang di depan masjid');
  });

  it('lists trainings and broadcasts, each with a CSV', async () => {
    const { cookie } = await signIn(await linkFor('duta-cianjur'));
    for (const [path, header] of [
      ['/web/pelatihan', 'Judul,Topik,Mulai,Tempat,Kuota,Status,Wilayah'],
      ['/web/siaran', 'No.,Keadaan,Mulai kirim,Isi,Hasil'],
    ] as const) {
      const page = await w.app.request(path, { headers: { cookie } });
      expect(page.status).toBe(200);
      const csv = await w.app.request(`${path}.csv`, { headers: { cookie } });
      expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(header);
    }
  });
});
