import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelIdentities, contacts } from '../../../src/db/schema/index.js';
import { createSession, registerPeople, TUBAN } from '../../flows/training-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../../support/db.js';
import { type CloudTest, createCloudTest } from './setup.js';

const SLOW_MS = 240_000;
const SITI = '6281234500001';

describe.each(DRIVERS)('a calendar file on the Cloud API on %s', (driver) => {
  let db: TestDatabase;
  let t: CloudTest;

  beforeAll(async () => {
    db = await createTestDb(driver);
    t = await createCloudTest({ db, exclusive: driver === 'pglite' });
    await registerPeople(t.h);
    await createSession(t.h);
    await t.say(SITI, 'halo');
    // Siti is a kader of Tuban, for whom the session is.
    const [siti] = await t.h.db.db
      .select({ id: channelIdentities.contactId })
      .from(channelIdentities)
      .where(eq(channelIdentities.externalId, SITI));
    await t.h.db.db
      .update(contacts)
      .set({ role: 'kader_digital', villageCode: TUBAN, displayName: 'Siti' })
      .where(eq(contacts.id, siti?.id ?? ''));
  }, SLOW_MS);
  afterAll(async () => {
    await t.close();
    await db.close();
  });

  it('uploads the .ics, then sends it as a document by its media id and file name', {
    timeout: SLOW_MS,
  }, async () => {
    await t.say(SITI, '/jadwal');
    await t.say(SITI, '1');
    const said = (await t.say(SITI, 'tambahkan ke kalender')).join('\n');
    expect(said).toContain('📎 Berkas kalender *bimtek-website-desa.ics* terlampir');
    expect(t.graph.uploads.size).toBe(1);
    const [[uploadId, raw]] = [...t.graph.uploads.entries()] as [[string, Uint8Array]];
    const form = Buffer.from(raw).toString('utf8');
    expect(form).toContain('name="messaging_product"\r\n\r\nwhatsapp');
    expect(form).toContain('name="type"\r\n\r\ntext/plain');
    expect(form).toContain('filename="bimtek-website-desa.ics"');
    expect(form).toContain('BEGIN:VCALENDAR');
    const documents = t.graph.sent.filter((s) => s.body.type === 'document');
    expect(documents.map((s) => s.body)).toEqual([
      expect.objectContaining({
        to: SITI,
        type: 'document',
        document: { id: uploadId, filename: 'bimtek-website-desa.ics' },
      }),
    ]);
  });
});
