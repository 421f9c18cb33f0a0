import crypto from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/db/client.js';
import { withDatabase } from '../support/db-shared.js';

/** Where a bench runs: PGlite in memory, or a PostgreSQL server named by `url`. */
export interface BenchDatabaseOptions {
  driver: 'pglite' | 'postgres';
  url?: string;
}

/**
 * PGlite in memory, or a uniquely named database created on the given server and
 * dropped again on `close`; migrated either way. `label` names the bench in the
 * database name, so a leftover tells which bench left it.
 */
export async function openFreshDatabase(
  options: BenchDatabaseOptions,
  label: string,
): Promise<Database> {
  if (options.driver === 'pglite') return openDatabase({ driver: 'pglite', memory: true });
  if (!options.url) throw new Error(`the postgres ${label} bench needs a server url`);
  const name = `sapa_${label}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(options.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const drop = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  };
  const database = await openDatabase({
    driver: 'postgres',
    url: withDatabase(options.url, name),
  }).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        await drop();
      }
    },
  };
}

/** The value at `share` (0–1) of an ascending list; 0 for an empty one. */
export function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}
