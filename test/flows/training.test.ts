import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { trainingRsvps, trainingSessions } from '../../src/db/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { playTranscript } from '../support/transcript.js';
import { createSession, newsFor, registerPeople } from './training-support.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

async function setUp(): Promise<Harness> {
  const harness = await createHarness({ exclusive: true });
  await registerPeople(harness);
  await createSession(harness);
  return harness;
}

/** A harness, six people and a session through the wizard take a while on a busy machine. */
const SLOW_MS = 120_000;

describe('training schedules', { timeout: SLOW_MS }, () => {
  it('a duta creates a session for their kecamatan in WITA; a kader there sees it and joins; a warga of another kabupaten does not see it', async () => {
    h = await setUp();
    await playTranscript(
      h,
      'duta',
      '> /jadwal\n> 1\n< Waktu: Selasa, 3 Maret 2026 pukul 09.00 WITA',
    );
    const [session] = await h.db.db.select().from(trainingSessions);
    expect(session).toMatchObject({
      timeZone: 'Asia/Makassar',
      regions: ['51.03.01'],
      audience: ['kader_digital', 'warga'],
      capacity: 2,
      status: 'terjadwal',
    });
    expect(session?.startsAt.toISOString()).toBe('2026-03-03T01:00:00.000Z');
    await playTranscript(
      h,
      'kader-a',
      `
      > /jadwal
      < *Jadwal pelatihan*. Pilih untuk melihat rinciannya:
      < 1. Bimtek Website Desa, Selasa, 3 Maret 2026 pukul 09.00 WITA, Balai Desa Tuban, sisa 2 kursi
      > 1
      < 📚 *Bimtek Website Desa*
      < Waktu: Selasa, 3 Maret 2026 pukul 09.00 WITA sampai 11.00 WITA
      < tempat: Balai Desa Tuban
      < Anda belum menjawab.
      < 1. Ikut
      < 2. Tidak bisa
      <! Ubah waktu
      > ikut
      < ✅ Anda terdaftar ikut *Bimtek Website Desa*
      < sisa 1 kursi
      < Anda terdaftar ikut.
      < Batal ikut
      > tambahkan ke kalender
      < 📎 Berkas kalender *bimtek-website-desa.ics* terlampir
      `,
    );
    const last = h.channel.sent.filter((s) => s.externalId === 'kader-a').at(-2);
    const [file] = last?.message.attachments ?? [];
    expect(file).toMatchObject({ type: 'document', fileName: 'bimtek-website-desa.ics' });
    expect(file?.type === 'document' && file.content).toContain('DTSTART:20260303T010000Z');
    await playTranscript(
      h,
      'warga-jembrana',
      `
      > /jadwal
      < Belum ada pelatihan terjadwal untuk Anda.
      `,
    );
  });

  it('puts the third on the waitlist with the position and promotes them when one cancels, in the same transaction', async () => {
    h = await setUp();
    for (const who of ['kader-a', 'kader-b']) {
      await playTranscript(h, who, '> /jadwal\n> 1\n> ikut\n< terdaftar ikut');
    }
    await playTranscript(
      h,
      'kader-c',
      `
      > /jadwal
      < penuh, ada daftar tunggu
      > 1
      > ikut
      < Kursi sudah penuh. Anda masuk daftar tunggu nomor *1*
      < Anda di daftar tunggu, nomor 1.
      `,
    );
    await newsFor(h, 'kader-c');
    await playTranscript(
      h,
      'kader-a',
      `
      > /jadwal
      > 1
      < Anda terdaftar ikut.
      > batal ikut
      < Baik, Anda batal ikut *Bimtek Website Desa*.
      < Anda menjawab tidak bisa ikut.
      `,
    );
    expect(await newsFor(h, 'kader-c')).toContain(
      '🎉 Kabar baik! Ada kursi kosong di *Bimtek Website Desa* (Selasa, 3 Maret 2026 pukul 09.00 WITA). Anda sekarang terdaftar ikut.',
    );
    const rows = await h.db.db.select().from(trainingRsvps);
    const statuses = Object.fromEntries(rows.map((row) => [row.contactId, row.status]));
    expect(statuses).toEqual({
      'contact-kader-a': 'tidak',
      'contact-kader-b': 'ikut',
      'contact-kader-c': 'ikut',
    });
  });

  it('refuses cancelling within an hour of the start, with the reason', async () => {
    h = await setUp();
    await playTranscript(h, 'kader-a', '> /jadwal\n> 1\n> ikut\n< terdaftar ikut');
    // Tuesday 08.15 WITA: 45 minutes before the start.
    h.clock.advance(new Date('2026-03-03T00:15:00Z').getTime() - h.clock.now().getTime());
    await playTranscript(
      h,
      'kader-a',
      `
      > /jadwal
      > 1
      > batal ikut
      < pendaftaran tidak bisa dibatalkan kurang dari 60 menit sebelum mulai
      < Anda terdaftar ikut.
      `,
    );
    const [row] = await h.db.db
      .select()
      .from(trainingRsvps)
      .where(eq(trainingRsvps.contactId, 'contact-kader-a'));
    expect(row?.status).toBe('ikut');
  });

  it('speaks English to an English reader', async () => {
    h = await setUp();
    await playTranscript(
      h,
      'kader-en',
      `
      > /jadwal
      < *Training schedule*. Choose one to see the details:
      < Bimtek Website Desa, Tuesday, 3 March 2026 at 09:00 WITA, Balai Desa Tuban, 2 seats left
      > 1
      < Time: Tuesday, 3 March 2026 at 09:00 WITA until 11:00 WITA
      < You have not answered yet.
      > join
      < ✅ You are going to *Bimtek Website Desa*.
      `,
    );
  });

  it('lets only managers create; a kader is told who may', async () => {
    h = await setUp();
    await playTranscript(
      h,
      'kader-a',
      `
      > /pelatihanbaru
      < membuat pelatihan hanya untuk admin, duta digital (di kabupatennya) dan pendamping desa (di kecamatannya)
      `,
    );
  });

  it('asks again for a time it cannot read, one in the past, a code outside the area', async () => {
    h = await createHarness({ exclusive: true });
    await registerPeople(h);
    await playTranscript(
      h,
      'duta',
      `
      > /pelatihanbaru
      > Bimtek Keuangan Desa
      > Aplikasi keuangan desa
      > ekonomi
      > 1
      < Untuk wilayah mana?
      > 3
      < Ketik kode wilayah Kemendagri
      > 51.01
      < Kode *51.01* di luar wilayah Anda
      > 51.03.99
      < Kode *51.03.99* tidak dikenal
      > 51.03.01, 51.03.02
      < tatap muka atau daring?
      > daring
      < Tautan untuk bergabung?
      > zoom saja
      < Tautan harus diawali https://
      > https://meet.example.org/bimtek
      < Ketik tanggal dan jam WITA
      > besok pagi
      < tidak terbaca
      > 1/3/2026 09.00
      < Waktu itu sudah lewat
      > 4 Maret 2026 jam 13.30
      < Berapa lama?
      > 90 menit
      > tanpa batas
      > tidak
      > 3
      < • Waktu: Rabu, 4 Maret 2026 pukul 13.30 WITA, 90 menit
      < • daring: https://meet.example.org/bimtek
      < • Kursi: tanpa batas
      < • Pelatih: Belum ditentukan
      > ubah zona waktu
      > WIB
      < • Waktu: Rabu, 4 Maret 2026 pukul 13.30 WIB, 90 menit
      > simpan
      < tersimpan
      `,
    );
    const [session] = await h.db.db.select().from(trainingSessions);
    expect(session).toMatchObject({
      regions: ['51.03.01', '51.03.02'],
      timeZone: 'Asia/Jakarta',
      onlineUrl: 'https://meet.example.org/bimtek',
      capacity: null,
      pillar: 'ekonomi',
    });
    expect(session?.startsAt.toISOString()).toBe('2026-03-04T06:30:00.000Z');
  });
});
