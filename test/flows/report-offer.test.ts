import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportSupports } from '../../src/db/schema/index.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  allReports,
  createReportHarness,
  fileQuickly,
  registerStaff,
  reportOf,
  scriptedTickets,
} from './report-support.js';

const DAY_MS = 24 * 60 * 60 * 1000;

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('JLN22', 'JLN33', 'BNC44', 'WRG55', 'JLN66'));
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerStaff(h, 'kader-desa', 'kader_digital', { name: 'Kader Desa' });
  for (const name of ['ani', 'eko', 'fajar', 'gita']) await registerContact(h, name, { name });
});
afterAll(() => h.close());

describe('the duplicate offer (transcript)', () => {
  it('offers to support an open report of the same category and village instead', async () => {
    await fileQuickly(h, 'ani', { category: 1, description: 'Jembatan bambu di dusun dua patah' });
    await playTranscript(
      h,
      'eko',
      `
      > /lapor
      > 1
      > 1
      < Sudah ada laporan *Jalan, jembatan & fasilitas umum* dari desa ini yang sedang ditangani: dikirim 02/03/2026, status Diterima, didukung 0 warga lain.
      < 1. Dukung laporan itu
      < 2. Masalahnya lain, buat laporan baru
      <! Jembatan bambu
      > 1
      < Terima kasih, dukungan Anda sudah dicatat. Sekarang 1 warga mendukung laporan itu.
      < Halo, eko 👋
      > /lapor
      > 1
      > 1
      < didukung 1 warga lain
      > 1
      < Anda sudah mendukung laporan itu sebelumnya.
      `,
    );
    await playTranscript(
      h,
      'ani',
      '> /lapor\n> 1\n> 1\n> 1\n< Itu laporan Anda sendiri: *LP-JLN22*.',
    );
    const supports = await h.db.db.select().from(reportSupports);
    expect(supports).toEqual([expect.objectContaining({ contactId: 'contact-eko' })]);
    expect((await allReports(h)).length).toBe(1);
  });

  it('files a new one when the person says it is another problem, and asks only once', async () => {
    await playTranscript(
      h,
      'fajar',
      `
      > /lapor
      > 1
      > 1
      < 2. Masalahnya lain, buat laporan baru
      > 2
      < Ceritakan masalahnya
      > Gorong-gorong depan sekolah tersumbat
      > lewati
      > lewati
      > 1
      < Periksa laporan Anda:
      > 2
      > 1
      > 1
      < Periksa laporan Anda:
      <! Sudah ada laporan
      > 1
      < Nomor tiket Anda: *LP-JLN33*
      `,
    );
    expect((await reportOf(h, 'LP-JLN33')).report.category).toBe('jalan');
  });

  it('offers nothing once the open report is older than 14 days', async () => {
    h.clock.advance(15 * DAY_MS);
    await playTranscript(
      h,
      'gita',
      `
      > /lapor
      > 1
      > 1
      < Ceritakan masalahnya
      <! Sudah ada laporan
      > batal
      > 2
      < Baik, dibatalkan.
      `,
    );
  });

  it('shows 112 and BPBD first for a disaster', async () => {
    await playTranscript(
      h,
      'gita',
      `
      > /lapor
      > 1
      > 3
      < *Dalam keadaan darurat, telepon 112*
      < *BPBD*
      < Sapa Desa bukan layanan darurat
      < Ceritakan masalahnya
      > Longsor kecil menutup jalan ke kebun
      > lewati
      > lewati
      > 1
      > 1
      < *LP-BNC44*
      `,
    );
    expect((await reportOf(h, 'LP-BNC44')).report).toMatchObject({
      category: 'bencana',
      pillar: 'lingkungan',
    });
  });
});

describe('an assisted report (transcript)', () => {
  it('lets a kader file for a resident without a phone, recording their consent', async () => {
    await playTranscript(
      h,
      'kader-desa',
      `
      > /lapor
      < Laporan ini untuk siapa?
      < 2. Untuk warga lain yang saya bantu
      > 2
      < Siapa nama warga yang Anda bantu?
      > Mbah Karto
      < punya nomor HP yang boleh dicatat
      > ya
      < Tulis nomor HP warga itu, misalnya *0812 3456 7890*.
      > 08123
      < Itu belum seperti nomor HP Indonesia. Tulis 10 sampai 13 angka yang diawali 08, misalnya *0812 3456 7890*.
      > +62 812-3456-7890
      < Apakah Mbah Karto sudah setuju laporan ini dikirim atas namanya
      > ya
      < Jenis laporan apa?
      > 1
      > 6
      > Mbah Karto belum menerima BLT bulan ini padahal terdaftar
      > lewati
      > lewati
      > 1
      < • Atas nama: Mbah Karto (+6281234567890)
      < 8. Ubah data warga
      < 9. Batalkan laporan
      > 1
      < ✅ Laporan terkirim atas nama Mbah Karto. Nomor tiket: *LP-WRG55*
      < Sampaikan nomor ini kepada Mbah Karto.
      `,
    );
    const { report, history } = await reportOf(h, 'LP-WRG55');
    expect(report).toMatchObject({
      contactId: 'contact-kader-desa',
      residentName: 'Mbah Karto',
      residentContact: '+6281234567890',
      residentConsentAt: h.clock.now(),
      category: 'bansos_ekonomi',
      pillar: 'ekonomi',
    });
    expect(history[0]).toMatchObject({ actorId: 'contact-kader-desa', toStatus: 'DITERIMA' });
    await h.runtime.outbox.sweep();
    expect(h.channel.take('pak-kades').join()).toContain('*LP-WRG55*');
    expect(h.channel.take('kader-desa').join()).not.toContain('Laporan baru');
  });

  it('files nothing without the resident’s consent', async () => {
    const before = (await allReports(h)).length;
    await playTranscript(
      h,
      'kader-desa',
      `
      > /lapor
      > 2
      > Nek Siti
      > tidak
      < Apakah Nek Siti sudah setuju
      > tidak
      < Tanpa persetujuan warga, laporan tidak bisa dikirim atas namanya. Tidak ada yang disimpan.
      `,
    );
    expect((await allReports(h)).length).toBe(before);
  });

  it('asks a warga no such question', async () => {
    await playTranscript(h, 'gita', '> /lapor\n< Jenis laporan apa?\n<! untuk siapa\n> batal');
  });
});
