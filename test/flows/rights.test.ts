import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFeedback } from '../../src/db/queries/feedback.js';
import { requestRole } from '../../src/db/queries/role-requests.js';
import { consents, roleRequests } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import { createHarness, type Harness } from '../support/harness.js';
import { contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ onboarding: true });
});
afterAll(() => h.close());

describe('data-protection rights (transcript)', () => {
  it("/privasi shows the full notice, in the person's language, in the middle of a question too", async () => {
    await registerContact(h, 'nina', { name: 'Nina', language: 'en' });
    await playTranscript(
      h,
      'nina',
      `
      > /privacy
      < *Sapa Desa privacy notice* (version ${PRIVACY_NOTICE_VERSION})
      < *What we keep*
      < WhatsApp or Telegram servers abroad
      < • Delete your data: /deletedata
      < within 3×24 hours
      < idn-area-data (ODbL)
      > /saran
      < What is it about?
      > /privasi
      < *Sapa Desa privacy notice*
      < What is it about?
      `,
    );
  });

  it('/datasaya shows everything stored: profile, accounts, consent, role requests, suggestions', async () => {
    const eka = await registerContact(h, 'eka', { name: 'Eka Putri', phone: '+6281234500001' });
    await requestRole(h.db.db, {
      id: 'request-eka',
      contactId: eka.id,
      role: 'perangkat_desa',
      now: h.clock.now(),
    });
    await insertFeedback(h.db.db, {
      id: 'feedback-eka',
      contactId: eka.id,
      topic: 'idea',
      message: 'Tolong tambah jadwal posyandu',
      rating: 5,
      wantsReply: false,
      mediaIds: [],
      now: h.clock.now(),
    });
    await playTranscript(
      h,
      'eka',
      `
      > /datasaya
      < *Data Anda di Sapa Desa*
      < *Profil*
      < • Nama: Eka Putri
      < • Peran: Warga (meminta jadi Perangkat desa, menunggu konfirmasi admin)
      < • Desa: Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat
      < • Kode desa: 32.03.03.2013
      < • Terdaftar sejak: 02/03/2026
      < *Akun chat*
      < • test: eka (nomor +6281234500001)
      < *Persetujuan*
      < • 02/03/2026: setuju (kebijakan versi 1, lewat test)
      < *Permintaan peran*
      < • 02/03/2026: Perangkat desa, menunggu admin
      < *Saran yang Anda kirim*
      < • 02/03/2026: Ide fitur baru, nilai 5: "Tolong tambah jadwal posyandu"
      < *Pesan*
      < Hapus data: /hapusdata
      `,
    );
  });

  it('/ubahdata corrects the name and the language', async () => {
    await registerContact(h, 'tono', { name: 'Tono' });
    await playTranscript(
      h,
      'tono',
      `
      > /ubahdata
      < Data Anda sekarang:
      < • Nama: Tono
      < 1. Nama
      < 2. Desa
      < 3. Peran
      < 4. Bahasa
      < 5. Selesai
      > 1
      < Siapa nama Anda?
      > 123
      < Nama perlu berisi huruf, ya.
      < Siapa nama Anda?
      > Sutono Hadi
      < Tersimpan ✅
      < • Nama: Sutono Hadi
      > 4
      < Pilih bahasa / Choose a language:
      > 2
      < OK, we'll speak English from now on.
      < Your data now:
      < • Language: English
      > 5
      < OK, all done.
      < Hello, Sutono Hadi 👋
      `,
    );
    expect(await contactOf(h, 'tono')).toMatchObject({
      displayName: 'Sutono Hadi',
      language: 'en',
    });
  });

  it('/tarikpersetujuan says what withdrawing means, stops processing, and asks again next time', async () => {
    const yuni = await registerContact(h, 'yuni', { name: 'Yuni' });
    await requestRole(h.db.db, {
      id: 'request-yuni',
      contactId: yuni.id,
      role: 'kader_digital',
      now: h.clock.now(),
    });
    await playTranscript(
      h,
      'yuni',
      `
      > /tarikpersetujuan
      < Yakin ingin menarik persetujuan?
      < Kami berhenti memproses data Anda
      < Data Anda tetap tersimpan tanpa dipakai
      < 2. Tidak jadi
      > 2
      < persetujuan Anda tetap berlaku
      > /tarikpersetujuan
      > 1
      < Persetujuan Anda sudah ditarik ✅
      < kami tanyakan persetujuan lagi
      `,
    );
    expect(await contactOf(h, 'yuni')).toMatchObject({ consentVersion: null, displayName: 'Yuni' });
    const records = await h.db.db.select().from(consents).where(eq(consents.contactId, yuni.id));
    expect(records.map((r) => r.answer).sort()).toEqual(['accepted', 'withdrawn']);
    const [request] = await h.db.db
      .select()
      .from(roleRequests)
      .where(eq(roleRequests.contactId, yuni.id));
    expect(request?.status).toBe('cancelled');
    await playTranscript(
      h,
      'yuni',
      `
      > /tarikpersetujuan
      < Anda belum memberi persetujuan, jadi tidak ada yang perlu ditarik.
      > /saran
      < Fitur itu bisa dipakai setelah pendaftaran selesai.
      < Selamat datang kembali 👋 Untuk memakai Sapa Desa, kami perlu persetujuan Anda.
      > 1
      < Profil Anda masih tersimpan.
      < Halo, Yuni 👋
      `,
    );
    expect((await contactOf(h, 'yuni'))?.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
  });

  it('/akun lists the rights as a numbered menu', async () => {
    await registerContact(h, 'agus', { name: 'Agus' });
    await playTranscript(
      h,
      'agus',
      `
      > /akun
      < *Data & privasi*
      < 1. Lihat data saya (/datasaya)
      < 5. Hapus data saya (/hapusdata)
      > 3
      < *Kebijakan Privasi Sapa Desa*
      < *Data & privasi*
      > 1
      < *Data Anda di Sapa Desa*
      < • Nama: Agus
      `,
    );
  });
});
