import { eq, isNull } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingCheckins, trainingFeedback, trainingRsvps } from '../../src/db/schema/index.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { playTranscript } from '../support/transcript.js';
import { createSession, registerPeople, wita } from './training-support.js';

const SLOW_MS = 240_000;
const TITLE = 'Bimtek Website Desa';

describe.each(DRIVERS)('training check-in, /datasaya and /hapusdata on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let code = '';
  const to = (local: string) => h.clock.advance(wita(local).getTime() - h.clock.now().getTime());

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ db, exclusive: driver === 'pglite' });
    await registerPeople(h);
    await createSession(h);
    await playTranscript(h, 'kader-a', '> /jadwal\n> 1\n> ikut\n< terdaftar ikut');
  }, SLOW_MS);
  afterAll(async () => {
    await h.close();
    await db.close();
  });

  it('opens the check-in only in the session window, for its managers', {
    timeout: SLOW_MS,
  }, async () => {
    await playTranscript(
      h,
      'duta',
      `
      > /jadwal
      > 1
      < 5. Buka absensi
      > buka absensi
      < Absensi hanya bisa dibuka selama pelatihan berlangsung
      `,
    );
    await playTranscript(h, 'kader-a', '> /jadwal\n> 1\n<! Buka absensi\n<! Ubah waktu');
    to('2026-03-03 08:45');
    const replies = (await h.say('duta', '/jadwal')).concat(
      await h.say('duta', '1'),
      await h.say('duta', 'buka absensi'),
    );
    const opened = replies.join('\n');
    expect(opened).toContain('Absensi dibuka sampai 11.00 WITA.');
    code = /Kode: \*([A-Z0-9]{6})\*/.exec(opened)?.[1] ?? '';
    expect(code).toMatch(/^[ACDEFGHJKMNPQRTUVWXY34679]{6}$/);
    expect(opened).toContain(`Peserta mengirim: HADIR ${code}`);
  });

  it('checks a person in by code (any case, spaces forgiven), once; a wrong code and a stranger get a clear answer', {
    timeout: SLOW_MS,
  }, async () => {
    const spaced = `${code.slice(0, 3).toLowerCase()} ${code.slice(3).toLowerCase()}`;
    await playTranscript(
      h,
      'kader-a',
      `
      > hadir ${spaced}
      < ✅ Kehadiran Anda di *${TITLE}* tercatat.
      > HADIR ${code}
      < Kehadiran Anda di *${TITLE}* sudah tercatat sebelumnya.
      `,
    );
    await playTranscript(
      h,
      'kader-b',
      `
      > HADIR ACDEFG
      < Kode *ACDEFG* tidak dikenal.
      > /saran
      < Saran Anda tentang apa?
      > Hadir ${code}
      < ✅ Kehadiran Anda di *${TITLE}* tercatat.
      < Saran Anda tentang apa?
      `,
    );
    await playTranscript(
      h,
      'warga-jembrana',
      `
      > hadir ${code}
      < Pelatihan *${TITLE}* bukan untuk peran atau wilayah Anda.
      `,
    );
  });

  it('checks a person in from the Telegram deep link of the QR code', {
    timeout: SLOW_MS,
  }, async () => {
    const [row] = await h.db.db.select().from(trainingCheckins);
    await playTranscript(
      h,
      'kader-c',
      `
      > /start hadir_${row?.token}
      < ✅ Kehadiran Anda di *${TITLE}* tercatat.
      > /start hadir_not-a-token
      < Tautan absensi ini tidak dikenal.
      `,
    );
  });

  it('lists attendance for the manager and refuses a code after the end', {
    timeout: SLOW_MS,
  }, async () => {
    await playTranscript(
      h,
      'duta',
      `
      > /jadwal
      > 1
      > daftar hadir
      < Daftar hadir *${TITLE}*: 3 ikut, 0 menunggu, 3 hadir, 0 tidak hadir.
      < • Ayu: hadir
      < • Bagus: hadir
      < • Citra: hadir
      `,
    );
    to('2026-03-03 11:01');
    await playTranscript(
      h,
      'kader-en',
      `
      > hadir ${code}
      < Check-in for *${TITLE}* is closed.
      `,
    );
  });

  it('shows the person’s sessions in /datasaya and /hapusdata keeps only anonymous counts', {
    timeout: SLOW_MS,
  }, async () => {
    await h.db.db.insert(trainingFeedback).values({
      id: 'review-a',
      sessionId: (await h.db.db.select().from(trainingRsvps))[0]?.sessionId ?? '',
      contactId: 'contact-kader-a',
      rating: 4,
      comment: 'Saya Ayu, materinya bagus',
      createdAt: h.clock.now(),
    });
    await playTranscript(
      h,
      'kader-a',
      `
      > /datasaya
      < *Pelatihan Anda*
      < • ${TITLE}, Selasa, 3 Maret 2026 pukul 09.00 WITA: hadir, ulasan 4/5
      > /hapusdata
      > 1
      < Data Anda sudah dihapus
      `,
    );
    const anonymous = await h.db.db
      .select()
      .from(trainingRsvps)
      .where(isNull(trainingRsvps.contactId));
    expect(anonymous.map((row) => [row.status, row.attendance])).toEqual([['ikut', 'hadir']]);
    const [review] = await h.db.db
      .select()
      .from(trainingFeedback)
      .where(eq(trainingFeedback.id, 'review-a'));
    expect(review).toMatchObject({ contactId: null, rating: 4, comment: null });
    expect(await h.db.db.select().from(trainingRsvps)).toHaveLength(3);
  });
});
