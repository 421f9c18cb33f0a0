import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedback } from '../../src/db/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

describe('feedback flow (transcript)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ onboarding: true });
    await registerContact(h, 'siti', { name: 'Siti' });
    await registerContact(h, 'budi', { name: 'Budi' });
  });
  afterAll(() => h.close());

  it('walks forwards and backwards, then saves the suggestion', async () => {
    await playTranscript(
      h,
      'siti',
      `
      > halo
      < Halo, Siti 👋
      < 6. Kirim saran untuk Sapa Desa
      < 7. Ganti bahasa
      > enam
      < Saran Anda tentang apa?
      < 3. Ide fitur baru
      > ide fitur bru
      < Silakan tulis saran Anda
      > pendek
      < Jawabannya terlalu pendek. Tulis paling sedikit 10 huruf.
      < Silakan tulis saran Anda
      > kembali
      < Jawaban Anda sebelumnya: Ide fitur baru.
      < Saran Anda tentang apa?
      > 4
      < Silakan tulis saran Anda
      > Menu laporan belum ada di aplikasi
      < Seberapa puas Anda
      > 9
      < Angkanya harus antara 1 dan 5
      > empat
      < Ada tangkapan layar
      < Ketik *lewati*
      > lewati
      < ingin dihubungi
      > iya
      < • Topik: Ada yang tidak berjalan
      < • Saran: Menu laporan belum ada di aplikasi
      < • Nilai: 4 dari 5
      < • Ingin dihubungi: Ya
      < Kirim sekarang?
      > 1
      < Terima kasih! Saran Anda sudah kami terima
      < Apa yang ingin Anda lakukan?
      `,
    );
    const rows = await h.db.db.select().from(feedback);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      topic: 'problem',
      message: 'Menu laporan belum ada di aplikasi',
      rating: 4,
      wantsReply: true,
      mediaIds: [],
    });
  });

  it('keeps nothing when cancelled midway', async () => {
    await playTranscript(
      h,
      'budi',
      `
      > /saran
      < Saran Anda tentang apa?
      > 1
      > Tolong tambahkan jadwal bimtek
      < Seberapa puas
      > batal
      < Baik, dibatalkan. Tidak ada yang disimpan.
      > 3
      < Halo, Budi 👋
      `,
    );
    const rows = await h.db.db.select().from(feedback);
    expect(rows).toHaveLength(1);
  });
});
