import { describe, expect, it } from 'vitest';
import { readAnswer } from '../../../src/core/engine/answer.js';
import type { ChoiceOption, PromptStep, StepContext } from '../../../src/core/flow/types.js';
import type { Json } from '../../../src/core/messages.js';
import { say, translate } from './chat.js';

/**
 * The answer rules as a table a product person can extend by adding a line:
 * [question, what the person types, what it means].
 *
 * Questions:
 * - `options: A | B | C` — a choice; an option may end in `=yes` or `=no` (the option that
 *   means yes or no, e.g. "Ya, benar=yes");
 * - `destructive: A=yes | B=no` — a choice that cannot be undone (/hapusdata);
 * - `yesno` — a ya/tidak question;
 * - `number: minutes 0..1440` — a number question in a unit (minutes, meters, rupiah);
 * - `phone` — an Indonesian mobile number (saved as +62…).
 *
 * Meanings: the chosen option's label; `yes` / `no`; the number saved (in the question's
 * unit); `ask: A | B` (the person is asked which of the two); `ask: a clear yes` (a yes
 * too loose for a step that cannot be undone: asked again for "ya" or the number); `refused` (asked again,
 * nothing saved); `small talk: greeting | thanks | salam` (a friendly word, the question again).
 */
const RULES: [question: string, typed: string, expected: string][] = [
  // Words for options: a whole word, a unique prefix of 3+ letters, one typo in a word of 4+.
  ['options: Bahasa Indonesia | English', 'indonesia', 'Bahasa Indonesia'],
  ['options: Bahasa Indonesia | English', 'Indonesia', 'Bahasa Indonesia'],
  ['options: Bahasa Indonesia | English', 'indo', 'Bahasa Indonesia'],
  ['options: Bahasa Indonesia | English', 'inggris', 'refused'],
  [
    'options: Warga | Kader digital | Duta digital | Perangkat desa | Pendamping desa',
    'kader',
    'Kader digital',
  ],
  [
    'options: Warga | Kader digital | Duta digital | Perangkat desa | Pendamping desa',
    'kadr',
    'Kader digital',
  ],
  [
    'options: Warga | Kader digital | Duta digital | Perangkat desa | Pendamping desa',
    'digital',
    'ask: Kader digital | Duta digital',
  ],
  [
    'options: Resident (warga) | Digital cadre (kader digital) | Village official (perangkat desa)',
    'resident',
    'Resident (warga)',
  ],
  [
    'options: Pengaduan: ada masalah | Aspirasi atau usulan | Permintaan informasi',
    'pengaduan',
    'Pengaduan: ada masalah',
  ],
  [
    'options: Pengaduan: ada masalah | Aspirasi atau usulan | Permintaan informasi',
    'pengaduaan',
    'Pengaduan: ada masalah',
  ],
  [
    'options: Jalan, jembatan & fasilitas umum | Air bersih, sampah & lingkungan | Kesehatan & gizi',
    'jalan',
    'Jalan, jembatan & fasilitas umum',
  ],
  [
    'options: Jalan, jembatan & fasilitas umum | Air bersih, sampah & lingkungan | Kesehatan & gizi',
    'jalan rusak',
    'Jalan, jembatan & fasilitas umum',
  ],
  ['options: Kirim laporan=yes | Ubah jenis | Batalkan laporan', 'kirim', 'Kirim laporan'],
  [
    'options: Kirim laporan=yes | Ubah jenis | Batalkan laporan',
    'laporan',
    'ask: Kirim laporan | Batalkan laporan',
  ],
  ['options: Kirim laporan=yes | Ubah cara kirim', 'kirim', 'Kirim laporan'],
  ['options: Send report=yes | Change type | Cancel report', 'send', 'Send report'],
  ['options: Air | Api', 'ai', 'refused'],
  // One word, one meaning: in /kelola "selesai" marks the report done ("Tutup" leaves).
  [
    'options: Tandai diverifikasi | Tandai selesai | Kembali ke daftar | Tutup',
    'selesai',
    'Tandai selesai',
  ],
  ['options: Air bersih | Air minum', 'air', 'ask: Air bersih | Air minum'],
  // Yes and no in people's words, on a ya/tidak question.
  ...[
    'ya',
    'iya',
    'y',
    'ok',
    'oke',
    'sip',
    'betul',
    'benar',
    'sudah',
    'udah',
    'boleh',
    'setuju',
    'yes',
  ].map((w): [string, string, string] => ['yesno', w, 'yes']),
  ...['tidak', 'tdk', 'gak', 'nggak', 'ga', 'belum', 'blm', 'jangan', 'no'].map(
    (w): [string, string, string] => ['yesno', w, 'no'],
  ),
  ['yesno', 'tidak tahu', 'refused'],
  ['yesno', 'mungkin', 'refused'],
  // ... and on a question shown as options, by the option that means yes or no.
  ['options: Ya, benar=yes | Ubah', 'iya', 'Ya, benar'],
  ['options: Ya, benar=yes | Ubah', 'sudah', 'Ya, benar'],
  ['options: Benar, simpan=yes | Ubah nama | Ubah desa', 'ok', 'Benar, simpan'],
  ['options: Setuju=yes | Tidak setuju=no', 'gak', 'Tidak setuju'],
  ['options: Setuju=yes | Tidak setuju=no', 'tidak setuju', 'Tidak setuju'],
  ['options: Kirim laporan=yes | Ubah jenis | Batalkan laporan', 'ok', 'Kirim laporan'],
  ['options: Kirim laporan=yes | Ubah jenis | Batalkan laporan', 'tidak', 'refused'],
  // A destructive confirmation needs a clear yes; any no keeps the data.
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'ya', 'Ya, hapus data saya'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'iya', 'Ya, hapus data saya'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'yes', 'Ya, hapus data saya'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', '1', 'Ya, hapus data saya'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'ok', 'ask: a clear yes'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'sip', 'ask: a clear yes'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'oke deh', 'ask: a clear yes'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'hapus', 'refused'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'jangan hapus data saya', 'Tidak jadi'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'belum', 'Tidak jadi'],
  ['destructive: Ya, hapus data saya=yes | Tidak jadi=no', 'tidak', 'Tidak jadi'],
  // Numbers with units: converted to the question's unit, or asked again, never guessed.
  ['number: minutes 0..1440', '15', '15'],
  ['number: minutes 0..1440', '15 menit', '15'],
  ['number: minutes 0..1440', '1 jam', '60'],
  ['number: minutes 0..1440', '2 jam', '120'],
  ['number: minutes 0..1440', '2jam', '120'],
  ['number: minutes 0..1440', 'sejam', '60'],
  ['number: minutes 0..1440', 'setengah jam', '30'],
  ['number: minutes 0..1440', 'satu setengah jam', '90'],
  ['number: minutes 0..1440', '1,5 jam', '90'],
  ['number: minutes 0..1440', '1.5 jam', '90'],
  ['number: minutes 0..1440', '1 jam 30 menit', '90'],
  ['number: minutes 0..1440', 'sekitar 20 menit', '20'],
  ['number: minutes 0..1440', 'dua puluh menit', '20'],
  ['number: minutes 0..1440', 'half an hour', '30'],
  ['number: minutes 0..1440', '2 hours', '120'],
  ['number: minutes 0..1440', '1 jam 30', 'refused'],
  ['number: minutes 0..1440', '1,5', 'refused'],
  ['number: minutes 0..1440', '2 hari', 'refused'],
  ['number: minutes 0..1440', 'jauh', 'refused'],
  ['number: minutes 0..1440', '25 jam', 'refused'],
  ['number: meters 0..100000', '500 m', '500'],
  ['number: meters 0..100000', '500 meter', '500'],
  ['number: meters 0..100000', '2 km', '2000'],
  ['number: meters 0..100000', '1,5 km', '1500'],
  ['number: rupiah 0..100000000', '50rb', '50000'],
  ['number: rupiah 0..100000000', '50 ribu', '50000'],
  ['number: rupiah 0..100000000', 'Rp 50.000', '50000'],
  ['number: rupiah 0..100000000', '1,5 juta', '1500000'],
  ['number: rupiah 0..100000000', '2 jt', '2000000'],
  ['number: rupiah 0..100000000', 'dua juta lima ratus ribu', '2500000'],
  ['number: rupiah 0..100000000', '50k', '50000'],
  // Indonesian mobile numbers, saved in one form.
  ['phone', '0812 3456 7890', '+6281234567890'],
  ['phone', '081234567890', '+6281234567890'],
  ['phone', '62812-3456-7890', '+6281234567890'],
  ['phone', '+62 812 3456 789', '+628123456789'],
  ['phone', '0812345678', '+62812345678'],
  ['phone', '08123', 'refused'],
  ['phone', '022 1234567', 'refused'],
  ['phone', '08123456789012', 'refused'],
  ['phone', 'lewat Bu RT', 'refused'],
  // Greetings and thanks where an answer was expected: a friendly word, then the question.
  ['options: Buat laporan | Status laporan', 'halo', 'small talk: greeting'],
  ['options: Buat laporan | Status laporan', 'selamat pagi', 'small talk: greeting'],
  ['options: Buat laporan | Status laporan', 'pagi', 'small talk: greeting'],
  ['options: Buat laporan | Status laporan', 'terima kasih banyak pak', 'small talk: thanks'],
  ['options: Buat laporan | Status laporan', 'makasih', 'small talk: thanks'],
  ['options: Buat laporan | Status laporan', 'matur nuwun', 'small talk: thanks'],
  ['options: Buat laporan | Status laporan', 'hatur nuhun', 'small talk: thanks'],
  ['options: Buat laporan | Status laporan', 'thank you!', 'small talk: thanks'],
  ['options: Buat laporan | Status laporan', 'assalamualaikum', 'small talk: salam'],
  ['options: Buat laporan | Status laporan', 'halo saya mau tanya soal bantuan', 'refused'],
  ['yesno', 'terima kasih', 'small talk: thanks'],
];

