import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  questionnaireAnswers,
  questionnaireRespondents,
  questionnaireResponses,
} from '../../src/db/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

/** Stored answers of a person's responses, by item id. */
async function storedAnswers(h: Harness, contactId: string): Promise<Record<string, unknown>> {
  const rows = await h.db.db
    .select({ itemId: questionnaireAnswers.itemId, answer: questionnaireAnswers.answer })
    .from(questionnaireAnswers)
    .innerJoin(
      questionnaireResponses,
      eq(questionnaireResponses.id, questionnaireAnswers.responseId),
    )
    .innerJoin(
      questionnaireRespondents,
      eq(questionnaireRespondents.id, questionnaireResponses.respondentId),
    )
    .where(eq(questionnaireRespondents.contactId, contactId));
  return Object.fromEntries(rows.map((row) => [row.itemId, row.answer]));
}

describe('questionnaire flow (transcripts)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ onboarding: true });
  });
  afterAll(() => h.close());

  it('walks a resident through a whole pillar in Indonesian', async () => {
    await registerContact(h, 'siti', { name: 'Siti' });
    await playTranscript(
      h,
      'siti',
      `
      > halo
      < 3. Kuesioner Desa Cerdas
      < 4. Skor desa
      > 3
      < Kuesioner Desa Cerdas
      < 1. Tata Kelola Cerdas (0/2)
      < 2. Masyarakat Cerdas (0/4)
      < 6. Mobilitas Cerdas (0/4)
      < 7. Lihat skor desa
      > masyarakat cerdas
      < *Masyarakat Cerdas* · pertanyaan 1 dari 4
      < Siapa saja di rumah Anda yang bisa memakai internet di HP?
      < 1. Semua orang dewasa
      < 4. Tidak tahu
      > sebagian
      < pertanyaan 2 dari 4
      < pelatihan digital?
      < 1. Ya
      < 2. Tidak
      < 3. Tidak tahu
      > iya
      < pertanyaan 3 dari 4
      < hoaks atau penipuan online?
      < 5. Sangat yakin
      < 6. Tidak tahu
      > 7
      < Pilihan itu tidak ada. Ketik angka 1 sampai 6.
      > 4
      < pertanyaan 4 dari 4
      < kelompok warga
      > kembali
      < Jawaban Anda sebelumnya: *Yakin*.
      < pertanyaan 3 dari 4
      > kembali
      < Jawaban Anda sebelumnya: *Ya*.
      < pertanyaan 2 dari 4
      > gak
      < pertanyaan 4 dari 4
      > batal
      < Jawaban yang sudah Anda kirim tetap tersimpan
      > /kuesioner
      < 1. Lanjutkan: Masyarakat Cerdas (3/4)
      > 1
      < pertanyaan 4 dari 4
      > gak tau
      # P1 .5 ×2, P2 0, P3 .75 scored; P7 tidak tahu: 3 of 4 = 75 % → (1 + 0 + .75) / 4 = 43.75
      < Hasil Anda untuk *Masyarakat Cerdas*: *44* (Berkembang).
      < bukan indeks resmi pemerintah
      < Ketik *kembali*
      < Apa selanjutnya?
      < 1. Pilih pilar lain
      > kembali
      < Jawaban Anda sebelumnya: *Tidak tahu*.
      < pertanyaan 4 dari 4
      > ya
      # Now all four are scored: (1 + 0 + .75 + 1) / 5 = 55.
      < Hasil Anda untuk *Masyarakat Cerdas*: *55* (Berkembang).
      > 1
      < 2. Masyarakat Cerdas (4/4 ✓)
      <! Lanjutkan
      `,
    );
    expect(await storedAnswers(h, 'contact-siti')).toEqual({
      P1: { type: 'choice', value: 'some' },
      P2: { type: 'yesno', value: false },
      P3: { type: 'scale', value: 4 },
      P7: { type: 'yesno', value: true },
    });
    const [response] = await h.db.db.select().from(questionnaireResponses);
    expect(response).toMatchObject({
      pillar: 'masyarakat',
      bankVersion: 1,
      villageCode: '32.03.03.2013',
    });
    expect(response?.completedAt).toBeInstanceOf(Date);
  });

  it('walks a kader through a whole pillar in English, numbers in tolerant forms, range enforced', async () => {
    await registerContact(h, 'kader-en', {
      name: 'Dewi',
      role: 'kader_digital',
      language: 'en',
    });
    await playTranscript(
      h,
      'kader-en',
      `
      > /kuesioner
      < Choose a pillar:
      < 6. Smart Mobility (0/7)
      > 6
      < *Smart Mobility* · question 1 of 7
      < mobile internet signal at your home?
      > 1
      < question 2 of 7
      < public WiFi
      < 3. Don't know
      > yes
      < question 3 of 7
      > 2
      < question 4 of 7
      < electricity at your home?
      > 1
      < question 5 of 7
      > 1
      < question 6 of 7
      > no
      < question 7 of 7
      < Or type: Don't know
      > 2000 minutes
      < At most 24 hours.
      < question 7 of 7
      > far away
      < Please write how long, for example *15 minutes*, *half an hour*
      > forty five
      # M1 1×2, M2 1, M3 .67, M4 1×2, M5 1, M6 0, M7 .67 (21-45) → 7.34 / 9 = 81.6
      < Your result for *Smart Mobility*: *82* (Cerdas (smart)).
      < not an official government index
      < What next?
      > 3
      < What would you like to do?
      `,
    );
    expect(await storedAnswers(h, 'contact-kader-en')).toMatchObject({
      M2: { type: 'yesno', value: true },
      M3: { type: 'choice', value: 'most' },
      M7: { type: 'number', value: 45 },
    });
    const rows = await h.db.db.select().from(questionnaireAnswers);
    const mine = rows.filter((row) => /^M\d$/.test(row.itemId));
    expect(new Set(mine.map((row) => `${row.audience}/${row.role}`))).toEqual(
      new Set(['K/kader_digital']),
    );
  });

  it('skips items by earlier answers, and asks them again when the answer changes', async () => {
    await registerContact(h, 'kader-skip', { name: 'Rudi', role: 'perangkat_desa' });
    await playTranscript(
      h,
      'kader-skip',
      `
      > /kuesioner
      < 2. Masyarakat Cerdas (0/7)
      > 2
      < pertanyaan 1 dari 7
      > tidak ada
      # P3 (spotting scams) is skipped when nobody at home uses mobile internet.
      < pertanyaan 2 dari 6
      > ya
      < pertanyaan 3 dari 6
      < Tahun ini, berapa warga yang sudah dilatih kader digital?
      < Atau ketik: Tidak tahu
      > nol
      # P6 (inclusion in training) is skipped when nobody was trained.
      < pertanyaan 4 dari 5
      < ruang komunitas digital
      > tidak tahu
      < pertanyaan 5 dari 5
      < kelompok warga
      > kembali
      < pertanyaan 4 dari 5
      > kembali
      < Jawaban Anda sebelumnya: *0*.
      < pertanyaan 3 dari 5
      > 12
      < pertanyaan 5 dari 6
      < perempuan, lansia
      > 1
      < pertanyaan 6 dari 6
      < kelompok warga
      > /kuesioner
      < 1. Lanjutkan: Masyarakat Cerdas (5/6)
      > 1
      < pertanyaan 6 dari 6
      > kembali
      > kembali
      > kembali
      > kembali
      > kembali
      < Jawaban Anda sebelumnya: *Tidak ada*.
      < pertanyaan 1 dari 6
      > 1
      # Now P3 applies, unanswered: it is asked next.
      < pertanyaan 3 dari 7
      < hoaks
      > kembali
      > kembali
      > kembali
      < Pilih pilar:
      `,
    );
    expect(await storedAnswers(h, 'contact-kader-skip')).toMatchObject({
      P1: { type: 'choice', value: 'all_adults' },
      P4: { type: 'number', value: 12 },
      P5: { type: 'dont_know' },
      P6: { type: 'yesno', value: true },
    });
  });

  it('asks residents only W items and kader or perangkat the K items too', async () => {
    await registerContact(h, 'warga-role', { name: 'Ani' });
    await registerContact(h, 'kader-role', { name: 'Eko', role: 'kader_digital' });
    await registerContact(h, 'duta-role', { name: 'Fajar', role: 'duta_digital' });
    const resident = (await h.say('warga-role', '/kuesioner')).join('\n');
    for (const line of ['(0/2)', '(0/4)', '(0/3)', '(0/4)', '(0/3)', '(0/4)']) {
      expect(resident).toContain(line);
    }
    // A duta digital is staff for a whole kabupaten, not the village's kader: W items only.
    expect((await h.say('duta-role', '/kuesioner')).join('\n')).toContain(
      '1. Tata Kelola Cerdas (0/2)',
    );
    const kader = (await h.say('kader-role', '/kuesioner')).join('\n');
    expect(kader.match(/\(0\/7\)/g)).toHaveLength(6);
    // Tata kelola asks residents only G6 and G7; the kader starts at G1.
    expect((await h.say('warga-role', '1')).join('\n')).toContain('musyawarah desa');
    expect((await h.say('kader-role', '1')).join('\n')).toContain('website atau akun media sosial');
  });

  it('reads travel times in the units people say, and asks again when unsure', async () => {
    await registerContact(h, 'tini', { name: 'Tini' });
    await playTranscript(
      h,
      'tini',
      `
      > /kuesioner
      > 4
      < *Hidup Cerdas* · pertanyaan 1 dari 4
      < Berapa menit perjalanan
      > 2 hari
      < Mohon tulis lamanya, misalnya *15 menit*, *setengah jam* atau *1 jam 30 menit*.
      > 1 jam 30
      < Mohon tulis lamanya
      > 25 jam
      < Paling lama 24 jam.
      > 1 jam
      < pertanyaan 2 dari 4
      > kembali
      < pertanyaan 1 dari 4
      > setengah jam
      < pertanyaan 2 dari 4
      `,
    );
    expect(await storedAnswers(h, 'contact-tini')).toEqual({
      L1: { type: 'number', value: 30 },
    });
  });

  it('resumes at the next open item after a restart, and from the menu days later', async () => {
    await registerContact(h, 'budi', { name: 'Budi' });
    await playTranscript(
      h,
      'budi',
      `
      > /kuesioner
      > 4
      < *Hidup Cerdas* · pertanyaan 1 dari 4
      < puskesmas
      > 15 menit
      < pertanyaan 2 dari 4
      `,
    );
    await h.restart({ crashed: true });
    await playTranscript(
      h,
      'budi',
      `
      > tidak ada anak sekolah
      < pertanyaan 3 dari 4
      `,
    );
    await h.restart();
    h.clock.advance(3 * 24 * 60 * 60 * 1000);
    await playTranscript(
      h,
      'budi',
      `
      > menu
      < Apa yang ingin Anda lakukan?
      > 3
      < 1. Lanjutkan: Hidup Cerdas (2/4)
      < 5. Hidup Cerdas (2/4)
      > lanjutkan hidup cerdas
      < pertanyaan 3 dari 4
      < layanan kesehatan atau pendidikan online
      > ya
      < pertanyaan 4 dari 4
      > 5
      # L1 1 ×2, L3 not scored, L4 1, L5 1: 100
      < Hasil Anda untuk *Hidup Cerdas*: *100* (Cerdas).
      `,
    );
    expect(await storedAnswers(h, 'contact-budi')).toEqual({
      L1: { type: 'number', value: 15 },
      L3: { type: 'not_applicable' },
      L4: { type: 'yesno', value: true },
      L5: { type: 'scale', value: 5 },
    });
  });

  it('shows "data belum cukup" under 60 % scored', async () => {
    await registerContact(h, 'ragu', { name: 'Ragu' });
    await playTranscript(
      h,
      'ragu',
      `
      > /kuesioner
      > 1
      < pertanyaan 1 dari 2
      > tidak tahu
      > 5
      < Hasil Anda untuk *Tata Kelola Cerdas*: Data belum cukup. Baru 1 dari 2
      `,
    );
  });
});
