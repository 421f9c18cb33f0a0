import { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertFeedback } from '../../src/db/queries/feedback.js';
import { insertMediaIfNew } from '../../src/db/queries/media.js';
import { consents, contacts, inboundMessages, outbox } from '../../src/db/schema/index.js';
import { createLogger } from '../../src/logger.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { createHarness, type Harness } from '../support/harness.js';
import { contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { everyRow } from './every-row.js';

const KEUDE_BAKONGAN = '11.01.01.2001';
const PHOTO_SHA256 = 'b'.repeat(64);

describe.each(DRIVERS)('/hapusdata on %s', (driver) => {
  let database: TestDatabase;
  let h: Harness;
  /** The info (and above) log lines of this file's runs, parsed. */
  const logged: Record<string, unknown>[] = [];
  beforeAll(async () => {
    database = await createTestDb(driver);
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logged.push(JSON.parse(String(chunk)));
        done();
      },
    });
    const logger = createLogger({ level: 'info', format: 'json', destination });
    h = await createHarness({ db: database, onboarding: true, admins: ['admin'], logger });
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
    const received = await h.db.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.contactId, budi.id));
    expect(received.length).toBeGreaterThan(0);
    await playTranscript(
      h,
      'budi',
      `
      > /hapusdata
      < Yakin ingin menghapus data Anda? Ini tidak bisa dibatalkan.
      < nama, desa, peran, akun chat dan nomor HP
      < 1. Ya, hapus data saya
      > 2
      < Baik, tidak ada yang dihapus.
      > /hapusdata
      > 1
      < Data Anda sudah dihapus ✅
      `,
    );
    expect(h.removedMediaFiles).toEqual([PHOTO_SHA256]);
    // Logged without the contact id: at info level, nothing ties it to the chat account.
    expect(logged.filter((line) => line.msg === 'personal data deleted')).toEqual([
      expect.objectContaining({ photos: 1 }),
    ]);
    expect(JSON.stringify(logged)).not.toContain(budi.id);

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
    // What is kept: the consent record without its person. Their messages' records go,
    // but for the key of the one that asked for the deletion, linked to nobody (it holds
    // no platform id), so that a redelivery of it is still dropped.
    const anonymous = await h.db.db.select().from(consents).where(eq(consents.id, 'consent-budi'));
    expect(anonymous).toEqual([expect.objectContaining({ contactId: null, answer: 'accepted' })]);
    const left = await h.db.db.select().from(inboundMessages);
    expect(left.filter((row) => received.some((r) => r.messageId === row.messageId))).toEqual([]);
    expect(left.filter((row) => row.contactId !== 'contact-admin')).toEqual([
      expect.objectContaining({ contactId: null }),
    ]);

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

  it('drops a redelivery of the message that deleted the data: nobody is onboarded again', async () => {
    await registerContact(h, 'wati', { name: 'Wati' });
    await h.say('wati', '/hapusdata');
    expect((await h.say('wati', '1', 'wati-yes')).join('\n')).toContain('Data Anda sudah dihapus');
    expect(await contactOf(h, 'wati')).toBeUndefined();
    expect(await h.say('wati', '1', 'wati-yes')).toEqual([]);
    expect(await contactOf(h, 'wati')).toBeUndefined();
    const [key] = await h.db.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.messageId, 'wati-yes'));
    expect(key).toMatchObject({ contactId: null });
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
