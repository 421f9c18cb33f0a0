import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import {
  CACHE_DIR,
  migrationsFingerprint,
  templateDatabaseName,
  withDatabase,
} from './db-shared.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    postgresTemplate: string | null;
  }
}

/**
 * Migrates once per run: a PGlite data-folder dump every test file starts from, and,
 * with TEST_DATABASE_URL, a template database each test file clones.
 */
export default async function setup(project: TestProject) {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const dumpPath = path.join(CACHE_DIR, `pglite-${migrationsFingerprint()}.tar`);
  if (!fs.existsSync(dumpPath)) {
    const database = await openDatabase({ driver: 'pglite', memory: true });
    const dump = await database.pglite?.dumpDataDir('none');
    await database.close();
    if (!dump) throw new Error('PGlite dump failed');
    const partial = `${dumpPath}.${process.pid}`;
    fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    fs.renameSync(partial, dumpPath);
  }
  project.provide('pgliteDumpPath', dumpPath);

  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    console.warn(
      '\n[sapa-desa] TEST_DATABASE_URL is not set: tests run on PGlite only and the PostgreSQL-only tests are skipped.\n',
    );
    project.provide('postgresTemplate', null);
    return;
  }
  const template = templateDatabaseName();
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${template}`);
  await admin.unsafe(`create database ${template}`);
  const templateDb = await openDatabase({ driver: 'postgres', url: withDatabase(url, template) });
  await templateDb.close();
  project.provide('postgresTemplate', template);

  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${template}%`}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`drop database if exists ${datname} with (force)`);
    }
    await admin.end();
  };
}
