import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { playTranscript } from '../support/transcript.js';
import { createSession, registerPeople, wita } from './training-support.js';

const SLOW_MS = 240_000;
const TITLE = 'Bimtek Website Desa';

describe.each(DRIVERS)('a check-in code of a session moved later on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  const to = (local: string) => h.clock.advance(wita(local).getTime() - h.clock.now().getTime());

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ db, exclusive: driver === 'pglite' });
    await registerPeople(h);
    await createSession(h);
  }, SLOW_MS);
  afterAll(async () => {
    await h.close();
    await db.close();
  });

  it('stays valid until the new end, and closes then', { timeout: SLOW_MS }, async () => {
    to('2026-03-03 08:45');
    const opened = (await h.say('duta', '/jadwal'))
      .concat(await h.say('duta', '1'), await h.say('duta', 'buka absensi'))
      .join('\n');
    expect(opened).toContain('Absensi dibuka sampai 11.00 WITA.');
    const code = /Kode: \*([A-Z0-9]{6})\*/.exec(opened)?.[1] ?? '';
    // The trainer is late: the session starts an hour later and ends at 12.00.
    await playTranscript(
      h,
      'duta',
      `
      > /jadwal
      > 1
      > ubah waktu
      < Ketik tanggal dan jam WITA
      > 3/3/2026 10.00
      < Berapa lama?
      > 2 jam
      < ✅ Waktu pelatihan diubah.
      `,
    );
    to('2026-03-03 11:30');
    await playTranscript(
      h,
      'kader-en',
      `
      > hadir ${code}
      < ✅ Your attendance at *${TITLE}* is recorded.
      `,
    );
    to('2026-03-03 12:01');
    await playTranscript(
      h,
      'kader-a',
      `
      > HADIR ${code}
      < Absensi *${TITLE}* sudah ditutup.
      `,
    );
  });
});
