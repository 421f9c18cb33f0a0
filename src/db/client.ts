import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { DatabaseError } from '../errors.js';
import { PROJECT_ROOT } from '../project-root.js';
import { drizzleClient } from './drizzle-client.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { statementCounting } from './statement-count.js';

/** The database or a transaction on it: queries accept either. */
export type Db = PgDatabase<PgQueryResultHKT>;

/** The folder of drizzle-kit migrations shipped with the app. */
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'drizzle');

const POSTGRES_POOL_SIZE = 10;
/**
 * PGlite's buffer cache. PostgreSQL's default (128MB) is sized for a server; the embedded
 * database holds one village's trial data, and its WebAssembly memory never shrinks: 32MB
 * keeps an opened database at about 250 MB resident instead of 355 MB.
 */
const PGLITE_SHARED_BUFFERS = '32MB';

/** An open database with its driver's own handles for health checks and shutdown. */
export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Resolves when a trivial query answers; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance (embedded only), for tests that dump or inspect it. */
  pglite?: PGlite;
  /** The postgres.js client (server only), for reserved connections. */
  sql?: postgres.Sql;
  /**
   * Opens another client to the same server (server only) with one connection that is
   * never recycled, for session state such as an advisory lock that must last exactly as
   * long as this process: `onclose` is told when that connection closes, `connection`
   * adds startup parameters. The caller ends it.
   */
  openSession?: (options: {
    onclose: () => void;
    connection?: Record<string, string | number>;
  }) => postgres.Sql;
}

/** Where and how to open the database. */
export type DatabaseOptions =
  | { driver: 'postgres'; url: string }
  | { driver: 'pglite'; dataDir: string }
  | { driver: 'pglite'; memory: true; loadDataDir?: Blob | File };

/**
 * Opens the database and applies pending migrations. Embedded PGlite takes a lock
 * file beside its folder first: a second process on the same folder stops here.
 */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  try {
    const database =
      options.driver === 'postgres' ? openPostgres(options.url) : await openPglite(options);
    await migrateDatabase(database);
    return database;
  } catch (error) {
    if (error instanceof DatabaseError) throw error;
    throw new DatabaseError(`database could not be opened: ${describe(error)}`, { cause: error });
  }
}

/** Applies every migration not yet applied; safe to call on every start. */
export async function migrateDatabase(database: Database): Promise<void> {
  const config = { migrationsFolder: MIGRATIONS_DIR };
  if (database.pglite) {
    const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
    const { migrate: migratePglite } = await import('drizzle-orm/pglite/migrator');
    await migratePglite(drizzlePglite({ client: database.pglite }), config);
  } else if (database.sql) {
    await migratePostgres(drizzlePostgres({ client: database.sql }), config);
  }
}

function openPostgres(url: string): Database {
  // Counts statements only for the comparison bench (BENCH_COUNT_SQL); nothing otherwise.
  const counting = statementCounting();
  const sql = postgres(url, { max: POSTGRES_POOL_SIZE, onnotice: () => {}, ...counting });
  return {
    db: drizzlePostgres({ client: drizzleClient(sql) }) as unknown as Db,
    driver: 'postgres',
    sql,
    openSession: ({ onclose, connection }) =>
      postgres(url, {
        max: 1,
        max_lifetime: null,
        onnotice: () => {},
        onclose,
        connection,
        ...counting,
      }),
    ping: async () => {
      await sql`select 1`;
    },
    close: () => sql.end({ timeout: 5 }),
  };
}

async function openPglite(
  options: { dataDir: string } | { memory: true; loadDataDir?: Blob | File },
): Promise<Database> {
  // Loaded only when embedded: PGlite costs ~40 MB and its import a third of a second.
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle: drizzlePglite } = await import('drizzle-orm/pglite');
  let lock: DataDirLock | undefined;
  let client: PGlite;
  const startParams = [
    ...PGlite.defaultStartParams,
    '-c',
    `shared_buffers=${PGLITE_SHARED_BUFFERS}`,
  ];
  if ('dataDir' in options) {
    fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
    lock = acquireDataDirLock(`${options.dataDir}.lock`);
    try {
      client = await PGlite.create({ dataDir: options.dataDir, startParams });
    } catch (error) {
      lock.release();
      throw error;
    }
  } else {
    client = await PGlite.create(
      options.loadDataDir ? { loadDataDir: options.loadDataDir, startParams } : { startParams },
    );
  }
  return {
    db: drizzlePglite({ client }) as unknown as Db,
    driver: 'pglite',
    pglite: client,
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      try {
        if (!client.closed) await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
