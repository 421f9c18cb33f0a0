import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSessions } from '../../src/db/schema/index.js';
import type { Scheduler } from '../../src/runtime/scheduler.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { playTranscript } from '../support/transcript.js';
import {
  createSession,
  newsFor,
  registerPeople,
  runAt,
  trainingScheduler,
  wita,
} from './training-support.js';

const SLOW_MS = 240_000;
const TITLE = 'Bimtek Website Desa';
/** The short OpenStreetMap link of every pin starts so. */
const MAP = 'https://osm.org/go/';

describe.each(DRIVERS)('a venue pin on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let scheduler: Scheduler;

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ db, exclusive: driver === 'pglite' });
    await registerPeople(h);
    await createSession(h, { pin: '/lokasi -8.7316 115.1689' });
    scheduler = trainingScheduler(h);
  }, SLOW_MS);
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
    await db.close();
  });

  it('is kept with the session and shown as a short map link in the detail and the reminders', {
    timeout: SLOW_MS,
  }, async () => {
    const [session] = await h.db.db.select().from(trainingSessions);
    expect([session?.latitude, session?.longitude]).toEqual([-8.7316, 115.1689]);
    await playTranscript(
      h,
      'kader-a',
      `
      > /jadwal
      > 1
      < *${TITLE}*
      < tempat: Balai Desa Tuban (${MAP}
      > ikut
      `,
    );
    await playTranscript(h, 'kader-en', `> /jadwal\n> 1\n< place: Balai Desa Tuban (${MAP}`);
    await newsFor(h, 'kader-a');
    await runAt(h, scheduler, wita('2026-03-02 18:00'));
    expect(await newsFor(h, 'kader-a')).toMatch(
      /⏰ Pengingat: besok ada pelatihan .*tempat: Balai Desa Tuban \(https:\/\/osm\.org\/go\//,
    );
    expect(await newsFor(h, 'kader-a')).toBe('');
  });

  it('goes with a change of place unless a new one is shared', { timeout: SLOW_MS }, async () => {
    await playTranscript(
      h,
      'duta',
      `
      > /jadwal
      > 1
      > ubah tempat
      < tatap muka atau daring?
      > 1
      > Aula Kantor Camat Kuta
      < Bagikan titik lokasinya
      > lewati
      < Tempat pelatihan diubah
      `,
    );
    const [session] = await h.db.db.select().from(trainingSessions);
    expect([session?.venue, session?.latitude]).toEqual(['Aula Kantor Camat Kuta', null]);
    await playTranscript(
      h,
      'kader-a',
      `
      > /jadwal
      > 1
      < tempat: Aula Kantor Camat Kuta
      <! ${MAP}
      `,
    );
  });
});
