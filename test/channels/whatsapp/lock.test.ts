import postgres from 'postgres';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  LOCK_CHECK_INTERVAL_MS,
  LOCK_RETRY_MS,
} from '../../../src/channels/whatsapp/connection.js';
import {
  createAdvisoryLock,
  WHATSAPP_ADVISORY_LOCK_KEY,
} from '../../../src/channels/whatsapp/lock.js';
import {
  createTestDb,
  NO_POSTGRES,
  TEST_DATABASE_URL,
  type TestDatabase,
} from '../../support/db.js';
import { withDatabase } from '../../support/db-shared.js';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

/** A second connection pool on the same database, as another process would have. */
async function otherProcess(db: TestDatabase): Promise<postgres.Sql> {
  const [row] = await (db.sql as postgres.Sql)<
    { name: string }[]
  >`select current_database() as name`;
  const sql = postgres(withDatabase(String(TEST_DATABASE_URL), String(row?.name)), {
    max: 2,
    onnotice: () => {},
  });
  cleanups.push(() => sql.end({ timeout: 5 }));
  return sql;
}

/** Kills the server connection that holds the WhatsApp lock, as a network cut would. */
async function cutLockConnection(sql: postgres.Sql): Promise<void> {
  await sql`
    select pg_terminate_backend(pid) from pg_locks
    where locktype = 'advisory' and objid::bigint = ${WHATSAPP_ADVISORY_LOCK_KEY}::bigint`;
}

describe.skipIf(NO_POSTGRES)('WhatsApp number lock on PostgreSQL', () => {
  it('refuses a second holder until the first releases or loses its connection', async () => {
    const db = await createTestDb('postgres');
    cleanups.push(() => db.close());
    const other = await otherProcess(db);
    const mine = createAdvisoryLock(db.sql as postgres.Sql);
    const theirs = createAdvisoryLock(other);
    cleanups.push(
      () => theirs.release(),
      () => mine.release(),
    );

    expect(await mine.tryAcquire()).toBe(true);
    expect(await theirs.tryAcquire()).toBe(false);
    expect(await mine.check()).toBe(true);
    await mine.release();
    expect(await theirs.tryAcquire()).toBe(true);
    expect(await mine.tryAcquire()).toBe(false);

    await cutLockConnection(db.sql as postgres.Sql);
    expect(await theirs.check()).toBe(false);
    expect(await mine.tryAcquire()).toBe(true);
    // The dead connection went nowhere near the pool again: every connection still answers.
    const answers = await Promise.all(Array.from({ length: 6 }, () => other`select 1 as one`));
    expect(answers.map((rows) => rows[0]?.one)).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('waits for the lock before connecting, and reconnects after losing it', async () => {
    const db = await createTestDb('postgres');
    cleanups.push(() => db.close());
    const holder = createAdvisoryLock(await otherProcess(db));
    expect(await holder.tryAcquire()).toBe(true);

    let t: WhatsappTest | undefined = await createWhatsappTest({
      db,
      lock: createAdvisoryLock(db.sql as postgres.Sql),
    });
    cleanups.push(() => t?.close() ?? Promise.resolve());
    expect(t.sockets.sockets).toHaveLength(0);
    expect(await t.wa.health()).toEqual({
      status: 'down',
      detail: 'another process uses this WhatsApp number',
    });
    expect(t.timers.waiting()).toEqual([LOCK_RETRY_MS]);

    await holder.release();
    t.timers.run();
    await vi.waitFor(() => expect(t?.sockets.sockets).toHaveLength(1));
    t.socket().open();
    expect(await t.wa.health()).toEqual({ status: 'up' });

    // The connection holding the lock dies: the socket is closed, the lock taken again.
    const first = t.socket();
    await cutLockConnection(db.sql as postgres.Sql);
    expect(t.timers.waiting()).toEqual([LOCK_CHECK_INTERVAL_MS]);
    t.timers.run();
    await vi.waitFor(() => expect(t?.sockets.sockets).toHaveLength(2));
    expect(first.ended).toBe(true);
    await t.close();
    t = undefined;
  });
});
