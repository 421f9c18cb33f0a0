import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_STATUSES, staffMovesFrom } from '../../src/domain/report/status.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  createReportHarness,
  fileQuickly,
  newsFor,
  registerStaff,
  scriptedTickets,
  staffMove,
  statusesOf,
} from './report-support.js';

/** The label of each staff move in the /kelola menu. */
const MOVE_LABELS: Record<string, string> = {
  DIVERIFIKASI: 'tandai diverifikasi',
  DITERUSKAN: 'teruskan ke instansi/petugas',
  DIPROSES: 'mulai diproses',
  PERLU_INFO: 'tanya pelapor (perlu informasi)',
  SELESAI: 'tandai selesai',
  DITOLAK: 'tolak laporan',
};

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(
    scriptedTickets('WFAAA', 'WFBBB', 'WFCCC', 'WFDDD', 'WFEEE', 'WFFFF', 'WFGGG'),
  );
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerStaff(h, 'kader-desa', 'kader_digital', { name: 'Kader Desa' });
  await registerContact(h, 'siti', { name: 'Siti' });
  await registerContact(h, 'budi', { name: 'Budi' });
});
afterAll(() => h.close());

describe('PERLU_INFO and reopening (transcript)', () => {
  it('asks the reporter on top of what they are typing, and returns the report where it was', async () => {
    await fileQuickly(h, 'siti', { category: 2, description: 'Air sumur keruh dan berbau' });
    await staffMove(h, 'kader-desa', 'LP-WFAAA', {
      label: MOVE_LABELS.DIVERIFIKASI ?? '',
      note: 'Dicek',
    });
    await newsFor(h, 'siti');
    // Siti is halfway through another report when the question comes.
    await playTranscript(h, 'siti', '> /lapor\n> 1\n> 7\n< Ceritakan masalahnya');
    await staffMove(h, 'kader-desa', 'LP-WFAAA', {
      label: MOVE_LABELS.PERLU_INFO ?? '',
      note: 'Di RT berapa sumurnya?',
    });
    const [question] = await newsFor(h, 'siti');
    expect(question).toContain('📣 Laporan *LP-WFAAA*: status sekarang *Perlu informasi*.');
    expect(question).toContain('Petugas menulis: “Di RT berapa sumurnya?”');
    expect(question).toContain('1. Jawab sekarang');
    await playTranscript(
      h,
      'siti',
      `
      > 1
      < Tulis jawaban Anda untuk petugas.
      > RT 03 RW 02, sumur umum dekat musala
      < Terima kasih, jawaban Anda sudah dikirim ke petugas. Laporan *LP-WFAAA* kembali ditangani.
      < Ceritakan masalahnya
      > Kantor desa sering tutup di jam kerja
      < Kirim foto
      `,
    );
    expect(await statusesOf(h, 'LP-WFAAA')).toEqual([
      'DITERIMA',
      'DIVERIFIKASI',
      'PERLU_INFO',
      'DIVERIFIKASI',
    ]);
    expect(await newsFor(h, 'kader-desa')).toEqual([
      expect.stringContaining(
        '💬 Pelapor *LP-WFAAA* di desa Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat sudah menjawab pertanyaan Anda. Status kembali: Diverifikasi.',
      ),
    ]);
    // Pak Kades did not ask: he hears the reporter answered a staff member's question.
    const kades = (await newsFor(h, 'pak-kades')).join();
    expect(kades).toContain(
      '💬 Pelapor *LP-WFAAA* di desa Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat sudah menjawab pertanyaan petugas.',
    );
    expect(kades).not.toContain('pertanyaan Anda');
    await playTranscript(
      h,
      'kader-desa',
      '> /kelola LP-WFAAA\n< – 02/03/2026: Perlu informasi\n<   “Di RT berapa sumurnya?”\n<   “RT 03 RW 02, sumur umum dekat musala”\n> 6',
    );
    await h.say('siti', 'batal');
    await h.say('siti', 'buang');
  });

  it('reopens a report the reporter says is not fixed, and closes it once it is', async () => {
    await fileQuickly(h, 'budi', { category: 1, description: 'Jalan ke sawah rusak parah' });
    for (const to of ['DIVERIFIKASI', 'DIPROSES', 'SELESAI']) {
      await staffMove(h, 'pak-kades', 'LP-WFBBB', {
        label: MOVE_LABELS[to] ?? '',
        note: `Catatan ${to}`,
      });
    }
    await newsFor(h, 'budi');
    await playTranscript(
      h,
      'budi',
      `
      > belum beres
      < Apa yang belum beres?
      > Masih berlubang di ujung dekat sawah
      < Laporan *LP-WFBBB* dibuka kembali, dan petugas sudah dikabari.
      `,
    );
    expect(await newsFor(h, 'pak-kades')).toEqual([
      expect.stringContaining(
        '↩️ Pelapor *LP-WFBBB* di desa Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat menyatakan masalahnya belum beres.',
      ),
    ]);
    await playTranscript(
      h,
      'pak-kades',
      `
      > /kelola LP-WFBBB
      < • Status: *Dibuka kembali*
      < “Masih berlubang di ujung dekat sawah”
      < 1. Mulai diproses
      < 2. Kembali ke daftar
      > 1
      > Tim kembali ke lokasi
      < sekarang *Diproses*
      `,
    );
    await staffMove(h, 'pak-kades', 'LP-WFBBB', {
      label: MOVE_LABELS.SELESAI ?? '',
      note: 'Sudah diaspal',
    });
    await newsFor(h, 'budi');
    await playTranscript(
      h,
      'budi',
      `
      > nanti saja
      < Baik. Jawab kapan saja dengan /jawab LP-WFBBB.
      > /jawab
      < status sekarang *Selesai*
      < Petugas menulis: “Sudah diaspal”
      > 1
      < Laporan *LP-WFBBB* ditutup.
      > /jawab LP-WFBBB
      < Laporan *LP-WFBBB* sedang tidak menunggu jawaban Anda (status: Ditutup).
      `,
    );
    expect(await statusesOf(h, 'LP-WFBBB')).toEqual([
      'DITERIMA',
      'DIVERIFIKASI',
      'DIPROSES',
      'SELESAI',
      'DIBUKA_KEMBALI',
      'DIPROSES',
      'SELESAI',
      'DITUTUP',
    ]);
  });
});

