import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelIdentities, trainingSessions } from '../../src/db/schema/index.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { JEMBRANA, registerPeople, wita } from './training-support.js';

const SLOW_MS = 240_000;
const TITLE = 'Bimtek Keuangan Desa';

describe.each(DRIVERS)('another person as trainer on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ db, exclusive: driver === 'pglite' });
    await registerPeople(h);
    // A kader of another kabupaten, named like nobody else; found by number.
    await registerContact(h, 'kader-jembrana', {
      name: 'Komang',
      role: 'kader_digital',
      villageCode: JEMBRANA,
    });
    await h.db.db
      .update(channelIdentities)
      .set({ phone: '+6281234567890' })
      .where(eq(channelIdentities.externalId, 'kader-jembrana'));
  }, SLOW_MS);
  afterAll(async () => {
    await h.close();
    await db.close();
  });

  it('finds registered staff by name or number, asks again on no match, and shows the trainer', {
    timeout: SLOW_MS,
  }, async () => {
    await playTranscript(
      h,
      'duta',
      `
      > /pelatihanbaru
      > ${TITLE}
      > Mengelola keuangan desa
      > 1
      > 1
      > 1
      > 1
      > Balai Desa Tuban
      > lewati
      > 3/3/2026 09.00
      > 2 jam
      > tanpa batas
      > tidak
      < Siapa pelatihnya?
      < 2. Orang lain
      > 2
      < Ketik nama pelatihnya
      > Made
      < tidak menemukan pengurus terdaftar dengan nama atau nomor *Made*
      < Ketik nama pelatihnya
      > 0812-3456-7890
      < Pilih pelatihnya:
      < 1. Komang (Kader digital, Baler Bale Agung)
      < 2. Cari nama lain
      > 2
      > ay
      < 1. Ayu (Kader digital, Tuban)
      > 1
      < • Pelatih: Ayu (Kader digital, Tuban)
      > simpan
      < Pelatihan *${TITLE}* tersimpan
      > /jadwal
      > 1
      < Pelatih: Ayu
      `,
    );
    const [session] = await h.db.db.select().from(trainingSessions);
    expect(session?.trainerContactId).toBe('contact-kader-a');
    // Ayu, the trainer (not a manager), opens the check-in.
    h.clock.advance(wita('2026-03-03 08:45').getTime() - h.clock.now().getTime());
    await playTranscript(
      h,
      'kader-a',
      `
      > /jadwal
      > 1
      < Pelatih: Ayu
      > buka absensi
      < Absensi dibuka sampai 11.00 WITA.
      `,
    );
  });

  it('reads in English', { timeout: SLOW_MS }, async () => {
    await playTranscript(
      h,
      'kader-en',
      `
      > /jadwal
      > 1
      < Trainer: Ayu
      `,
    );
  });
});
