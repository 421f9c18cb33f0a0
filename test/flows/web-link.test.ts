import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ onboarding: true });
  await registerContact(h, 'kader', { name: 'Kader Ani', role: 'kader_digital' });
  await registerContact(h, 'siti', { name: 'Siti' });
});
afterAll(() => h.close());

describe('/web: a sign-in link to the admin web', () => {
  it('sends staff a one-time link valid 10 minutes', async () => {
    const [reply] = await h.say('kader', '/web');
    expect(reply).toMatch(
      /^🔐 Tautan masuk ke \*konsol web\* Sapa Desa:\nhttp:\/\/localhost:3000\/web\/masuk\?t=[0-9a-f]{64}\n\nTautan ini berlaku 10 menit dan hanya bisa dipakai sekali\./,
    );
    const [again] = await h.say('kader', '/web');
    expect(again).not.toEqual(reply);
  });

  it('refuses a warga', async () => {
    await playTranscript(
      h,
      'siti',
      `
      > /web
      < Konsol web hanya untuk petugas program (kader, duta digital, perangkat desa, pendamping, admin). Ketik /menu untuk kembali.
      `,
    );
  });
});
