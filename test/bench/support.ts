import crypto from 'node:crypto';
import postgres from 'postgres';
import { type Database, openDatabase } from '../../src/db/client.js';
import { withDatabase } from '../support/db-shared.js';

/** Where a bench runs: PGlite in memory, or a PostgreSQL server named by `url`. */
export interface BenchDatabaseOptions {
  driver: 'pglite' | 'postgres';
  url?: string;
}

/** A fresh, empty PostgreSQL database on a server: its URL, and `drop` to throw it away. */
export interface FreshPostgresDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named, empty database on the server of `url`. `label` names the
 * bench in the database name, so a leftover tells which bench left it.
 */
export async function createFreshPostgresDatabase(
  url: string,
  label: string,
): Promise<FreshPostgresDatabase> {
  const name = `sapa_${label}_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  return {
    url: withDatabase(url, name),
    drop: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/**
 * PGlite in memory, or a fresh database created on the given server and dropped again
 * on `close`; migrated either way.
 */
export async function openFreshDatabase(
  options: BenchDatabaseOptions,
  label: string,
): Promise<Database> {
  if (options.driver === 'pglite') return openDatabase({ driver: 'pglite', memory: true });
  if (!options.url) throw new Error(`the postgres ${label} bench needs a server url`);
  const fresh = await createFreshPostgresDatabase(options.url, label);
  const database = await openDatabase({ driver: 'postgres', url: fresh.url }).catch(
    async (error: unknown) => {
      await fresh.drop();
      throw error;
    },
  );
  return {
    ...database,
    close: async () => {
      try {
        await database.close();
      } finally {
        await fresh.drop();
      }
    },
  };
}

/** The value at `share` (0–1) of an ascending list; 0 for an empty one. */
export function percentile(sorted: number[], share: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)] ?? 0;
}
