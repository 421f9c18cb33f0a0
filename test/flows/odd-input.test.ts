import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contacts } from '../../src/db/schema/index.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { createReportHarness, reportOf, scriptedTickets, sendPin } from './report-support.js';

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('NUL23', 'PQN45', 'ABR67'));
});
afterAll(() => h.close());

/**
 * Files a pengaduan of category number `category` up to the location question (each test
 * its own category: an open report of the same one would be offered for support).
 */
async function fileUpToPin(from: string, category: number, description: string): Promise<void> {
  await playTranscript(h, from, `> /lapor\n> 1\n> ${category}\n< Ceritakan masalahnya`);
  expect((await h.say(from, description)).join('\n')).toContain('Kirim foto');
  expect((await h.say(from, 'lewati')).join('\n')).toContain('Di mana tempatnya?');
}

describe('text with NUL and other control characters', () => {
  it('stores a name and a report text cleaned, where PostgreSQL refused them before', async () => {
    await playTranscript(
      h,
      'nul',
      `
      > halo
      > 1
      > ya
      > 1
      < Siapa nama Anda?
      `,
    );
    expect(await h.say('nul', 'Siti\u0000 Ami\u0007nah\uD800')).toEqual([
      expect.stringContaining('Apa peran Anda di desa?'),
    ]);
    await playTranscript(h, 'nul', '> 1\n> sukamaju, cibeber\n> 1\n> 1\n< Pendaftaran selesai');
    const [contact] = await h.db.db
      .select({ name: contacts.displayName })
      .from(contacts)
      .where(eq(contacts.id, 'id-1'));
    expect(contact?.name).toBe('Siti Aminah');

    await fileUpToPin('nul', 1, 'Jalan\u0000 rusak\u001b di dekat\r\nsekolah dasar');
    await playTranscript(h, 'nul', '> lewati\n> 1\n< Periksa laporan Anda\n> 1\n< *LP-NUL23*');
    expect((await reportOf(h, 'LP-NUL23')).report.description).toBe(
      'Jalan rusak di dekat sekolah dasar',
    );
  });
});

describe('pins', () => {
  it('asks again for a pin that cannot be on the map, and never stores it', async () => {
    await registerContact(h, 'pin', { name: 'Pin' });
    await fileUpToPin('pin', 2, 'Air bersih tidak mengalir sejak minggu lalu');
    expect((await sendPin(h, 'pin', 999, 999))[0]).toContain(
      'Titik lokasi itu tidak mungkin ada di peta',
    );
    expect((await sendPin(h, 'pin', -6.9123, 107.1234))[0]).toContain(
      'Apakah masalahnya ada tepat di titik yang Anda bagikan?',
    );
    await playTranscript(
      h,
      'pin',
      `
      > ya
      > 1
      < titik di peta: https://osm.org/go/tbQM5xrUd--?m
      <! 999
      > 1
      < *LP-PQN45*
      `,
    );
    expect((await reportOf(h, 'LP-PQN45')).report).toMatchObject({
      latitude: -6.9123,
      longitude: 107.1234,
    });
  });

  it('keeps a pin outside Indonesia with a word to the person', async () => {
    await registerContact(h, 'abroad', { name: 'Abroad', language: 'en' });
    await playTranscript(h, 'abroad', '> /lapor\n> 1\n> 4\n< Describe the problem');
    expect((await h.say('abroad', 'The health post is closed all week')).join('\n')).toContain(
      'photo',
    );
    await h.say('abroad', 'skip');
    const replies = await sendPin(h, 'abroad', 1.3521, 103.8198 + 40);
    expect(replies[0]).toContain('This pin is outside Indonesia');
    await playTranscript(h, 'abroad', '> yes\n> 1\n> 1\n< *LP-ABR67*');
    expect((await reportOf(h, 'LP-ABR67')).report.longitude).toBeCloseTo(143.8198);
  });
});
