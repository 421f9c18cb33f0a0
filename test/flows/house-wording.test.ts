import { afterAll, beforeAll, describe, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

/**
 * House wording of issue 14: "Ketik 1 atau 2" under every two-option question (language,
 * age, consent, /hapusdata, the draft question), the general words under more options.
 */
describe('the hint under options', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ onboarding: true });
    await registerContact(h, 'ed', { name: 'Ed', language: 'en' });
  });
  afterAll(() => h.close());

  it('says "Ketik 1 atau 2" for two options and the general words for more, in Indonesian', async () => {
    await playTranscript(
      h,
      'rina',
      `
      > halo
      < 2. English
      < _Ketik 1 atau 2._
      > 1
      < Apakah Anda berusia 18 tahun atau lebih?
      < _Ketik 1 atau 2._
      > 1
      < 2. Tidak setuju
      < _Ketik 1 atau 2._
      > 1
      < Siapa nama Anda?
      > Rina
      < 5. Pendamping desa
      < _Balas dengan angka pilihan Anda._
      <! Ketik 1 atau 2
      > 1
      > desa bojongsoang
      > 1
      > 1
      < Pendaftaran selesai
      > /hapusdata
      < 2. Tidak jadi
      < _Ketik 1 atau 2._
      > 5
      < Pilihan itu tidak ada. Ketik 1 atau 2.
      > tidak
      > /lapor
      > 1
      > menu
      < Simpan sebagai draf dulu?
      < 2. Lanjutkan laporan
      < _Ketik 1 atau 2._
      `,
    );
  });

  it('says "Type 1 or 2" for two options and the general words for more, in English', async () => {
    await playTranscript(
      h,
      'ed',
      `
      > /deletedata
      < 2. No, keep it
      < _Type 1 or 2._
      > 5
      < That option doesn't exist. Type 1 or 2.
      > no
      > /report
      < 3. Request for information
      < _Reply with the number of your choice._
      > 1
      > menu
      < 2. Go on with the report
      < _Type 1 or 2._
      `,
    );
  });
});
