import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  addPhoto,
  allReports,
  BOJONGSOANG,
  createReportHarness,
  registerStaff,
  reportOf,
  SUKAMAJU,
  scriptedTickets,
  sendPhoto,
  sendPin,
} from './report-support.js';

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('7KQ3M', 'ABCDE', 'HJK23', 'PQRST', 'XYZ45'));
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerStaff(h, 'kader-lain', 'kader_digital', {
    name: 'Kader Lain',
    villageCode: BOJONGSOANG,
  });
});
afterAll(() => h.close());

describe('filing a report (transcript)', () => {
  it('files a complaint with two photos and a pin at the problem, and tells the village staff', async () => {
    await registerContact(h, 'siti', { name: 'Siti' });
    await addPhoto(h, 'foto-1');
    await addPhoto(h, 'foto-2');
    await playTranscript(
      h,
      'siti',
      `
      > /lapor
      < Jenis laporan apa?
      < 1. Pengaduan: ada masalah
      < 3. Permintaan informasi
      > 1
      < Tentang apa?
      < 1. Jalan, jembatan & fasilitas umum
      < 9. Lainnya
      > jalan, jembatan & fasilitas umum
      < Ceritakan masalahnya
      > Jalan desa berlubang besar di dekat masjid, sudah dua minggu.
      < Kirim foto masalahnya, paling banyak 3.
      < Tidak ada foto? Ketik *lewati*.
      `,
    );
    expect((await sendPhoto(h, 'siti', 'foto-1'))[0]).toContain('Foto 1 dari 3 diterima');
    expect((await sendPhoto(h, 'siti', 'foto-2'))[0]).toContain('Foto 2 dari 3 diterima');
    expect((await h.say('siti', 'selesai'))[0]).toContain('Di mana tempatnya?');
    expect((await sendPin(h, 'siti', -6.9123, 107.1234))[0]).toContain(
      'Apakah masalahnya ada tepat di titik yang Anda bagikan?',
    );
    await playTranscript(
      h,
      'siti',
      `
      > ya
      < Bagaimana laporan ini dikirim?
      < 1. Biasa
      > 1
      < Periksa laporan Anda:
      < • Jenis: Pengaduan
      < • Kategori: Jalan, jembatan & fasilitas umum
      < • Uraian: Jalan desa berlubang besar di dekat masjid, sudah dua minggu.
      < • Foto: 2
      < • Lokasi: titik di peta: https://osm.org/go/tbQM5xrUd--?m
      < • Desa: Sukamaju, Kec. Cibeber, Kab. Cianjur
      < • Cara kirim: biasa
      < 1. Kirim laporan
      > 1
      < ✅ Laporan terkirim. Nomor tiket Anda: *LP-7KQ3M*
      < /status LP-7KQ3M
      < Halo, Siti 👋
      `,
    );
    const { report, photos, history } = await reportOf(h, 'LP-7KQ3M');
    expect(report).toMatchObject({
      type: 'pengaduan',
      category: 'jalan',
      pillar: 'mobilitas',
      villageCode: SUKAMAJU,
      latitude: -6.9123,
      longitude: 107.1234,
      landmark: null,
      anonymous: false,
      confidential: false,
      status: 'DITERIMA',
      residentName: null,
      contactId: 'contact-siti',
    });
    expect(photos).toEqual(['foto-1', 'foto-2']);
    expect(history).toEqual([
      expect.objectContaining({
        fromStatus: null,
        toStatus: 'DITERIMA',
        actorKind: 'reporter',
        actorId: 'contact-siti',
      }),
    ]);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('pak-kades')).toEqual([
      expect.stringContaining(
        '🆕 Laporan baru *LP-7KQ3M* di desa Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat: Jalan, jembatan & fasilitas umum.',
      ),
    ]);
    expect(h.channel.take('kader-lain')).toEqual([]);
  });

  it('files without photos or location, and keeps a typed landmark instead of a pin elsewhere', async () => {
    await registerContact(h, 'budi', { name: 'Budi' });
    await playTranscript(
      h,
      'budi',
      `
      > /lapor
      > aspirasi atau usulan
      < Tentang apa?
      > 5
      < Ceritakan masalahnya
      > Mohon dibuka kelas membaca untuk anak-anak
      < Kirim foto
      > lewati
      < Di mana tempatnya?
      > lewati
      < Bagaimana laporan ini dikirim?
      > 1
      < • Foto: 0
      < • Lokasi: tidak diisi
      > kirim laporan
      < Nomor tiket Anda: *LP-ABCDE*
      `,
    );
    expect((await reportOf(h, 'LP-ABCDE')).report).toMatchObject({
      type: 'aspirasi',
      category: 'pendidikan',
      pillar: 'masyarakat',
      latitude: null,
      landmark: null,
    });

    await playTranscript(
      h,
      'budi',
      '> /lapor\n> 1\n> 8\n> Sinyal internet hilang sejak kemarin sore\n> lewati',
    );
    await sendPin(h, 'budi', -6.2, 106.8);
    await playTranscript(
      h,
      'budi',
      `
      > tidak
      < Tulis patokan tempat masalahnya
      < Titik yang Anda bagikan tidak disimpan.
      > menara BTS dekat lapangan
      < Bagaimana laporan ini dikirim?
      > 1
      < • Lokasi: patokan: menara BTS dekat lapangan
      <! osm.org
      > 1
      < *LP-HJK23*
      `,
    );
    expect((await reportOf(h, 'LP-HJK23')).report).toMatchObject({
      category: 'internet_listrik',
      latitude: null,
      longitude: null,
      landmark: 'menara BTS dekat lapangan',
    });
  });

  it('goes back and cancels midway without saving anything', async () => {
    await registerContact(h, 'cici', { name: 'Cici' });
    const before = (await allReports(h)).length;
    await playTranscript(
      h,
      'cici',
      `
      > /lapor
      > 1
      > 6
      < Ceritakan masalahnya
      > kembali
      < Jawaban Anda sebelumnya: Bantuan sosial & ekonomi warga.
      < Tentang apa?
      > 4
      < Ceritakan masalahnya
      > Posyandu tutup terus bulan ini
      < Kirim foto
      > batal
      < Laporan Anda belum terkirim. Simpan sebagai draf dulu?
      < 1. Ya, simpan draf
      < 2. Tidak, buang isiannya
      < 3. Lanjutkan laporan
      > tidak
      < Baik, dibatalkan. Tidak ada yang disimpan.
      > /lapor
      <! draf
      > batal
      `,
    );
    expect((await allReports(h)).length).toBe(before);
  });
});
