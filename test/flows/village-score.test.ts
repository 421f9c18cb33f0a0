import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  questionnaireAnswers,
  questionnaireRespondents,
  questionnaireResponses,
} from '../../src/db/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

/** Pamoyanan, Kec. Cianjur, Kab. Cianjur: same kabupaten as Sukamaju (Cibeber). */
const PAMOYANAN = '32.03.01.1006';
/** Tambakreja, Kab. Cilacap: another province. */
const TAMBAKREJA = '33.01.01.2001';

/** Answers Masyarakat Cerdas (menu option 2 of /kuesioner) with `lines`, one per question. */
async function answerMasyarakat(h: Harness, who: string, lines: string[]): Promise<string> {
  await h.say(who, '/kuesioner');
  let replies = await h.say(who, '2');
  for (const line of lines) replies = await h.say(who, line);
  return replies.join('\n');
}

describe('/skor with a kader and five residents of one village', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ onboarding: true });
    await registerContact(h, 'dewi', { name: 'Dewi', role: 'kader_digital' });
    for (const name of ['Ani', 'Budi', 'Citra', 'Dodi', 'Eka']) {
      await registerContact(h, name.toLowerCase(), { name });
    }
    await registerContact(h, 'fajar', {
      name: 'Fajar',
      role: 'duta_digital',
      villageCode: PAMOYANAN,
    });
    await registerContact(h, 'gita', { name: 'Gita', villageCode: TAMBAKREJA });
  });
  afterAll(() => h.close());

  it('shows "data belum cukup" everywhere before anyone answers', async () => {
    await playTranscript(
      h,
      'ani',
      `
      > /skor
      < 📊 *Skor Desa Cerdas*
      < Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat
      < • *Tata Kelola Cerdas*: Data belum cukup
      < • *Mobilitas Cerdas*: Data belum cukup
      <! Pilar prioritas
      < bukan indeks resmi pemerintah
      <! Untuk pengurus
      `,
    );
  });

  it('scores the village from the kader (K) and the residents (W), kader counted as a resident', async () => {
    // K: P4 25 trained (.67 × 2), P5 ya, P6 tidak → 2.34 / 4 = 58.5. W (kader): 100.
    // Her own result weighs all seven: (2 + 1 + 1 + 1.34 + 1 + 0 + 1) / 9 = 81.6.
    expect(
      await answerMasyarakat(h, 'dewi', ['1', 'ya', '5', '25', 'ya', 'tidak', 'ya']),
    ).toContain('Hasil Anda untuk *Masyarakat Cerdas*: *82* (Cerdas).');
    // W scores: 75, 50, 0 (P3 skipped), 100; Eka scores 1 of 4 items: not counted.
    await answerMasyarakat(h, 'ani', ['1', 'ya', '4', 'tidak']);
    await answerMasyarakat(h, 'budi', ['2', 'tidak', '3', 'ya']);
    await answerMasyarakat(h, 'citra', ['3', 'tidak', 'tidak']);
    expect(await answerMasyarakat(h, 'dodi', ['1', 'ya', '5', 'ya'])).toContain('*100* (Cerdas)');
    expect(await answerMasyarakat(h, 'eka', ['4', 'tidak tahu', '6', 'ya'])).toContain(
      'Data belum cukup',
    );
    // Village: 0.6 × 58.5 + 0.4 × mean(100, 75, 50, 0, 100) = 35.1 + 26 = 61.1.
    await playTranscript(
      h,
      'eka',
      `
      > /skor
      < • *Tata Kelola Cerdas*: Data belum cukup
      < • *Masyarakat Cerdas*: *61* (Maju)
      # the kader who answered as a resident too is one person, counted once
      < 6 orang menjawab, 1 di antaranya kader/perangkat
      < Cara hitung: nilai 0–100 dari jawaban kader/perangkat tentang desa (60 %) dan rata-rata jawaban warga (40 %)
      # only one pillar has a score: nothing to compare, no priority
      <! Pilar prioritas
      <! Warga: 6 menjawab
      < bukan indeks resmi pemerintah
      <! Untuk pengurus
      `,
    );
  });

  it('shows staff the items that pull each score down', async () => {
    // Losses: P6 1 × (1 − 0), P4 2 × (1 − .67), P1 2 × (1 − mean .7 of the counted residents).
    await playTranscript(
      h,
      'dewi',
      `
      > /skor
      < • *Masyarakat Cerdas*: *61* (Maju)
      < 🔧 *Untuk pengurus: pertanyaan yang paling menurunkan nilai*
      < *Masyarakat Cerdas*
      < – Apakah perempuan, lansia
      < (nilai 0)
      < – Tahun ini, berapa warga
      < (nilai 67)
      < – Siapa saja di rumah Anda
      < (nilai 70)
      <! P6
      `,
    );
  });

  it('lets staff of the kabupaten see a village of their area, and nobody else', async () => {
    await playTranscript(
      h,
      'fajar',
      `
      > /skor 32.03.03.2013
      < Sukamaju, Kec. Cibeber
      < • *Masyarakat Cerdas*: *61* (Maju)
      < Untuk pengurus
      > /skor ${TAMBAKREJA}
      < Anda hanya bisa melihat skor desa Anda sendiri
      `,
    );
    await playTranscript(
      h,
      'gita',
      `
      > /skor
      < Tambakreja
      < • *Masyarakat Cerdas*: Data belum cukup
      > /skor 32.03.03.2013
      < Anda hanya bisa melihat skor desa Anda sendiri
      `,
    );
  });

  it('takes a village name after /skor, searched and picked as in onboarding', async () => {
    await playTranscript(
      h,
      'fajar',
      `
      > /skor sukamaju, cibeber, cianjur
      < Pilih desanya:
      < 1. Sukamaju — Kec. Cibeber, Kab. Cianjur, Jawa Barat
      < Cari lagi
      > 1
      < 📊 *Skor Desa Cerdas*
      < Sukamaju, Kec. Cibeber
      < Untuk pengurus
      > /skor sukamaju, cibeber, cianjur
      > cari lagi
      < Skor desa mana yang ingin Anda lihat?
      > pamoyanan
      < 1. Pamoyanan — Kec. Cianjur, Kab. Cianjur, Jawa Barat
      > 1
      < Pamoyanan, Kec. Cianjur
      > /skor desa yang tidak ada sama sekali
      < tidak ditemukan
      < Skor desa mana yang ingin Anda lihat?
      > batal
      `,
    );
    await registerContact(h, 'hana', { name: 'Hana', language: 'en' });
    await playTranscript(
      h,
      'hana',
      `
      > /score sukamaju, cibeber, cianjur
      < 1. Sukamaju — Kec. Cibeber, Kab. Cianjur, Jawa Barat
      > 1
      < 📊 *Desa Cerdas score*
      < Sukamaju, Kec. Cibeber
      # readable by a villager: each person once, the method in a sentence, no item ids,
      # no priority while only one pillar has a score
      < • *Smart People*: *61*
      < 6 people answered, 1 of them cadres or officials
      <! Priority pillar
      < How it is computed:
      <! P1
      > /score tambakreja, cilacap
      > 1
      < You can see the score of your own village, or of villages in your area of work.
      `,
    );
  });

  it('lists one’s answers in /datasaya', async () => {
    await playTranscript(
      h,
      'budi',
      `
      > /datasaya
      < *Jawaban kuesioner*
      < Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat, Masyarakat Cerdas (versi 1): Siapa saja di rumah Anda yang bisa memakai internet di HP? → Sebagian
      < (versi 1): Apakah Anda aktif di kelompok warga (PKK, Karang Taruna, kelompok tani, dll.)? → Ya
      `,
    );
  });

  it('keeps the answers of a person who deleted their data, anonymous, in the village score', async () => {
    const before = await h.db.db.select().from(questionnaireAnswers);
    await playTranscript(
      h,
      'ani',
      `
      > /hapusdata
      > 1
      < Data Anda sudah dihapus
      `,
    );
    const respondents = await h.db.db.select().from(questionnaireRespondents);
    expect(respondents.filter((r) => r.contactId === 'contact-ani')).toEqual([]);
    expect(respondents.filter((r) => r.contactId === null)).toHaveLength(1);
    expect(await h.db.db.select().from(questionnaireAnswers)).toHaveLength(before.length);
    expect(await h.db.db.select().from(questionnaireResponses)).toHaveLength(6);
    await playTranscript(
      h,
      'dodi',
      `
      > /skor
      < • *Masyarakat Cerdas*: *61* (Maju)
      < 6 orang menjawab
      `,
    );
  });
});
