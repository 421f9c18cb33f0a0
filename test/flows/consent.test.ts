import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import { createHarness, type Harness } from '../support/harness.js';
import { consentsOf, contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ onboarding: true });
});
afterAll(() => h.close());

describe('consent and age (transcript)', () => {
  it('records a refusal, says what still works, and lets the person change their mind', async () => {
    await playTranscript(
      h,
      'ani',
      `
      > halo
      > 1
      > ya
      < Apakah Anda setuju?
      > 2
      < Baik, tidak apa-apa
      < Kami hanya mencatat bahasa pilihan Anda dan bahwa Anda belum setuju
      < /privasi
      < /datasaya
      < /hapusdata
      < Kirim pesan apa saja, kami tanyakan lagi
      `,
    );
    expect(await consentsOf(h, 'ani')).toEqual([
      expect.objectContaining({ answer: 'declined', noticeVersion: PRIVACY_NOTICE_VERSION }),
    ]);
    expect(await contactOf(h, 'ani')).toMatchObject({
      displayName: null,
      villageCode: null,
      consentVersion: null,
      registeredAt: null,
    });
    await playTranscript(
      h,
      'ani',
      `
      > /privasi
      < *Kebijakan Privasi Sapa Desa* (versi 1)
      < UU No. 27 Tahun 2022
      > /datasaya
      < *Data Anda di Sapa Desa*
      < • Pendaftaran belum selesai
      < tidak setuju (kebijakan versi 1, lewat test)
      > /saran
      < Fitur itu bisa dipakai setelah pendaftaran selesai.
      < Selamat datang kembali 👋 Untuk memakai Sapa Desa, kami perlu persetujuan Anda.
      <! Saran Anda tentang apa?
      > menu
      < Selamat datang kembali
      < 1. Setuju
      > setuju
      < persetujuan Anda sudah dicatat
      < Siapa nama Anda?
      `,
    );
    expect((await consentsOf(h, 'ani')).map((c) => c.answer).sort()).toEqual([
      'accepted',
      'declined',
    ]);
    expect((await contactOf(h, 'ani'))?.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
  });

  it('sends a person under 18 to a kader or a parent and stores nothing more', async () => {
    await playTranscript(
      h,
      'adik',
      `
      > halo
      > 1
      < Apakah Anda berusia 18 tahun atau lebih?
      > tidak
      < Anak di bawah 18 tahun didaftarkan oleh orang tua/wali atau kader digital desa
      > halo lagi
      < Pilih bahasa / Choose a language:
      `,
    );
    expect(await consentsOf(h, 'adik')).toEqual([]);
    expect(await contactOf(h, 'adik')).toMatchObject({
      displayName: null,
      villageCode: null,
      consentVersion: null,
    });
  });

  it('asks a registered person to consent again when the notice version changes', async () => {
    const dewi = await registerContact(h, 'dewi', { name: 'Dewi' });
    await h.db.db
      .update(contacts)
      .set({ consentVersion: PRIVACY_NOTICE_VERSION - 1 })
      .where(eq(contacts.id, dewi.id));
    await playTranscript(
      h,
      'dewi',
      `
      > halo
      < Kebijakan privasi Sapa Desa sudah diperbarui.
      < 1. Setuju
      > 1
      < Profil Anda masih tersimpan.
      < Halo, Dewi 👋
      `,
    );
    expect((await contactOf(h, 'dewi'))?.consentVersion).toBe(PRIVACY_NOTICE_VERSION);
  });
});
