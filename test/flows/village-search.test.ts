import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { contactOf, registerContact, SUKAMAJU_CIBEBER } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

const BOJONGSOANG = '32.04.08.2002';
const KEUDE_BAKONGAN = '11.01.01.2001';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ onboarding: true });
  await registerContact(h, 'wati', { name: 'Wati' });
});
afterAll(() => h.close());

describe('village search in chat (transcript)', () => {
  it('finds a village after a typo, without spaces, with a "desa" prefix and by kecamatan', async () => {
    await playTranscript(
      h,
      'wati',
      `
      > /ubahdata
      < • Desa: Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat
      < 2. Desa
      > 2
      < Di desa/kelurahan mana Anda tinggal?
      # a typo
      > bojongsowang
      < Pilih desa Anda:
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      < 2. Cari lagi
      > cari lagi
      < Di desa/kelurahan mana Anda tinggal?
      # "Keude Bakongan" typed without its space
      > keudebakongan
      < 1. Keude Bakongan — Kec. Bakongan, Kab. Aceh Selatan, Aceh
      > cari lagi
      # a leading "desa"
      > Desa Bojongsoang
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      > cari lagi
      # too many Sukamaju: a hint to add the kecamatan, at most 8 hits
      > sukamaju
      < Ada 216 desa dengan nama mirip; ini 8 yang paling cocok.
      < 8. Suka Maju
      < 9. Cari lagi
      <! 10.
      > cari lagi
      # narrowed by kecamatan after a comma
      > sukamaju, cibeber
      < Pilih desa Anda:
      < 1. Sukamaju — Kec. Cibeber, Kab. Cianjur, Jawa Barat
      <! Aceh
      > cari lagi
      # a kecamatan that matches nothing is ignored, and said so
      > sukamaju, zzzzzzzz
      < “zzzzzzzz” tidak cocok dengan desa mana pun, jadi ini hasil tanpa itu.
      > cari lagi
      # a kecamatan that does not match keeps the kabupaten that does, and is named
      > Sukamaju, Cibadak, Kabupaten Sukabumi
      < “Cibadak” tidak cocok, jadi ini hasil tanpa itu. Pilih desa Anda:
      < 1. Sukamaju — Kec.
      < Kab. Sukabumi, Jawa Barat
      <! Aceh
      > cari lagi
      > bojongsowang
      > 1
      < Tersimpan ✅
      < • Desa: Bojongsoang, Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      `,
    );
    expect((await contactOf(h, 'wati'))?.villageCode).toBe(BOJONGSOANG);
  });

  it('says when nothing is found, with a tip, and asks again', async () => {
    await playTranscript(
      h,
      'wati',
      `
      > 5
      < Baik, selesai.
      > /ubahdata
      > 2
      > xyzzyqwerty
      < Maaf, desa "xyzzyqwerty" tidak ditemukan
      < Tips: periksa ejaannya, atau tambahkan kecamatan setelah koma
      < Di desa/kelurahan mana Anda tinggal?
      > ab
      < Nama desanya terlalu pendek.
      < Di desa/kelurahan mana Anda tinggal?
      > keude bakongan
      < 1. Keude Bakongan
      > kembali
      < Jawaban Anda sebelumnya: keude bakongan.
      < Di desa/kelurahan mana Anda tinggal?
      > keude bakongan
      > 1
      < Tersimpan ✅
      `,
    );
    const wati = await contactOf(h, 'wati');
    expect(wati?.villageCode).toBe(KEUDE_BAKONGAN);
    expect(wati?.villageCode).not.toBe(SUKAMAJU_CIBEBER);
  });
});

describe('a new name typed at a list of villages (transcript)', () => {
  it('searches again in Indonesian instead of refusing', async () => {
    await registerContact(h, 'rini', { name: 'Rini' });
    await playTranscript(
      h,
      'rini',
      `
      > /ubahdata
      > 2
      > bojongsowang
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      # not on the list: a new name is a new search
      > keude bakongan
      <! Pilihan itu tidak ada
      < 1. Keude Bakongan — Kec. Bakongan, Kab. Aceh Selatan, Aceh
      > 1
      < Tersimpan ✅
      `,
    );
    expect((await contactOf(h, 'rini'))?.villageCode).toBe(KEUDE_BAKONGAN);
  });

  it('searches again in English; a number that is not on the list is still refused', async () => {
    await registerContact(h, 'rob', { name: 'Rob', language: 'en' });
    await playTranscript(
      h,
      'rob',
      `
      > /ubahdata
      > 2
      > keude bakongan
      < 1. Keude Bakongan — Kec. Bakongan, Kab. Aceh Selatan, Aceh
      > 7
      < That option doesn't exist.
      > bojongsoang
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      > 1
      < Saved ✅
      `,
    );
    expect((await contactOf(h, 'rob'))?.villageCode).toBe(BOJONGSOANG);
  });
});
