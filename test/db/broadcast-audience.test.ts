import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countAudience, insertAudience } from '../../src/db/queries/broadcast-audience.js';
import {
  finishBulkSend,
  insertBulkSend,
  takeWaitingRecipients,
} from '../../src/db/queries/bulk.js';
import { purgeDeletedContact } from '../../src/db/queries/erasure.js';
import { purgeFinishedWork } from '../../src/db/queries/retention.js';
import {
  broadcastOptOuts,
  bulkRecipients,
  bulkSends,
  channelIdentities,
} from '../../src/db/schema/index.js';
import { addPeople, createTestClock } from '../runtime/scheduler-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';

const CIBEBER = '32.03.03.2013';
const CIANJUR_OTHER = '32.03.04.2001';
const JATENG = '33.01.01.2001';
const EVERYONE = { roles: null, regionCode: null, language: null, channel: null } as const;

describe.each(DRIVERS)('broadcast audience on %s', (driver) => {
  let db: TestDatabase;
  const clock = createTestClock();

  beforeAll(async () => {
    db = await createTestDb(driver);
    const now = clock.now();
    await addPeople(
      db.db,
      [
        { externalId: 'siti', villageCode: CIBEBER },
        { externalId: 'john', villageCode: CIANJUR_OTHER, language: 'en' },
        { externalId: 'kader', villageCode: JATENG, role: 'kader_digital' },
        { externalId: 'gone', villageCode: CIBEBER, deleted: true },
        { externalId: 'new', villageCode: CIBEBER, registered: false },
        { externalId: 'blocked', villageCode: CIBEBER, unreachable: true },
        { externalId: 'nowhere', villageCode: CIBEBER, identity: false },
        { externalId: 'quiet', villageCode: CIBEBER },
        { externalId: 'tele', villageCode: CIBEBER },
      ],
      now,
    );
    await db.db.insert(broadcastOptOuts).values({
      contactId: 'contact-quiet',
      stoppedAt: now,
      changedAt: now,
    });
    // Budi used Telegram too, later: his newest reachable identity is that one.
    clock.advance(1000);
    await db.db.insert(channelIdentities).values({
      id: 'identity-tele-telegram',
      contactId: 'contact-tele',
      channel: 'telegram',
      externalId: '777',
      createdAt: clock.now(),
    });
  });
  afterAll(() => db.close());

  it('counts everyone by channel, and those left out by reason', async () => {
    expect(await countAudience(db.db, EVERYONE)).toEqual({
      recipients: 4,
      byChannel: { test: 3, telegram: 1 },
      excluded: { gone: 1, no_consent: 1, opted_out: 1, no_address: 1, unreachable: 1 },
    });
  });

  it('narrows by region at any level, by role, by language and by channel', async () => {
    const count = async (audience: Partial<typeof EVERYONE> | object) =>
      (await countAudience(db.db, { ...EVERYONE, ...audience })).recipients;
    expect(await count({ regionCode: '32' })).toBe(3);
    expect(await count({ regionCode: '32.03.03' })).toBe(2);
    expect(await count({ regionCode: CIBEBER })).toBe(2);
    // A prefix is a whole part of the code: 32.03.0 is no kecamatan.
    expect(await count({ regionCode: '32.03.0' })).toBe(0);
    expect(await count({ regionCode: '33' })).toBe(1);
    expect(await count({ roles: ['kader_digital', 'admin'] })).toBe(1);
    expect(await count({ roles: ['warga'], language: 'en' })).toBe(1);
    expect(await count({ channel: 'telegram' })).toBe(1);
  });

  it('writes the audience as recipient rows in one statement, the left-out skipped with their reason', async () => {
    await insertBulkSend(db.db, {
      id: 'b1',
      kind: 'broadcast',
      message: { texts: [] },
      recipients: [],
      now: clock.now(),
    });
    await insertAudience(db.db, { bulkId: 'b1', audience: { ...EVERYONE, regionCode: '32' } });
    const rows = await db.db
      .select({
        contactId: bulkRecipients.contactId,
        status: bulkRecipients.status,
        reason: bulkRecipients.skipReason,
      })
      .from(bulkRecipients)
      .where(eq(bulkRecipients.bulkId, 'b1'));
    const byContact = Object.fromEntries(rows.map((r) => [r.contactId, `${r.status}:${r.reason}`]));
    expect(byContact).toEqual({
      'contact-siti': 'waiting:null',
      'contact-john': 'waiting:null',
      'contact-tele': 'waiting:null',
      'contact-gone': 'skipped:gone',
      'contact-new': 'skipped:no_consent',
      'contact-blocked': 'skipped:unreachable',
      'contact-nowhere': 'skipped:no_address',
      'contact-quiet': 'skipped:opted_out',
    });
  });

  // bulk_recipients has no foreign keys (they cost as much as the rest of the insert).
  it('loses the rows of a purged tombstone and of a send purged by retention', async () => {
    const ofSend = async (bulkId: string) =>
      (
        await db.db
          .select({ contactId: bulkRecipients.contactId })
          .from(bulkRecipients)
          .where(eq(bulkRecipients.bulkId, bulkId))
      ).map((r) => r.contactId);
    expect(await purgeDeletedContact(db.db, { contactId: 'contact-gone' })).toBe(true);
    expect(await ofSend('b1')).not.toContain('contact-gone');
    await finishBulkSend(db.db, { bulkId: 'b1', now: clock.now() });
    await purgeFinishedWork(db.db, { before: new Date(clock.now().getTime() + 1), limit: 10 });
    expect(await db.db.select().from(bulkSends).where(eq(bulkSends.id, 'b1'))).toEqual([]);
    expect(await ofSend('b1')).toEqual([]);
  });

  it('hands the feeder a waiting row whose person is gone altogether as not eligible', async () => {
    await insertBulkSend(db.db, {
      id: 'b2',
      kind: 'broadcast',
      message: { texts: [] },
      recipients: [{ contactId: 'contact-siti' }, { contactId: 'contact-vanished' }],
      now: clock.now(),
    });
    const taken = await takeWaitingRecipients(db.db, { bulkId: 'b2', limit: 10 });
    expect(taken.map((r) => [r.contactId, r.eligible])).toEqual([
      ['contact-siti', true],
      ['contact-vanished', false],
    ]);
  });
});
