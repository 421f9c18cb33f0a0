import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  createReportHarness,
  fileQuickly,
  registerStaff,
  scriptedTickets,
  staffMove,
} from './report-support.js';

const HOUR_MS = 60 * 60 * 1000;
const TICKETS = ['STA22', 'STB33', 'STC44', 'STD55', 'STE66', 'STF77', 'STG88'];

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets(...TICKETS));
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerContact(h, 'siti', { name: 'Siti' });
  await registerContact(h, 'budi', { name: 'Budi' });
  const descriptions = [
    'Jalan desa rusak parah',
    'Air PAM keruh seminggu',
    'Banjir kecil di RT 1',
    'Posyandu tutup bulan ini',
    'Guru honorer jarang hadir',
    'BLT belum cair bulan ini',
    'Sinyal hilang tiap malam',
  ];
  for (const [index, description] of descriptions.entries()) {
    await fileQuickly(h, 'siti', { category: index + 1, description });
    h.clock.advance(HOUR_MS);
  }
  await staffMove(h, 'pak-kades', 'LP-STA22', {
    label: 'tandai diverifikasi',
    note: 'Sudah dicek',
  });
});
afterAll(() => h.close());

describe('/status and laporan saya (transcript)', () => {
  it('shows one’s own report in any case of the ticket, with its history', async () => {
    await playTranscript(
      h,
      'siti',
      `
      > /status lp-sta22
      < *LP-STA22* · Pengaduan
      < • Kategori: Jalan, jembatan & fasilitas umum
      < • Status: *Diverifikasi*
      < • Uraian: Jalan desa rusak parah
      < Riwayat:
      < – 02/03/2026: Diterima
      < – 02/03/2026: Diverifikasi
      <   “Sudah dicek”
      <! Pelapor
      > /status
      < Ketik nomor tiket laporan
      > stb33
      < *LP-STB33*
      < Air PAM keruh seminggu
      > /status LP-S0B33
      < “LP-S0B33” bukan nomor tiket.
      `,
    );
  });

  it('shows a status on top of a report being written, which then goes on', async () => {
    await playTranscript(
      h,
      'siti',
      `
      > /lapor
      > 1
      > 9
      < Ceritakan masalahnya
      > /status LP-STB33
      < *LP-STB33*
      < Ceritakan masalahnya
      > batal
      > 2
      `,
    );
  });

  it('answers someone else’s ticket exactly as a ticket that does not exist', async () => {
    await playTranscript(
      h,
      'budi',
      `
      > /status LP-STA22
      < Tiket *LP-STA22* tidak ada di antara laporan yang boleh Anda lihat.
      <! Jalan desa
      <! Siti
      > /status LP-ZZZZZ
      < Tiket *LP-ZZZZZ* tidak ada di antara laporan yang boleh Anda lihat.
      `,
    );
  });

  it('shows a report of their area to staff, with the reporter', async () => {
    await playTranscript(
      h,
      'pak-kades',
      '> /status LP-STA22\n< • Pelapor: Siti\n< • Uraian: Jalan desa rusak parah',
    );
  });

  it('lists one’s reports newest first, five at a time', async () => {
    await playTranscript(
      h,
      'siti',
      `
      > menu
      > laporan saya
      < Laporan Anda, yang terbaru dulu (1–5 dari 7).
      < 1. LP-STG88 · Layanan desa & administrasi · Diterima · 02/03/2026
      < 5. LP-STC44 · Bencana & keadaan darurat · Diterima
      < 6. Laporan berikutnya ➡️
      < 7. Selesai
      > 6
      < (6–7 dari 7)
      < 1. LP-STB33
      < 2. LP-STA22 · Jalan, jembatan & fasilitas umum · Diverifikasi
      < 3. Selesai
      <! Laporan berikutnya
      > 2
      < *LP-STA22* · Pengaduan
      < Lihat laporan lain?
      > 1
      < (6–7 dari 7)
      > 3
      < Apa yang ingin Anda lakukan?
      `,
    );
    await playTranscript(h, 'budi', '> /laporansaya\n< Anda belum pernah mengirim laporan.');
  });
});