function optionsOf(spec: string): ChoiceOption[] {
  return spec.split('|').map((part, i) => {
    const [label = '', means] = part.trim().split('=');
    const option: ChoiceOption = { value: `v${i + 1}`, label: say(label) };
    if (means === 'yes' || means === 'no') option.means = means;
    return option;
  });
}

function stepOf(question: string): PromptStep {
  const [kind = '', spec = ''] = question.split(/:\s*(.*)/s);
  if (kind === 'yesno') return { id: 'q', kind: 'yesno', prompt: say('?') };
  if (kind === 'phone') return { id: 'q', kind: 'text', prompt: say('?'), format: 'phone' };
  if (kind === 'options' || kind === 'destructive') {
    return {
      id: 'q',
      kind: 'choice',
      prompt: say('?'),
      options: optionsOf(spec),
      destructive: kind === 'destructive',
    };
  }
  const number = /^(minutes|meters|rupiah) (\d+)\.\.(\d+)$/.exec(spec);
  if (kind === 'number' && number) {
    const [, unit, min, max] = number;
    return {
      id: 'q',
      kind: 'number',
      prompt: say('?'),
      unit: unit as 'minutes' | 'meters' | 'rupiah',
      min: Number(min),
      max: Number(max),
    };
  }
  throw new Error(`unknown question in the table: ${question}`);
}

