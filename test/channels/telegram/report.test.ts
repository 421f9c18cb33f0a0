import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordConsent } from '../../../src/db/queries/consents.js';
import {
  createContact,
  markRegistered,
  setDisplayName,
  setRole,
  setVillageCode,
} from '../../../src/db/queries/contacts.js';
import {
  findReportByTicket,
  listHistory,
  reportMediaIds,
} from '../../../src/db/queries/reports.js';
import { media, outbox } from '../../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy.js';
import type { FakeChat } from '../../support/fake-bot-api.js';
import { registerContact } from '../../support/register.js';
import { buttons, until, walkOnboarding } from './conversation.js';
import {
  eventually,
  jpeg,
  photoSizes,
  quietFor,
  startTelegramTest,
  type TelegramTest,
} from './setup.js';

const BOJONGSOANG = '32.04.08.2002';
const VILLAGER = 5101;
const PERANGKAT = 5102;

/** Writes a registered perangkat desa of Bojongsoang reached on Telegram. */
async function registerPerangkat(t: TelegramTest, chatId: number): Promise<void> {
  const db = t.h.db.db;
  const now = t.h.clock.now();
  const contactId = `contact-tg-${chatId}`;
  await createContact(db, {
    contactId,
    identityId: `identity-tg-${chatId}`,
    channel: 'telegram',
    externalId: String(chatId),
    language: 'id',
    role: 'warga',
    now,
  });
  await recordConsent(db, {
    id: `consent-tg-${chatId}`,
    contactId,
    noticeVersion: PRIVACY_NOTICE_VERSION,
    answer: 'accepted',
    channel: 'telegram',
    now,
  });
  await setDisplayName(db, { contactId, name: 'Pak Kades', now });
  await setVillageCode(db, { contactId, villageCode: BOJONGSOANG, now });
  await setRole(db, { contactId, role: 'perangkat_desa', now });
  await markRegistered(db, { contactId, now });
}

/** The perangkat opens the report, picks a move by its button and writes the note. */
async function move(staff: FakeChat, ticket: string, label: string, note: string) {
  staff.say(`/kelola ${ticket}`);
  const act = (await until(staff, `Apa tindak lanjut untuk <b>${ticket}</b>?`)).at(-1);
  const number = buttons(act).findIndex((text) => text.endsWith(label)) + 1;
  expect(number, `a button "${label}" in ${buttons(act).join(' | ')}`).toBeGreaterThan(0);
  staff.press(number);
  await until(staff, 'Tulis ');
  staff.say(note);
  await until(staff, `<b>${ticket}</b> sekarang`);
}

