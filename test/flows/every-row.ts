import { sql } from 'drizzle-orm';
import type { TestDatabase } from '../support/db.js';

/** Every row of every table of the app, as JSON text, by table name. */
export async function everyRow(database: TestDatabase): Promise<Record<string, string>> {
  const tables = await rowsOf<{ table_name: string }>(
    database,
    sql`select table_name from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const dump: Record<string, string> = {};
  for (const { table_name: table } of tables) {
    dump[table] = JSON.stringify(await rowsOf(database, sql.raw(`select * from "${table}"`)));
  }
  return dump;
}

/** The tables of `dump` holding `needle` (case-insensitive), with a little context. */
export function tablesHolding(dump: Record<string, string>, needle: string): string[] {
  const wanted = needle.toLowerCase();
  return Object.entries(dump).flatMap(([table, rows]) => {
    const at = rows.toLowerCase().indexOf(wanted);
    return at < 0 ? [] : [`${table}: …${rows.slice(Math.max(0, at - 80), at + 80)}…`];
  });
}

async function rowsOf<T = Record<string, unknown>>(
  database: TestDatabase,
  query: ReturnType<typeof sql>,
): Promise<T[]> {
  const result = (await database.db.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}
