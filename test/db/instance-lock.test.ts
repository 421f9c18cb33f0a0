import type postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireInstanceLock, INSTANCE_LOCK_CLASS } from '../../src/db/instance-lock.js';
import { createTestDb, NO_POSTGRES, type TestDatabase } from '../support/db.js';

/** Instance ids whose lock a session of this database holds, from `pg_locks`. */
async function lockedIds(sql: postgres.Sql): Promise<number[]> {
  const rows = await sql<{ id: string }[]>`
    select objid::bigint as id from pg_locks
    where locktype = 'advisory' and granted and objsubid = 2
      and classid::bigint = ${INSTANCE_LOCK_CLASS}
      and database = (select oid from pg_database where datname = current_database())
    order by 1`;
  return rows.map((row) => Number(row.id));
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not reached`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe.skipIf(NO_POSTGRES)('instance lock on PostgreSQL', () => {
  let database: TestDatabase;
  let sql: postgres.Sql;
  beforeAll(async () => {
    database = await createTestDb('postgres');
    sql = database.sql as postgres.Sql;
  });
  afterAll(() => database.close());
  const open = () =>
    acquireInstanceLock(database.openSession as NonNullable<TestDatabase['openSession']>);

  it('gives each process its own id, held on a session of its own until released', async () => {
    const a = await open();
    const b = await open();
    const idA = await a.current();
    const idB = await b.current();
    expect(idA).not.toBe(idB);
    expect(a.held()).toBe(idA);
    expect(await lockedIds(sql)).toEqual([idA, idB].sort((x, y) => x - y));
    await a.release();
    expect(a.held()).toBeUndefined();
    expect(await lockedIds(sql)).toEqual([idB]);
    await b.release();
    expect(await lockedIds(sql)).toEqual([]);
  });

  it('draws again when the id drawn is held by another process', async () => {
    const a = await open();
    const taken = await a.current();
    const draws = [taken, taken, 42];
    const b = await acquireInstanceLock(
      database.openSession as NonNullable<TestDatabase['openSession']>,
      () => draws.shift() ?? 43,
    );
    expect(b.held()).toBe(42);
    expect(await lockedIds(sql)).toEqual([42, taken].sort((x, y) => x - y));
    await a.release();
    await b.release();
  });

  it('knows at once when its session ends, and takes a fresh id on a new one', async () => {
    const a = await open();
    const first = await a.current();
    // What the server does when the process's connection dies: the session ends.
    await sql`
      select pg_terminate_backend(pid) from pg_locks
      where locktype = 'advisory' and objsubid = 2
        and classid::bigint = ${INSTANCE_LOCK_CLASS} and objid::bigint = ${first}`;
    await until(() => a.held() === undefined, 'the lock known lost');
    expect(await lockedIds(sql)).toEqual([]);
    const second = await a.current();
    expect(second).not.toBe(first);
    expect(await lockedIds(sql)).toEqual([second]);
    await a.release();
  });
});