const ctx: StepContext = {
  answers: {},
  contact: { id: 'c', role: 'warga', language: 'id', villageCode: null, displayName: null },
  args: '',
};

function meaning(question: string, typed: string): string {
  const step = stepOf(question);
  const reading = readAnswer(
    { type: 'text', text: typed },
    { step, ctx, page: 0, collected: [], translate },
  );
  if (reading.type === 'invalid') {
    if (reading.error.key === 'common:invalid.clear_yes') return 'ask: a clear yes';
    const which = reading.error.key === 'common:invalid.which' ? reading.error.params : undefined;
    return which ? `ask: ${which.a} | ${which.b}` : 'refused';
  }
  if (reading.type === 'small_talk') return `small talk: ${reading.reply.key.split('.').at(-1)}`;
  if (reading.type !== 'answer') return reading.type;
  const value: Json = reading.value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return String(value);
  return reading.label ? translate(reading.label) : String(value);
}

describe('answer rules', () => {
  it.each(RULES)('%s — typed "%s" means %s', (question, typed, expected) => {
    expect(meaning(question, typed)).toBe(expected);
  });

  it('says the bounds of a number in a unit as people do', () => {
    const step = stepOf('number: minutes 0..1440');
    const reading = readAnswer(
      { type: 'text', text: '25 jam' },
      { step, ctx, page: 0, collected: [], translate },
    );
    expect(reading.type === 'invalid' && translate(reading.error)).toBe(
      'Paling lama 24 jam. Tulis misalnya *30 menit* atau *2 jam*.',
    );
  });
});
