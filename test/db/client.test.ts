import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase } from '../../src/db/client.js';
import { acquireDataDirLock } from '../../src/db/lock.js';
import { contacts } from '../../src/db/schema/index.js';
import { DatabaseError } from '../../src/errors.js';
import { createTestDb, DRIVERS, NO_POSTGRES, TEST_DATABASE_URL } from '../support/db.js';
import { withDatabase } from '../support/db-shared.js';

const run = promisify(execFile);
const now = new Date('2026-01-05T03:00:00Z');

describe.each(DRIVERS)('database on %s', (driver) => {
  it('runs queries, and rolls a failed transaction back', async () => {
    const database = await createTestDb(driver);
    try {
      const { db } = database;
      await db
        .insert(contacts)
        .values({ id: 'c1', language: 'id', createdAt: now, updatedAt: now });
      await expect(
        db.transaction(async (tx) => {
          await tx.update(contacts).set({ language: 'en' }).where(eq(contacts.id, 'c1'));
          await tx
            .insert(contacts)
            .values({ id: 'c2', language: 'id', createdAt: now, updatedAt: now });
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      const rows = await db.select().from(contacts);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.language).toBe('id');
    } finally {
      await database.close();
    }
  });

  it('applies migrations again without change', async () => {
    const database = await createTestDb(driver);
    try {
      await migrateDatabase(database);
      await migrateDatabase(database);
      const count = await database.db
        .select({ n: sql<number>`count(*)::int` })
        .from(sql`drizzle.__drizzle_migrations`);
      expect(count[0]?.n).toBe(fs.readdirSync('drizzle').filter((f) => f.endsWith('.sql')).length);
    } finally {
      await database.close();
    }
  });
});

describe('embedded PGlite data folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-db-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('migrates from empty, persists, and migrates idempotently on a second start', async () => {
    const dataDir = path.join(dir, 'nested', 'pglite');
    const first = await openDatabase({ driver: 'pglite', dataDir });
    await first.db
      .insert(contacts)
      .values({ id: 'kept', language: 'en', createdAt: now, updatedAt: now });
    await first.close();
    const second = await openDatabase({ driver: 'pglite', dataDir });
    const rows = await second.db.select().from(contacts);
    await second.close();
    expect(rows.map((r) => r.id)).toEqual(['kept']);
    expect(fs.existsSync(`${dataDir}.lock`)).toBe(false);
  });

  it('refuses a second process on the same folder with a clear message', async () => {
    const dataDir = path.join(dir, 'locked');
    const lock = acquireDataDirLock(`${dataDir}.lock`);
    try {
      const child = run(process.execPath, [
        '--import',
        'tsx',
        'test/fixtures/open-data-dir.ts',
        dataDir,
      ]);
      const error = await child.then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(error?.code).not.toBe(0);
      expect(error?.stderr).toContain('the data folder is in use by another Sapa Desa process');
    } finally {
      lock.release();
    }
  });

  it('takes over a lock file left by a dead process', () => {
    const lockPath = path.join(dir, 'stale.lock');
    fs.writeFileSync(lockPath, '999999999');
    const lock = acquireDataDirLock(lockPath);
    expect(fs.readFileSync(lockPath, 'utf8')).toBe(String(process.pid));
    lock.release();
    expect(() => acquireDataDirLock(lockPath).release()).not.toThrow();
  });

  it('refuses the same folder twice in one process', () => {
    const lockPath = path.join(dir, 'twice.lock');
    const lock = acquireDataDirLock(lockPath);
    expect(() => acquireDataDirLock(lockPath)).toThrow(DatabaseError);
    lock.release();
  });
});

describe.skipIf(NO_POSTGRES)('PostgreSQL from an empty database', () => {
  it('migrates from empty and again without change', async () => {
    const url = TEST_DATABASE_URL ?? '';
    const name = `sapa_empty_${process.pid}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`drop database if exists ${name}`);
    await admin.unsafe(`create database ${name}`);
    try {
      const first = await openDatabase({ driver: 'postgres', url: withDatabase(url, name) });
      await first.close();
      const second = await openDatabase({ driver: 'postgres', url: withDatabase(url, name) });
      const rows = await second.db.select().from(contacts);
      await second.close();
      expect(rows).toEqual([]);
    } finally {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
