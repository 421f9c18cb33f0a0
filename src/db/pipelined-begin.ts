/**
 * Transactions on PostgreSQL whose BEGIN travels with their first statement.
 *
 * postgres.js's `sql.begin` sends BEGIN and waits for its answer before the transaction's
 * first statement: a round trip, a socket write and a wake-up of the server for nothing,
 * on every message a person sends. Here BEGIN is queued on a reserved connection and the
 * first statement follows it in the same write (postgres.js sends what is queued in one
 * tick together); COMMIT still waits for every statement before it. Drizzle runs its
 * transactions through `client.begin` and, inside them, only `unsafe` and `savepoint`, which
 * is what the scope given to it offers.
 */
import type postgres from 'postgres';

type Sql = postgres.Sql;
type Reserved = postgres.ReservedSql;

/** The part of a postgres.js transaction scope drizzle uses. */
interface Scope {
  unsafe: Sql['unsafe'];
  savepoint<T>(fn: (scope: Scope) => T | Promise<T>): Promise<T>;
}

/** Runs `fn` inside a savepoint of `connection`'s transaction, rolled back to if it throws. */
function savepointOn(connection: Reserved, depth: number) {
  return async <T>(fn: (scope: Scope) => T | Promise<T>): Promise<T> => {
    const name = `s${depth}`;
    await connection.unsafe(`savepoint ${name}`);
    try {
      const result = await fn(scopeOf(connection, depth + 1));
      await connection.unsafe(`release savepoint ${name}`);
      return result;
    } catch (error) {
      await connection.unsafe(`rollback to savepoint ${name}`);
      throw error;
    }
  };
}

function scopeOf(connection: Reserved, depth: number): Scope {
  return { unsafe: connection.unsafe.bind(connection), savepoint: savepointOn(connection, depth) };
}

/** A transaction on a connection of its own, its BEGIN sent with the first statement. */
async function begin<T>(sql: Sql, fn: (scope: Scope) => T | Promise<T>): Promise<T> {
  const connection = await sql.reserve();
  try {
    // Not awaited here: it leaves with whatever `fn` asks first. Its failure (a broken
    // connection) fails that statement too; it is awaited before COMMIT all the same.
    const begun = connection.unsafe('begin').execute();
    // Handled now, awaited below: a rejection must not count as unhandled meanwhile.
    begun.catch(() => undefined);
    let result: T;
    try {
      result = await fn(scopeOf(connection, 1));
      await begun;
    } catch (error) {
      // The connection may be gone: the server then rolls back on its own.
      await connection.unsafe('rollback').catch(() => undefined);
      throw error;
    }
    await connection.unsafe('commit');
    return result;
  } finally {
    connection.release();
  }
}

/**
 * `sql` as drizzle sees it, except that its transactions send BEGIN with their first
 * statement (see the file comment); everything else is `sql` itself.
 */
export function withPipelinedBegin(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'begin') return (fn: (scope: Scope) => unknown) => begin(target, fn);
      return Reflect.get(target, property, receiver);
    },
  });
}
