import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

const BOJONGSOANG = '32.04.08.2002'; // Kab. Bandung
const SUKAMAJU_CIBEBER = '32.03.03.2013'; // Kab. Cianjur

/** A new role request reaches the admins, and the duta digital of that kabupaten, as a message. */
describe('role request notices', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ onboarding: true });
    await registerContact(h, 'admin-1', { name: 'Admin', role: 'admin' });
    await registerContact(h, 'duta-bandung', {
      name: 'Duta Bandung',
      role: 'duta_digital',
      villageCode: BOJONGSOANG,
    });
    await registerContact(h, 'duta-cianjur', {
      name: 'Duta Cianjur',
      role: 'duta_digital',
      villageCode: SUKAMAJU_CIBEBER,
    });
  });
  afterAll(() => h.close());

  it('tells the admins and the kabupaten’s duta once the person is registered', async () => {
    await playTranscript(
      h,
      'yuni',
      `
      > halo
      > 1
      > ya
      > 1
      > Yuni
      < Apa peran Anda di desa?
      > kader
      < Di desa/kelurahan mana Anda tinggal?
      > bojongsoang
      > 1
      > 1
      < Permintaan peran Kader digital sudah dikirim ke admin
      `,
    );
    await h.runtime.outbox.sweep();
    expect(h.channel.take('admin-1')).toEqual([
      '🙋 Ada permintaan peran baru: Kader digital. Putuskan dengan /peran',
    ]);
    expect(h.channel.take('duta-bandung')).toEqual([
      'ℹ️ Ada permintaan peran Kader digital dari kabupaten Anda. Admin akan memutuskannya.',
    ]);
    expect(h.channel.take('duta-cianjur')).toEqual([]);
  });
});
