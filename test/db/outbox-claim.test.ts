/**
 * A sender claims only the oldest open messages of a person, with none missing between
 * them: when another sender holds row locks in the middle (two scans with SKIP LOCKED
 * interleaved), the newer rows past them wait (src/db/queries/outbox.ts).
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/messages.js';
import { claimContactMessages, enqueueMessages } from '../../src/db/queries/outbox.js';
import { contacts, outbox } from '../../src/db/schema/index.js';
import { createTestDb, NO_POSTGRES, type TestDatabase } from '../support/db.js';

const now = new Date('2026-11-28T08:00:00Z');
const leaseUntil = new Date('2026-11-28T08:01:00Z');

describe.skipIf(NO_POSTGRES)('claiming a person’s messages beside another sender', () => {
  let database: TestDatabase;
  let ids: number[];
  beforeAll(async () => {
    database = await createTestDb('postgres');
    await database.db
      .insert(contacts)
      .values({ id: 'ani', language: 'id', createdAt: now, updatedAt: now });
    const messages = Array.from({ length: 23 }, (_, n) => ({
      texts: [t('common:list', { items: `ani-${n + 1}` })],
    }));
    await enqueueMessages(database.db, {
      contactId: 'ani',
      channel: 'test',
      externalId: 'ani',
      messages,
      now,
    });
    const rows = await database.db
      .select({ id: outbox.id })
      .from(outbox)
      .where(eq(outbox.contactId, 'ani'))
      .orderBy(asc(outbox.id));
    ids = rows.map((row) => row.id);
  });
  afterAll(() => database.close());

  it('takes the first message only while another sender holds the 2nd to the 21st', async () => {
    const sql = database.sql;
    if (!sql) throw new Error('PostgreSQL only');
    const other = await sql.reserve();
    try {
      await other.unsafe('begin');
      const held = ids.slice(1, 21);
      await other.unsafe('select id from outbox where id = any($1::int[]) for update', [held]);
      const claimed = await claimContactMessages(database.db, {
        contactId: 'ani',
        now,
        leaseUntil,
        limit: 20,
        claimer: null,
      });
      expect(claimed.map((row) => row.id)).toEqual([ids[0]]);
    } finally {
      await other.unsafe('rollback');
      other.release();
    }
  });
});
