import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../../src/core/messages.js';
import type { Db } from '../../src/db/client.js';
import { enqueueMessages } from '../../src/db/queries/outbox.js';
import { contacts, outbox } from '../../src/db/schema/index.js';
import { createSentMarks } from '../../src/runtime/sent-marks.js';
import { createTestDb, type TestDatabase } from '../support/db.js';
import { createTestClock } from '../support/harness.js';

const clock = createTestClock();
let database: TestDatabase;
let ids: number[];

/** `db` with its UPDATE statements counted (and failing when `fail` is set). */
function counting(db: Db, options: { fail?: boolean } = {}) {
  const seen = { updates: 0 };
  const proxy = new Proxy(db, {
    get(target, property, receiver) {
      if (property === 'update') {
        seen.updates += 1;
        if (options.fail) throw new Error('database gone');
      }
      return Reflect.get(target, property, receiver);
    },
  });
  return { db: proxy, seen };
}

beforeAll(async () => {
  database = await createTestDb();
  const now = clock.now();
  await database.db
    .insert(contacts)
    .values({ id: 'c1', language: 'id', createdAt: now, updatedAt: now });
  await enqueueMessages(database.db, {
    contactId: 'c1',
    channel: 'test',
    externalId: 'c1',
    messages: Array.from({ length: 30 }, (_, n) => ({
      texts: [t('common:list', { items: `${n}` })],
    })),
    now,
  });
  ids = (await database.db.select({ id: outbox.id }).from(outbox)).map((row) => row.id);
});

afterAll(() => database.close());

describe('recording sent messages', () => {
  it('writes the marks made while a write runs in one statement, each resolved once committed', async () => {
    const { db, seen } = counting(database.db);
    const mark = createSentMarks({ db, clock });
    const [first = 0, ...rest] = ids.slice(0, 20);
    await Promise.all([mark(first), ...rest.map((id) => mark(id))]);
    // The first mark writes at once; the 19 made meanwhile go together in the next write.
    expect(seen.updates).toBe(2);
    const rows = await database.db
      .select({ status: outbox.status, sentAt: outbox.sentAt })
      .from(outbox)
      .where(inArray(outbox.id, ids.slice(0, 20)));
    expect(rows.every((row) => row.status === 'sent' && row.sentAt !== null)).toBe(true);
  });

  it('writes a lone mark at once, without waiting for company', async () => {
    const { db, seen } = counting(database.db);
    const mark = createSentMarks({ db, clock });
    await mark(ids[20] as number);
    await mark(ids[21] as number);
    expect(seen.updates).toBe(2);
  });

  it('rejects every mark of a write that failed, and writes the next ones again', async () => {
    const failing = counting(database.db, { fail: true });
    const mark = createSentMarks({ db: failing.db, clock });
    const marks = ids.slice(22, 25).map((id) => mark(id));
    for (const result of await Promise.allSettled(marks)) expect(result.status).toBe('rejected');
    const rows = await database.db
      .select({ status: outbox.status })
      .from(outbox)
      .where(inArray(outbox.id, ids.slice(22, 25)));
    expect(rows.every((row) => row.status === 'pending')).toBe(true);
  });
});
