import crypto from 'node:crypto';
import fs from 'node:fs';
import postgres from 'postgres';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client.js';
import { withDatabase } from './db-shared.js';

/** The PostgreSQL server of this run, or undefined when tests run on PGlite only. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

/** A fresh, migrated database for one test file; `close` throws it away. */
export type TestDatabase = Database;

/**
 * Opens a fresh migrated database: PGlite loaded from the run's dump, or, with
 * TEST_DATABASE_URL, a PostgreSQL database cloned from the run's template.
 */
export async function createTestDb(
  driver: 'pglite' | 'postgres' = TEST_DATABASE_URL ? 'postgres' : 'pglite',
): Promise<TestDatabase> {
  if (driver === 'pglite') {
    const dump = fs.readFileSync(inject('pgliteDumpPath'));
    return openDatabase({ driver: 'pglite', memory: true, loadDataDir: new Blob([dump]) });
  }
  const template = inject('postgresTemplate');
  if (!TEST_DATABASE_URL || !template) throw new Error('TEST_DATABASE_URL is not set');
  const name = `${template}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name} template ${template}`);
  const database = await openDatabase({
    driver: 'postgres',
    url: withDatabase(TEST_DATABASE_URL, name),
  });
  return {
    ...database,
    close: async () => {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** Both drivers this run can test: PGlite always, PostgreSQL when configured. */
export const DRIVERS: ('pglite' | 'postgres')[] = TEST_DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/** `describe.skipIf` condition for PostgreSQL-only tests. */
export const NO_POSTGRES = !TEST_DATABASE_URL;
