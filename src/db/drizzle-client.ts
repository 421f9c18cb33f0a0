/**
 * The postgres.js client as drizzle gets it, tuned for a bot that runs the same few
 * statements for every message:
 *
 * - **Prepared statements.** Drizzle asks postgres.js for unnamed statements (`prepare:
 *   false`) unless a query is prepared by name, so PostgreSQL parsed and planned every
 *   statement of every message again: most of its CPU per message. Here a statement with
 *   parameters is prepared once per connection (postgres.js keeps them by their text and
 *   prepares them again after a schema change). This needs a session per client: point
 *   `DATABASE_URL` at PostgreSQL or a session-mode pooler, as the instance lock needs too.
 * - **BEGIN with the first statement.** postgres.js's `sql.begin` sends BEGIN and waits
 *   for its answer before the transaction's first statement: a round trip, a socket write
 *   and a wake-up of the server for nothing. Here BEGIN is queued on a reserved connection
 *   and the first statement follows it in the same write (postgres.js sends what is queued
 *   in one tick together); COMMIT still waits for every statement before it.
 *
 * Drizzle runs queries through `client.unsafe`, its transactions through `client.begin`
 * and, inside them, only `unsafe` and `savepoint`: what the scope given to it offers.
 */
import type postgres from 'postgres';

type Sql = postgres.Sql;
type Reserved = postgres.ReservedSql;

/** `unsafe` that prepares every statement with parameters (statements without stay simple). */
function preparing(unsafe: Sql['unsafe']): Sql['unsafe'] {
  return ((query: string, parameters?: unknown[], options?: object) =>
    unsafe(
      query,
      parameters as postgres.ParameterOrJSON<never>[],
      parameters && parameters.length > 0 ? { ...options, prepare: true } : options,
    )) as Sql['unsafe'];
}

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
  return {
    unsafe: preparing(connection.unsafe.bind(connection)),
    savepoint: savepointOn(connection, depth),
  };
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

/** `sql` as drizzle sees it: prepared statements, BEGIN with the first statement. */
export function drizzleClient(sql: Sql): Sql {
  const unsafe = preparing(sql.unsafe.bind(sql));
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === 'begin') return (fn: (scope: Scope) => unknown) => begin(target, fn);
      if (property === 'unsafe') return unsafe;
      return Reflect.get(target, property, receiver);
    },
  });
}