describe('reports on Telegram, through the fake Bot API', () => {
  let t: TelegramTest;
  let firstTicket = '';
  /** One chat object per person: it numbers their messages, which the bot deduplicates. */
  let villager: FakeChat;
  let staff: FakeChat;
  beforeAll(async () => {
    t = await startTelegramTest();
    await registerPerangkat(t, PERANGKAT);
  });
  afterAll(() => t.close());

  it('files a report with a photo and a pin; a perangkat moves it to SELESAI; the villager confirms and it is DITUTUP, each step told', async () => {
    villager = t.fake.chat(VILLAGER);
    staff = t.fake.chat(PERANGKAT);
    await walkOnboarding(t, villager);

    villager.say('/lapor');
    const type = (await until(villager, 'Jenis laporan apa?')).at(-1);
    expect(buttons(type)).toEqual([
      '1. Pengaduan: ada masalah',
      '2. Aspirasi atau usulan',
      '3. Permintaan informasi',
    ]);
    villager.press(1);
    const category = (await until(villager, 'Tentang apa?')).at(-1);
    expect(buttons(category)).toHaveLength(9);
    villager.press(2);
    await until(villager, 'Ceritakan masalahnya');
    villager.say('Sampah menumpuk di tepi sungai & baunya menyengat');
    await until(villager, 'Kirim foto masalahnya');
    villager.send({ photo: photoSizes(t.fake, 'sungai', await jpeg()), caption: 'tepi sungai' });
    await until(villager, 'Foto 1 dari 3 diterima');
    villager.say('selesai');
    const where = (await until(villager, 'Di mana tempatnya?')).at(-1);
    expect(where?.replyMarkup).toMatchObject({ keyboard: [[{ request_location: true }]] });
    villager.send({ location: { latitude: -6.9771, longitude: 107.6402 } });
    await until(villager, 'Apakah masalahnya ada tepat di titik yang Anda bagikan?');
    villager.say('ya');
    await until(villager, 'Bagaimana laporan ini dikirim?');
    villager.press(1);
    const summary = (await until(villager, 'Periksa laporan Anda:')).at(-1);
    expect(summary?.text).toContain(
      '• Uraian: Sampah menumpuk di tepi sungai &amp; baunya menyengat',
    );
    expect(summary?.text).toContain('• Foto: 1');
    expect(summary?.text).toContain('• Desa: Bojongsoang, Kec. Bojongsoang, Kab. Bandung');
    expect(buttons(summary)[0]).toBe('1. Kirim laporan');
    villager.press(1);
    const filed = (await until(villager, 'Laporan terkirim')).at(-1);
    const ticket = /LP-[A-Z2-9]{5}/.exec(filed?.text ?? '')?.[0] ?? '';
    expect(ticket).not.toBe('');
    firstTicket = ticket;

    const [arrived] = (await until(staff, 'Laporan baru')).slice(-1);
    expect(arrived?.text).toContain(
      `<b>${ticket}</b> di desa Bojongsoang, Kec. Bojongsoang, Kab. Bandung, Jawa Barat: Air bersih, sampah &amp; lingkungan`,
    );
    staff.say(`/kelola ${ticket}`);
    const detail = (await until(staff, `<b>${ticket}</b> · Pengaduan`)).at(-1);
    expect(detail?.text).toContain('• Pelapor: Siti &lt;Aminah&gt; &amp; Co');
    expect(detail?.text).toContain('• Foto: 1');
    // The pin as a short link hidden under two words, not a long raw address.
    expect(detail?.text).toContain(
      'titik di peta: <a href="https://osm.org/go/tbSBj2W1r--?m">lihat peta</a>',
    );
    const opened = await until(staff, 'Apa tindak lanjut');
    // The photo goes by its Telegram file id (no upload), then the pin, then the question.
    expect(opened.map((m) => m.photo ?? (m.location ? 'pin' : 'text'))).toEqual([
      'sungai-l',
      'pin',
      'text',
    ]);
    expect(opened[1]?.location).toEqual({ latitude: -6.9771, longitude: 107.6402 });

    await move(staff, ticket, 'Tandai diverifikasi', 'Sudah dicek ke lokasi');
    await until(villager, `status sekarang <b>Diverifikasi</b>`);
    await move(staff, ticket, 'Mulai diproses', 'Petugas kebersihan dijadwalkan');
    await until(villager, `status sekarang <b>Diproses</b>`);
    await move(staff, ticket, 'Tandai selesai', 'Sampah sudah diangkut');
    const asked = (await until(villager, 'Apakah masalahnya sudah beres?')).at(-1);
    expect(asked?.text).toContain('Petugas menulis: “Sampah sudah diangkut”');
    expect(buttons(asked)).toEqual(['1. Ya, sudah beres', '2. Belum beres', '3. Nanti saja']);
    villager.press(1);
    await until(villager, `Laporan <b>${ticket}</b> ditutup.`);
    await until(
      staff,
      `Pelapor <b>${ticket}</b> di desa Bojongsoang, Kec. Bojongsoang, Kab. Bandung, Jawa Barat menyatakan masalahnya sudah beres`,
    );

    // One notification per move, none doubled.
    const told = villager
      .messages()
      .filter((m) => m.text.includes(`<b>${ticket}</b>: status sekarang`));
    expect(told.map((m) => /sekarang <b>([^<]+)<\/b>/.exec(m.text)?.[1])).toEqual([
      'Diverifikasi',
      'Diproses',
      'Selesai',
    ]);
    const report = await findReportByTicket(t.h.db.db, { ticket });
    expect(report).toMatchObject({
      category: 'air_lingkungan',
      villageCode: BOJONGSOANG,
      latitude: -6.9771,
      longitude: 107.6402,
      status: 'DITUTUP',
    });
    const history = await listHistory(t.h.db.db, { reportId: report?.id ?? '' });
    expect(history.map((row) => row.toStatus)).toEqual([
      'DITERIMA',
      'DIVERIFIKASI',
      'DIPROSES',
      'SELESAI',
      'DITUTUP',
    ]);
    const [photoId] = await reportMediaIds(t.h.db.db, { reportId: report?.id ?? '' });
    const [photo] = await t.h.db.db
      .select()
      .from(media)
      .where(eq(media.id, photoId ?? ''));
    expect(photo).toMatchObject({ originChannel: 'telegram', originRef: 'sungai-l' });
  });

  it('tells the villager once of a move whose notification was cut off by a restart', async () => {
    villager.unread();
    await registerContact(t.h, 'kades-konsol', {
      name: 'Bu Kades',
      role: 'perangkat_desa',
      villageCode: BOJONGSOANG,
    });
    const ticket = await fileQuicklyOnTelegram(villager);
    expect(ticket).toMatch(/^LP-/);
    expect(ticket).not.toBe(firstTicket);
    await until(staff, `Laporan baru <b>${ticket}</b>`);
    // The notification's first attempt fails; the process restarts before the retry.
    t.fake.failNext('sendMessage', { status: 502, description: 'Bad Gateway' });
    await t.h.say('kades-konsol', `/kelola ${ticket}`);
    await t.h.say('kades-konsol', 'tandai diverifikasi');
    await t.h.say('kades-konsol', 'Sudah dicek');
    await eventually(
      () =>
        t.fake
          .callsOf('sendMessage')
          .some((c) => String(c.params.text).includes(`${ticket}</b>: status`)),
      'the failed attempt',
    );
    await t.restart();
    t.h.clock.advance(60_000);
    await t.h.runtime.outbox.sweep();
    await until(villager, `<b>${ticket}</b>: status sekarang <b>Diverifikasi</b>`);
    await quietFor();
    const told = villager.messages().filter((m) => m.text.includes(`<b>${ticket}</b>: status`));
    expect(told).toHaveLength(1);
    const rows = await t.h.db.db
      .select()
      .from(outbox)
      .where(eq(outbox.externalId, String(VILLAGER)));
    const row = rows.find(
      (r) =>
        JSON.stringify(r.message).includes('report:notify.moved') &&
        JSON.stringify(r.message).includes(ticket),
    );
    expect(row).toMatchObject({ status: 'sent', attempts: 2 });
  });
});

/** Files a complaint on Telegram with the fewest answers; returns its ticket. */
async function fileQuicklyOnTelegram(chat: FakeChat): Promise<string> {
  let last = '';
  for (const [say, wait] of [
    ['/lapor', 'Jenis laporan apa?'],
    ['1', 'Tentang apa?'],
    ['7', 'Ceritakan masalahnya'],
    ['Kantor desa tutup di jam pelayanan', 'Kirim foto'],
    ['lewati', 'Di mana tempatnya?'],
    ['lewati', 'Bagaimana laporan ini dikirim?'],
    ['1', 'Periksa laporan Anda:'],
    ['1', 'Laporan terkirim'],
  ] as const) {
    chat.say(say);
    last = (await until(chat, wait)).at(-1)?.text ?? '';
  }
  // The menu comes in the same message as the ticket.
  expect(last).toContain('Apa yang ingin Anda lakukan?');
  return /LP-[A-Z2-9]{5}/.exec(last)?.[0] ?? '';
}
