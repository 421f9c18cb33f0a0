/**
 * The postgres.js client drizzle gets (src/db/drizzle-client.ts): statements with
 * parameters are prepared, and transactions send BEGIN with their first statement. They
 * must still be transactions, whole or not at all, with savepoints, and give their
 * connection back however they end.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordInbound } from '../../src/db/queries/conversations.js';
import { rowsOf } from '../../src/db/rows.js';
import { inboundMessages } from '../../src/db/schema/index.js';
import { createTestDb, NO_POSTGRES, type TestDatabase } from '../support/db.js';

const now = new Date('2026-11-28T08:00:00Z');
const record = (messageId: string) => ({ channel: 'test', messageId, now });

describe.skipIf(NO_POSTGRES)('transactions with BEGIN sent along (PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDb('postgres');
  });
  afterAll(() => database.close());

  async function recorded(messageId: string): Promise<boolean> {
    const rows = await database.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.messageId, messageId));
    return rows.length > 0;
  }

  it('keeps what it wrote hidden until COMMIT, then keeps it', async () => {
    await database.db.transaction(async (tx) => {
      await recordInbound(tx, record('a'));
      expect(await recorded('a')).toBe(false);
    });
    expect(await recorded('a')).toBe(true);
  });

  it('runs its first statement inside the transaction', async () => {
    const times = await database.db.transaction(async (tx) => {
      const first = await rowsOf<{ at: string }>(tx, sql`select now()::text as at`);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = await rowsOf<{ at: string }>(tx, sql`select now()::text as at`);
      return [first[0]?.at, second[0]?.at];
    });
    // now() is the start of the transaction: the same in both only inside one.
    expect(times[0]).toBeDefined();
    expect(times[1]).toBe(times[0]);
  });

  it('prepares a statement with parameters, once on its connection', async () => {
    const prepared = await database.db.transaction(async (tx) => {
      await recordInbound(tx, record('p1'));
      await recordInbound(tx, record('p2'));
      return rowsOf<{ n: number }>(
        tx,
        sql`select count(*)::int as n from pg_prepared_statements
          where statement like ${'insert into "inbound_messages"%'}`,
      );
    });
    expect(prepared[0]?.n).toBe(1);
  });

  it('leaves nothing when the work throws', async () => {
    const failed = database.db.transaction(async (tx) => {
      await recordInbound(tx, record('b'));
      throw new Error('bug');
    });
    await expect(failed).rejects.toThrow('bug');
    expect(await recorded('b')).toBe(false);
  });

  it('rolls back to a savepoint and goes on', async () => {
    await database.db.transaction(async (tx) => {
      await recordInbound(tx, record('c1'));
      const inner = tx.transaction(async (sp) => {
        await recordInbound(sp, record('c2'));
        throw new Error('inner');
      });
      await expect(inner).rejects.toThrow('inner');
      await tx.transaction((sp) => recordInbound(sp, record('c3')));
    });
    expect([await recorded('c1'), await recorded('c2'), await recorded('c3')]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('gives its connection back when a statement fails, more times than the pool holds', async () => {
    for (let i = 0; i < 15; i++) {
      const failed = database.db.transaction((tx) => tx.execute(sql`select * from no_such_table`));
      await expect(failed).rejects.toThrow();
    }
    const many = Array.from({ length: 25 }, (_, i) =>
      database.db.transaction((tx) => recordInbound(tx, record(`d${i}`))),
    );
    expect(await Promise.all(many)).toEqual(Array.from({ length: 25 }, () => true));
  });
});
