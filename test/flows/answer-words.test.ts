import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  allReports,
  createReportHarness,
  registerStaff,
  scriptedTickets,
} from './report-support.js';

/**
 * People answer with words, not numbers: option labels (or a word of one), yes and no in
 * their own words. The rules are in test/core/engine/answer-rules.test.ts; these are the
 * conversations of issue 14 that were refused before.
 */
describe('words for options and yes/no (onboarding)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ onboarding: true });
  });
  afterAll(() => h.close());

  it('registers a kader who answers in words, in Indonesian', async () => {
    await playTranscript(
      h,
      'rina',
      `
      > halo
      < 1. Bahasa Indonesia
      > indonesia
      < Apakah Anda berusia 18 tahun atau lebih?
      > iya
      < Apakah Anda setuju?
      > oke
      < persetujuan Anda sudah dicatat
      < Siapa nama Anda?
      > Rina
      < Apa peran Anda di desa?
      > digital
      < Maksud Anda *Kader digital* atau *Duta digital*? Ketik nomornya.
      > kader
      < Di desa/kelurahan mana Anda tinggal?
      > desa bojongsoang
      < 1. Bojongsoang
      > 1
      < Periksa profil Anda:
      < Sudah benar?
      > sudah
      < Pendaftaran selesai
      `,
    );
    expect(await contactOf(h, 'rina')).toMatchObject({ language: 'id', displayName: 'Rina' });
  });

  it('registers a resident who answers in words, in English', async () => {
    await playTranscript(
      h,
      'ruth',
      `
      > hello
      < 2. English
      > english
      < Are you 18 years old or older?
      > yes
      < Do you agree?
      > agree
      < What is your name?
      > Ruth
      < What is your role in the village?
      > resident
      < Which village (desa
      > Sukamaju, Cibadak, Kabupaten Sukabumi
      < “Cibadak” did not match, so these results leave it out. Choose your village:
      < 1. Sukamaju
      < Kab. Sukabumi
      > 1
      < check your profile
      > ok
      < You're registered
      `,
    );
    expect(await contactOf(h, 'ruth')).toMatchObject({ language: 'en', role: 'warga' });
  });

  it('answers greetings and thanks at the menu, in Indonesian and English', async () => {
    await registerContact(h, 'wati', { name: 'Wati' });
    await playTranscript(
      h,
      'wati',
      `
      > menu
      < Apa yang ingin Anda lakukan?
      > halo
      < Halo juga 👋
      < Apa yang ingin Anda lakukan?
      > terima kasih
      < Sama-sama 🙏
      < Apa yang ingin Anda lakukan?
      > pagi
      < Halo juga 👋
      > matur nuwun
      < Sama-sama 🙏
      > hatur nuhun
      < Sama-sama 🙏
      `,
    );
    await registerContact(h, 'will', { name: 'Will', language: 'en' });
    await playTranscript(
      h,
      'will',
      `
      > menu
      > thank you
      < You're welcome 🙏
      > good morning
      < Hello there 👋
      `,
    );
  });

  it('deletes data only on a clear yes, in Indonesian and English', async () => {
    await registerContact(h, 'dedi', { name: 'Dedi' });
    await playTranscript(
      h,
      'dedi',
      `
      > /hapusdata
      < Yakin ingin menghapus data Anda?
      > ok
      < Ini tidak bisa dibatalkan, jadi kami perlu jawaban yang jelas: ketik *1* atau *ya*.
      <! Pilihan itu tidak ada
      > belum
      < Baik, tidak ada yang dihapus.
      > /hapusdata
      > ya
      < Data Anda sudah dihapus
      `,
    );
    await registerContact(h, 'dora', { name: 'Dora', language: 'en' });
    await playTranscript(
      h,
      'dora',
      `
      > /deletedata
      > sure
      < This cannot be undone, so we need a clear answer: type *1* or *yes*.
      <! That option doesn't exist
      > no
      < nothing was deleted
      > /deletedata
      > yes
      < Your data has been deleted
      `,
    );
  });
});

describe('words for options (reports)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createReportHarness(scriptedTickets('7KQ3M', 'ABCDE', 'HJK23'));
  });
  afterAll(() => h.close());

  it('files a report chosen by words, in Indonesian', async () => {
    await registerContact(h, 'siti', { name: 'Siti' });
    await playTranscript(
      h,
      'siti',
      `
      > /lapor
      < Jenis laporan apa?
      > pengaduan
      < Tentang apa?
      > jalan
      < Ceritakan masalahnya
      > Jalan desa berlubang besar di dekat masjid.
      < Kirim foto
      > lewati
      < Di mana tempatnya?
      > lewati
      < Bagaimana laporan ini dikirim?
      > biasa
      < Periksa laporan Anda:
      > kirim
      < Nomor tiket Anda: *LP-7KQ3M*
      `,
    );
  });

  it('files a report chosen by words, in English', async () => {
    await registerContact(h, 'sam', { name: 'Sam', language: 'en' });
    await playTranscript(
      h,
      'sam',
      `
      > /report
      > complaint
      > roads
      < Is your problem the same?
      > different
      < Describe the problem
      > The village road has a big hole near the mosque.
      > skip
      > skip
      > normal
      < Check your report
      > send
      < *LP-ABCDE*
      `,
    );
    const reports = await allReports(h);
    expect(reports.map((r) => [r.type, r.category])).toEqual([
      ['pengaduan', 'jalan'],
      ['pengaduan', 'jalan'],
    ]);
  });

  it('checks a resident’s mobile number and keeps it in one form, in English', async () => {
    await registerStaff(h, 'kai', 'kader_digital', { name: 'Kai', language: 'en' });
    await playTranscript(
      h,
      'kai',
      `
      > /report
      < Who is this report for?
      > resident
      < What is the name of the resident you are helping?
      > Mbah Karto
      < mobile number that may be recorded?
      > yes
      < Type the resident's mobile number, for example *0812 3456 7890*.
      > 08123
      < That doesn't look like an Indonesian mobile number.
      > 0812-3456-7890
      < Mbah Karto
      `,
    );
    expect((await allReports(h)).length).toBe(2);
  });
});