describe('every move of the table, through the chat', () => {
  /** Paths that together take every staff move and every reporter answer once at least. */
  const PATHS: string[][] = [
    ['DIVERIFIKASI', 'DITERUSKAN', 'PERLU_INFO', 'answer', 'DIPROSES', 'SELESAI', 'fixed'],
    ['PERLU_INFO', 'answer', 'DITOLAK'],
    [
      'DIVERIFIKASI',
      'PERLU_INFO',
      'answer',
      'DIPROSES',
      'PERLU_INFO',
      'answer',
      'SELESAI',
      'not_fixed',
      'DIPROSES',
    ],
    ['DIVERIFIKASI', 'DITOLAK'],
    ['DIVERIFIKASI', 'DITERUSKAN', 'DIPROSES'],
  ];
  const REPORTER_REPLIES: Record<string, string[]> = {
    answer: ['1', 'Ini keterangan tambahannya'],
    fixed: ['1'],
    not_fixed: ['2', 'Belum beres juga'],
  };

  it('moves reports along every allowed edge and records each move once', async () => {
    const taken = new Set<string>();
    const tickets = ['LP-WFCCC', 'LP-WFDDD', 'LP-WFEEE', 'LP-WFFFF', 'LP-WFGGG'];
    for (const [index, path] of PATHS.entries()) {
      const ticket = tickets[index] ?? '';
      await fileQuickly(h, 'siti', { category: 9, description: `Laporan uji nomor ${index + 1}` });
      let status = 'DITERIMA';
      for (const step of path) {
        const replies = REPORTER_REPLIES[step];
        if (replies) {
          await newsFor(h, 'siti');
          for (const line of replies) await h.say('siti', line);
        } else {
          const move = {
            label: MOVE_LABELS[step] ?? '',
            note: `Catatan ${step}`,
            reason: step === 'DITOLAK' ? '2' : undefined,
          };
          const [done] = await staffMove(h, 'pak-kades', ticket, move);
          expect(done, `${ticket} ${status} → ${step}`).toContain('sekarang');
          taken.add(`${status}>${step}`);
        }
        status = (await statusesOf(h, ticket)).at(-1) ?? '';
      }
      await newsFor(h, 'siti');
    }
    const table = REPORT_STATUSES.flatMap((from) =>
      staffMovesFrom(from).map((to) => `${from}>${to}`),
    );
    expect([...taken].sort()).toEqual([...table].sort());
    expect(await statusesOf(h, 'LP-WFCCC')).toEqual([
      'DITERIMA',
      'DIVERIFIKASI',
      'DITERUSKAN',
      'PERLU_INFO',
      'DITERUSKAN',
      'DIPROSES',
      'SELESAI',
      'DITUTUP',
    ]);
    expect(await statusesOf(h, 'LP-WFEEE')).toContain('DIBUKA_KEMBALI');
  });
});
