/** The stock bot's texts, Indonesian and English, about as long as Sapa Desa's. */

/** The languages offered, in button order. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const id = {
  language:
    'Selamat datang di Sapa Desa 👋\nLayanan chat program Desa Cerdas.\n\nPilih bahasa / Choose a language:',
  languages: ['Bahasa Indonesia', 'English'],
  age: 'Apakah Anda berusia 18 tahun atau lebih?',
  yesNo: ['Ya', 'Tidak'],
  tooYoung: 'Maaf, Sapa Desa hanya untuk yang berusia 18 tahun ke atas.',
  consent:
    '🔒 Privasi Anda\nSapa Desa menyimpan nama, desa, peran, dan akun chat Anda agar bisa melayani Anda di program Desa Cerdas. Anda bisa melihat, mengubah, atau menghapusnya kapan saja.\n\nApakah Anda setuju?',
  agree: ['Setuju', 'Tidak setuju'],
  declined: 'Baik, tidak ada data yang disimpan. Ketik /start kalau berubah pikiran.',
  name: 'Siapa nama Anda? Boleh nama panggilan.',
  badName: 'Tulis nama Anda (paling banyak 64 huruf), ya.',
  role: 'Apa peran Anda di desa?',
  roles: ['Warga', 'Perangkat desa', 'Kader digital', 'Pendamping'],
  village: 'Di desa/kelurahan mana Anda tinggal?\nTulis namanya.',
  noVillage: 'Desa itu tidak ditemukan. Coba tulis lagi namanya.',
  pick: 'Pilih desa Anda:',
  confirm: (name: string, role: string, village: string) =>
    `Periksa data Anda:\n• Nama: ${name}\n• Peran: ${role}\n• Desa: ${village}\n\nSudah benar?`,
  confirmChoices: ['Benar', 'Ubah'],
  done: (name: string) =>
    `Halo, ${name}! Pendaftaran selesai 🎉\n\n1. Lapor masalah\n2. Kuesioner\n3. Pengumuman\n4. Profil saya\n5. Kirim saran`,
  pickNumber: (count: number) => `Pilih nomor 1 sampai ${count}, ya.`,
  start: 'Ketik /start untuk mulai.',
};

const en: typeof id = {
  language: id.language,
  languages: id.languages,
  age: 'Are you 18 years old or over?',
  yesNo: ['Yes', 'No'],
  tooYoung: 'Sorry, Sapa Desa is only for people aged 18 or over.',
  consent:
    '🔒 Your privacy\nSapa Desa keeps your name, village, role and chat account to serve you in the Smart Village programme. You can see, change or delete them at any time.\n\nDo you agree?',
  agree: ['I agree', 'I do not agree'],
  declined: 'All right, nothing was kept. Type /start if you change your mind.',
  name: 'What is your name? A nickname is fine.',
  badName: 'Please type your name (at most 64 letters).',
  role: 'What is your role in the village?',
  roles: ['Villager', 'Village official', 'Digital cadre', 'Facilitator'],
  village: 'Which village do you live in?\nType its name.',
  noVillage: 'No village of that name was found. Please type it again.',
  pick: 'Choose your village:',
  confirm: (name, role, village) =>
    `Check your details:\n• Name: ${name}\n• Role: ${role}\n• Village: ${village}\n\nIs this right?`,
  confirmChoices: ['Right', 'Change'],
  done: (name) =>
    `Hello, ${name}! You are registered 🎉\n\n1. Report a problem\n2. Questionnaires\n3. Announcements\n4. My profile\n5. Send feedback`,
  pickNumber: (count) => `Please choose a number from 1 to ${count}.`,
  start: 'Type /start to begin.',
};

/** The texts of a language. */
export const TEXTS: Record<Language, typeof id> = { id, en };
