import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../../src/db/client.js';

/** Scratch folder of the test suite (git-ignored). */
export const CACHE_DIR = path.resolve('.test-cache');

/** Changes whenever a migration file changes, so a stale dump is never reused. */
export function migrationsFingerprint(): string {
  const hash = crypto.createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_DIR).sort()) {
    if (file.endsWith('.sql'))
      hash.update(file).update(fs.readFileSync(path.join(MIGRATIONS_DIR, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The migrated template database of this run (one per vitest process). */
export function templateDatabaseName(): string {
  return `sapa_tpl_${process.pid}`;
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
