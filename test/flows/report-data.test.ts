import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  conversations,
  media,
  outbox,
  reportMedia,
  reportSupports,
} from '../../src/db/schema/index.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  addPhoto,
  createReportHarness,
  fileQuickly,
  newsFor,
  registerStaff,
  reportOf,
  scriptedTickets,
  sendPhoto,
  sendPin,
  staffMove,
  statusesOf,
} from './report-support.js';

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('DTAAA', 'DTBBB', 'DTCCC'));
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerContact(h, 'siti', { name: 'Siti Aminah' });
  await registerContact(h, 'budi', { name: 'Budi' });
});
afterAll(() => h.close());

describe('reports in /datasaya and /hapusdata', () => {
  it('lists the person’s reports in /datasaya', async () => {
    await addPhoto(h, 'foto-siti');
    await playTranscript(h, 'siti', '> /lapor\n> 1\n> 2\n> Selokan di depan rumah warga mampet');
    await sendPhoto(h, 'siti', 'foto-siti');
    await h.say('siti', 'selesai');
    await sendPin(h, 'siti', -6.91, 107.12);
    await playTranscript(h, 'siti', '> ya\n> 2\n> 1\n< *LP-DTAAA*');
    await fileQuickly(h, 'budi', { category: 1, description: 'Jembatan kayu di dusun tiga lapuk' });
    await playTranscript(h, 'siti', '> /lapor\n> 1\n> 1\n> 1\n< dukungan Anda sudah dicatat');
    await playTranscript(
      h,
      'siti',
      `
      > /datasaya
      < *Laporan*
      < • 02/03/2026 *LP-DTAAA* (Sukamaju, Kec. Cibeber, Kab. Cianjur): Air bersih, sampah & lingkungan, status Diterima. Uraian: “Selokan di depan rumah warga mampet”. Foto: 1. Lokasi: titik di peta
      < anonim
      < Anda mendukung 1 laporan warga lain.
      <! LP-DTBBB
      `,
    );
  });

  it('anonymises the reports on /hapusdata: they stay for the village without the person or their photos', async () => {
    await playTranscript(h, 'pak-kades', '> /kelola LP-DTBBB\n< • Pelapor: Budi\n> 5');
    await playTranscript(
      h,
      'pak-kades',
      '> /kelola LP-DTAAA\n< • Pelapor: anonim\n< Apa tindak lanjut',
    );
    await playTranscript(
      h,
      'siti',
      `
      > /hapusdata
      > 1
      `,
    );
    const { report, photos, history } = await reportOf(h, 'LP-DTAAA');
    expect(report).toMatchObject({
      contactId: null,
      anonymisedAt: h.clock.now(),
      description: 'Selokan di depan rumah warga mampet',
      status: 'DITERIMA',
    });
    expect(photos).toEqual([]);
    expect(history.map((row) => row.actorId)).toEqual([null]);
    expect(await h.db.db.select().from(reportMedia)).toEqual([]);
    expect(await h.db.db.select().from(media).where(eq(media.id, 'foto-siti'))).toEqual([]);
    expect(h.removedMediaFiles).toEqual([createHash('sha256').update('foto-siti').digest('hex')]);
    expect(await h.db.db.select().from(reportSupports)).toEqual([]);
    // Budi's report, which Siti supported, is untouched.
    expect((await reportOf(h, 'LP-DTBBB')).report.contactId).toBe('contact-budi');

    // Staff still handle the report; nobody is told any more.
    await playTranscript(
      h,
      'pak-kades',
      '> /kelola LP-DTAAA\n< • Pelapor: anonim\n< • Uraian: Selokan',
    );
    await staffMove(h, 'pak-kades', 'LP-DTAAA', { label: 'tandai diverifikasi', note: 'Dicek' });
    expect(await statusesOf(h, 'LP-DTAAA')).toEqual(['DITERIMA', 'DIVERIFIKASI']);
    await newsFor(h, 'siti');
    const left = await h.db.db.select().from(outbox).where(eq(outbox.externalId, 'siti'));
    expect(left).toEqual([]);
  });

  it('removes other people’s copies of a named reporter with their data', async () => {
    await playTranscript(
      h,
      'pak-kades',
      '> /kelola LP-DTBBB\n< • Pelapor: Budi\n< Apa tindak lanjut',
    );
    const mentions = async () =>
      (await h.db.db.select().from(outbox).where(eq(outbox.externalId, 'pak-kades'))).filter(
        (row) => JSON.stringify(row.message).includes('contact-budi'),
      );
    expect((await mentions()).length).toBeGreaterThan(0);
    await playTranscript(h, 'budi', '> /hapusdata\n> 1');
    expect(await mentions()).toEqual([]);
    const [state] = await h.db.db
      .select()
      .from(conversations)
      .where(eq(conversations.contactId, 'contact-pak-kades'));
    expect(JSON.stringify(state?.state)).not.toContain('contact-budi');
    await playTranscript(
      h,
      'pak-kades',
      '> /kelola LP-DTBBB\n< • Pelapor: (tidak ada)\n<! Budi\n> 5',
    );
  });
});
