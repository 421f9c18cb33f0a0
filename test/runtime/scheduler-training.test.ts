import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkSends, trainingFeedback, trainingRsvps } from '../../src/db/schema/index.js';
import type { Scheduler } from '../../src/runtime/scheduler.js';
import {
  createSession,
  newsFor,
  registerPeople,
  runAt,
  trainingScheduler,
  wita,
} from '../flows/training-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { playTranscript } from '../support/transcript.js';

const SLOW_MS = 240_000;
const TITLE = 'Bimtek Website Desa';
const OTHER = 'Bimtek Medsos Desa';

describe.each(DRIVERS)('training reminders, changes and feedback on %s', (driver) => {
  let db: TestDatabase;
  let h: Harness;
  let scheduler: Scheduler;
  const news = (who: string) => newsFor(h, who);
  const at = (local: string) => runAt(h, scheduler, wita(local));

  beforeAll(async () => {
    db = await createTestDb(driver);
    h = await createHarness({ db, exclusive: driver === 'pglite' });
    await registerPeople(h);
    await createSession(h, { seats: '2' });
    await createSession(h, { title: OTHER, start: '3/3/2026 13.00', seats: 'tanpa batas' });
    for (const who of ['kader-a', 'kader-b', 'kader-c']) {
      await playTranscript(h, who, '> /jadwal\n> 1\n> ikut');
      await playTranscript(h, who, `> /jadwal\n> 2\n< ${OTHER}\n> ikut`);
    }
    for (const who of ['kader-a', 'kader-b', 'kader-c']) await news(who);
    scheduler = trainingScheduler(h);
  }, SLOW_MS);
  afterAll(async () => {
    await scheduler.stop();
    await h.close();
    await db.close();
  });

  it('reminds those going at 18.00 WITA the day before and 2 hours before, once each across a restart; never one already past at the RSVP', {
    timeout: SLOW_MS,
  }, async () => {
    await at('2026-03-02 17:59');
    expect(await news('kader-a')).toBe('');
    await at('2026-03-02 18:00');
    const reminder = `⏰ Pengingat: besok ada pelatihan *${TITLE}*, Selasa, 3 Maret 2026 pukul 09.00 WITA, tempat: Balai Desa Tuban.`;
    expect(await news('kader-a')).toContain(reminder);
    expect(await news('kader-b')).toContain(reminder);
    expect(await news('kader-c'), 'waiting, not going').not.toContain(`*${TITLE}*`);
    // Dewi joins the other session after its evening reminder went out.
    await playTranscript(h, 'kader-en', `> /jadwal\n> 2\n< ${OTHER}\n> join\n< You are going`);
    await h.restart();
    scheduler = trainingScheduler(h);
    await at('2026-03-02 18:05');
    expect(await news('kader-a'), 'once across a restart').toBe('');
    await at('2026-03-03 07:00');
    expect(await news('kader-a')).toContain(
      `⏰ Sebentar lagi: pelatihan *${TITLE}* mulai Selasa, 3 Maret 2026 pukul 09.00 WITA, tempat: Balai Desa Tuban.`,
    );
    await at('2026-03-03 11:00');
    const dewi = await news('kader-en');
    expect(dewi).toContain(
      `⏰ Starting soon: the training *${OTHER}* starts Tuesday, 3 March 2026 at 13:00 WITA`,
    );
    expect(dewi).not.toContain('Reminder: tomorrow');
    const sends = await h.db.db.select().from(bulkSends);
    expect(sends.every((send) => send.kind === 'training_reminder')).toBe(true);
  });

  it('records those going who did not come as absent at the end, and an hour later opens the review for each attendee once, across a restart', {
    timeout: SLOW_MS,
  }, async () => {
    await at('2026-03-03 11:00');
    const rows = await h.db.db.select().from(trainingRsvps);
    const first = rows.filter((row) => row.attendance === 'absen');
    expect(first.length).toBeGreaterThanOrEqual(2);
    // Bagus is in the middle of something else when the question comes.
    await playTranscript(h, 'kader-b', `> /jadwal\n< ${TITLE}`);
    await at('2026-03-03 12:00');
    const ask = `🙏 Terima kasih sudah ikut *${TITLE}*. Seberapa bermanfaat pelatihannya?`;
    expect(await news('kader-a')).toContain(ask);
    expect(await news('kader-b')).toContain(ask);
    expect(await news('kader-c'), 'waiting, never attended').not.toContain(ask);
    await h.restart();
    scheduler = trainingScheduler(h);
    await at('2026-03-03 12:30');
    expect(await news('kader-a'), 'asked once, across a restart').toBe('');
    await playTranscript(
      h,
      'kader-a',
      `
      > 5
      < Ada saran atau komentar
      > ya
      > Materinya sangat berguna
      < Terima kasih atas ulasan Anda!
      > /ulasan
      < Tidak ada pelatihan yang menunggu ulasan Anda.
      `,
    );
    // Bagus puts it off, is back at his list, and reviews it later with /ulasan.
    await playTranscript(
      h,
      'kader-b',
      `
      > lewati
      < kirim /ulasan untuk memberi nilai
      < Jadwal pelatihan
      > /ulasan pelatihan kemarin
      < ${ask}
      > 4
      > tidak
      < Terima kasih atas ulasan Anda!
      `,
    );
    const reviews = await h.db.db.select().from(trainingFeedback);
    expect(reviews.map((r) => [r.contactId, r.rating, r.comment]).sort()).toEqual([
      ['contact-kader-a', 5, 'Materinya sangat berguna'],
      ['contact-kader-b', 4, null],
    ]);
  });

  it('tells everyone going or waiting once when a session moves, and the reminders move with it', {
    timeout: SLOW_MS,
  }, async () => {
    await playTranscript(
      h,
      'duta',
      `
      > /jadwal
      > 1
      < ${OTHER}
      > ubah waktu
      < Ketik tanggal dan jam WITA
      > 5/3/2026 10.00
      < Berapa lama?
      > 2 jam
      < ✅ Waktu pelatihan diubah.
      < Kamis, 5 Maret 2026 pukul 10.00 WITA
      `,
    );
    const told = `📣 Ada perubahan pelatihan *${OTHER}*.\nSebelumnya: Selasa, 3 Maret 2026 pukul 13.00 WITA, tempat: Balai Desa Tuban\nSekarang: Kamis, 5 Maret 2026 pukul 10.00 WITA, tempat: Balai Desa Tuban`;
    await at('2026-03-03 12:35');
    for (const who of ['kader-a', 'kader-b', 'kader-c']) {
      const heard = await news(who);
      expect(heard, who).toContain(told);
      expect(heard.split('Ada perubahan').length - 1, `${who} hears it once`).toBe(1);
    }
    expect(await news('kader-en')).toContain(
      `📣 The training *${OTHER}* has changed.\nBefore: Tuesday, 3 March 2026 at 13:00 WITA, place: Balai Desa Tuban\nNow: Thursday, 5 March 2026 at 10:00 WITA`,
    );
    await at('2026-03-03 13:00');
    expect(await news('kader-a'), 'the old time reminds nobody').toBe('');
    await at('2026-03-04 17:59');
    expect(await news('kader-a')).toBe('');
    await at('2026-03-04 18:00');
    expect(await news('kader-a')).toContain(
      `⏰ Pengingat: besok ada pelatihan *${OTHER}*, Kamis, 5 Maret 2026 pukul 10.00 WITA`,
    );
    await at('2026-03-04 18:10');
    expect(await news('kader-a')).toBe('');
  });

  it('tells everyone once when a session is cancelled, and its reminders stay silent', {
    timeout: SLOW_MS,
  }, async () => {
    await playTranscript(
      h,
      'duta',
      `
      > /jadwal
      > 1
      < ${OTHER}
      > batalkan pelatihan
      < Yakin membatalkan
      > ya
      < Pelatihan dibatalkan.
      `,
    );
    await at('2026-03-04 18:30');
    const cancelled = `📣 Pelatihan *${OTHER}* (Kamis, 5 Maret 2026 pukul 10.00 WITA) dibatalkan.`;
    for (const who of ['kader-a', 'kader-c']) expect(await news(who), who).toContain(cancelled);
    expect(await news('kader-en')).toContain(`📣 The training *${OTHER}* (Thursday, 5 March`);
    await at('2026-03-05 08:00');
    expect(await news('kader-a')).toBe('');
    await playTranscript(h, 'kader-b', '> /jadwal\n< Belum ada pelatihan terjadwal');
  });
});
