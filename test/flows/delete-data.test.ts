import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFeedback } from '../../src/db/queries/feedback.js';
import { insertMediaIfNew } from '../../src/db/queries/media.js';
import { consents, contacts, inboundMessages, outbox } from '../../src/db/schema/index.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

const KEUDE_BAKONGAN = '11.01.01.2001';
const PHOTO_SHA256 = 'b'.repeat(64);

/** Every row of every table of the app, as JSON text. */
async function everyRow(database: TestDatabase): Promise<Record<string, string>> {
  const tables = await rowsOf<{ table_name: string }>(
    database,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const dump: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    dump[table] = JSON.stringify(await rowsOf(database, sql.raw(`select * from "${table}"`)));
  }
  return dump;
}

async function rowsOf<T = Record<string, unknown>>(
  database: TestDatabase,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

describe.each(DRIVERS)('/hapusdata on %s', (driver) => {
  let database: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    database = await createTestDb(driver);
    h = await createHarness({ db: database, onboarding: true, admins: ['admin'] });
    await registerContact(h, 'admin', { name: 'Admin Pusat', role: 'admin' });
  });
  afterAll(async () => {
    await h.close();
    await database.close();
  });

  it('deletes the profile and personal data, leaving nothing that points at the person', async () => {
    const budi = await registerContact(h, 'budi', {
      name: 'Budi Santoso',
      villageCode: KEUDE_BAKONGAN,
      phone: '+6281299990000',
    });
    await insertMediaIfNew(h.db.db, {
      row: {
        id: 'photo-of-budi',
        sha256: PHOTO_SHA256,
        mimeType: 'image/jpeg',
        sizeBytes: 1234,
        originChannel: 'test',
        createdAt: h.clock.now(),
      },
    });
    await insertFeedback(h.db.db, {
      id: 'feedback-of-budi',
      contactId: budi.id,
      topic: 'problem',
      message: 'Jembatan dekat rumah saya rusak parah',
      rating: 2,
      wantsReply: true,
      mediaIds: ['photo-of-budi'],
      now: h.clock.now(),
    });
    await playTranscript(
      h,
      'budi',
      `
      > /ubahdata
      > 3
      > 2
      < menunggu konfirmasi admin
      > 5
      `,
    );
    // An admin opens the list: their outbox and conversation now hold Budi's name.
    await playTranscript(
      h,
      'admin',
      `
      > /peran
      < 1. Budi Santoso: Kader digital, Keude Bakongan
      `,
    );
    await playTranscript(
      h,
      'budi',
      `
      > /hapusdata
      < Yakin ingin menghapus data Anda?
      < Yang dihapus: nama, desa, peran, akun chat dan nomor HP
      < Ini tidak bisa dibatalkan.
      < 1. Ya, hapus data saya
      > 2
      < Baik, tidak ada yang dihapus.
      > /hapusdata
      > 1
      < Data Anda sudah dihapus ✅
      `,
    );
    expect(h.removedMediaFiles).toEqual([PHOTO_SHA256]);

    const needles = [
      `"${budi.id}"`,
      'Budi Santoso',
      '"budi"',
      '6281299990000',
      'rusak parah',
      `"${KEUDE_BAKONGAN}"`,
      'photo-of-budi',
      PHOTO_SHA256,
    ];
    const dump = await everyRow(database);
    expect(Object.keys(dump)).toEqual(
      expect.arrayContaining(['contacts', 'channel_identities', 'consents', 'outbox', 'feedback']),
    );
    for (const [table, rows] of Object.entries(dump)) {
      for (const needle of needles) {
        expect(rows, `table ${table} still holds ${needle}`).not.toContain(needle);
      }
    }
    // What is kept: the consent record without its person, and message ids without theirs.
    const anonymous = await h.db.db.select().from(consents).where(eq(consents.id, 'consent-budi'));
    expect(anonymous).toEqual([expect.objectContaining({ contactId: null, answer: 'accepted' })]);
    const unlinked = await h.db.db.select().from(inboundMessages);
    expect(unlinked.filter((row) => row.contactId === budi.id)).toEqual([]);

    await playTranscript(
      h,
      'admin',
      `
      > /peran
      < Tidak ada permintaan peran yang menunggu
      `,
    );
    // Writing again is a new person.
    await playTranscript(
      h,
      'budi',
      `
      > halo
      < Pilih bahasa / Choose a language:
      `,
    );
    expect((await contactOf(h, 'budi'))?.id).not.toBe(budi.id);
  });

  it('keeps an empty tombstone only until the goodbye is delivered', async () => {
    const sari = await registerContact(h, 'sari', { name: 'Sari Dewi' });
    await h.say('sari', '/hapusdata');
    h.channel.respond = () => ({ type: 'retry', error: 'HTTP 502' });
    await h.say('sari', '1');
    const [tombstone] = await h.db.db.select().from(contacts).where(eq(contacts.id, sari.id));
    expect(tombstone).toMatchObject({
      displayName: null,
      villageCode: null,
      consentVersion: null,
      registeredAt: null,
      deletedAt: h.clock.now(),
    });
    const waiting = await h.db.db.select().from(outbox).where(eq(outbox.contactId, sari.id));
    expect(waiting.map((row) => row.status)).toEqual(['pending']);

    h.channel.respond = () => ({ type: 'sent' });
    h.clock.advance(2_000);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('sari').at(-1)).toContain('Data Anda sudah dihapus');
    expect(await h.db.db.select().from(contacts).where(eq(contacts.id, sari.id))).toEqual([]);
    expect(await h.db.db.select().from(outbox).where(eq(outbox.contactId, sari.id))).toEqual([]);
  });
});
