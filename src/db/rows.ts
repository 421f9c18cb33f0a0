import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/**
 * Runs a hand-written statement and returns its rows, whichever driver runs it:
 * postgres.js answers `execute` with the rows themselves, PGlite with `{ rows }`. For the
 * few statements the query builder cannot write as one (data-modifying CTEs on the hot
 * path); everything else uses the builder.
 */
export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
