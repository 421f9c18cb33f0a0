import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversations, roleRequests } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import { createHarness, type Harness } from '../support/harness.js';
import { consentsOf, contactOf, SUKAMAJU_CIBEBER } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

const BOJONGSOANG = '32.04.08.2002';
const KEUDE_BAKONGAN = '11.01.01.2001';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ onboarding: true });
});
afterAll(() => h.close());

describe('onboarding (transcript)', () => {
  it('registers a villager in Indonesian, storing only language and consent before consent', async () => {
    await playTranscript(
      h,
      'siti',
      `
      > halo
      < Selamat datang di *Sapa Desa*
      < Pilih bahasa / Choose a language:
      < 1. Bahasa Indonesia
      < 2. English
      > 1
      < Apakah Anda berusia 18 tahun atau lebih?
      > ya
      < Sebelum mulai, mohon baca ini sebentar.
      < *Privasi Anda*
      < server WhatsApp/Telegram di luar negeri
      < ketik /privasi
      < 1. Setuju
      < 2. Tidak setuju
      `,
    );
    expect(await contactOf(h, 'siti')).toMatchObject({
      language: 'id',
      displayName: null,
      villageCode: null,
      consentVersion: null,
    });
    expect(await consentsOf(h, 'siti')).toEqual([]);
    await playTranscript(
      h,
      'siti',
      `
      > 1
      < persetujuan Anda sudah dicatat
      < Siapa nama Anda?
      > S
      < Jawabannya terlalu pendek
      > Siti Aminah
      < Apa peran Anda di desa?
      < 1. Warga
      < 2. Kader digital
      < 5. Pendamping desa
      > 1
      < Di desa/kelurahan mana Anda tinggal?
      > desa bojongsoang
      < Pilih desa Anda:
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      < Cari lagi
      > 1
      < Periksa profil Anda:
      < • Nama: Siti Aminah
      < • Peran: Warga
      < • Desa: Bojongsoang, Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      < • Bahasa: Bahasa Indonesia
      < 1. Benar, simpan
      > 1
      < Pendaftaran selesai 🎉
      < Halo, Siti Aminah 👋
      `,
    );
    expect(await contactOf(h, 'siti')).toMatchObject({
      displayName: 'Siti Aminah',
      role: 'warga',
      villageCode: BOJONGSOANG,
      consentVersion: PRIVACY_NOTICE_VERSION,
      registeredAt: h.clock.now(),
    });
    expect(await consentsOf(h, 'siti')).toEqual([
      expect.objectContaining({
        noticeVersion: PRIVACY_NOTICE_VERSION,
        answer: 'accepted',
        channel: 'test',
        createdAt: h.clock.now(),
      }),
    ]);
  });

  it('registers a digital cadre in English, corrects the name from the summary, and files the role request', async () => {
    await playTranscript(
      h,
      'budi',
      `
      > /start
      < Pilih bahasa / Choose a language:
      > English
      < Are you 18 years old or older?
      > yes
      < Before we start, please read this.
      < *Your privacy*
      < 1. I agree
      > I agree
      < your consent has been recorded
      < What is your name?
      > Budy
      < What is your role in the village?
      < 2. Digital cadre (kader digital)
      > 2
      < Which village (desa/kelurahan) do you live in?
      > keudebakongan
      < 1. Keude Bakongan — Kec. Bakongan, Kab. Aceh Selatan, Aceh
      > 1
      < • Name: Budy
      < • Role: Resident (warga) (asked to be Digital cadre (kader digital), waiting for an admin)
      < 2. Change name
      > 2
      < What is your name?
      > Budi Santoso
      < • Name: Budi Santoso
      < • Village: Keude Bakongan, Kec. Bakongan, Kab. Aceh Selatan, Aceh
      < • Language: English
      > 1
      < You're registered 🎉
      < Your request to be a Digital cadre (kader digital) has been sent to an admin
      < Hello, Budi Santoso 👋
      `,
    );
    const budi = await contactOf(h, 'budi');
    expect(budi).toMatchObject({
      displayName: 'Budi Santoso',
      language: 'en',
      role: 'warga',
      villageCode: KEUDE_BAKONGAN,
    });
    const requests = await h.db.db
      .select()
      .from(roleRequests)
      .where(eq(roleRequests.contactId, budi?.id ?? ''));
    expect(requests).toEqual([
      expect.objectContaining({ role: 'kader_digital', status: 'pending', decidedBy: null }),
    ]);
  });

  it('goes back from the village question with kembali, and from the hits to the question', async () => {
    await playTranscript(
      h,
      'rudi',
      `
      > halo
      > 1
      > ya
      > 1
      > Rudi
      < Apa peran Anda di desa?
      > 1
      < Di desa/kelurahan mana Anda tinggal?
      > kembali
      < Jawaban Anda sebelumnya: Warga.
      < Apa peran Anda di desa?
      > 1
      < Di desa/kelurahan mana Anda tinggal?
      > sukamaju
      < Ada 216 desa dengan nama mirip
      < 9. Cari lagi
      > kembali
      < Jawaban Anda sebelumnya: sukamaju.
      < Di desa/kelurahan mana Anda tinggal?
      > sukamaju, cibeber
      < 1. Sukamaju — Kec. Cibeber, Kab. Cianjur, Jawa Barat
      > 1
      < • Desa: Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat
      `,
    );
  });

  it('resumes after a restart in the middle of onboarding', async () => {
    await playTranscript(
      h,
      'rina',
      `
      > halo
      > 1
      > ya
      > 1
      > Rina Wati
      < Apa peran Anda di desa?
      `,
    );
    await h.restart();
    await playTranscript(
      h,
      'rina',
      `
      > 1
      < Di desa/kelurahan mana Anda tinggal?
      > sukamaju, cibeber
      > 1
      < • Nama: Rina Wati
      > 1
      < Halo, Rina Wati
      `,
    );
    expect(await contactOf(h, 'rina')).toMatchObject({ villageCode: SUKAMAJU_CIBEBER });
  });

  it('picks up the profile where it stopped after cancelling, without asking for consent twice', async () => {
    await playTranscript(
      h,
      'joko',
      `
      > halo
      > 1
      > ya
      > 1
      > Joko
      < Apa peran Anda di desa?
      > batal
      < dibatalkan
      > halo
      < Apa peran Anda di desa?
      <! Apakah Anda setuju?
      `,
    );
    const [conversation] = await h.db.db
      .select()
      .from(conversations)
      .where(eq(conversations.contactId, (await contactOf(h, 'joko'))?.id ?? ''));
    expect(JSON.stringify(conversation?.state)).toContain('"flow":"onboarding"');
  });
});
