import type postgres from 'postgres';

/**
 * Key of the PostgreSQL advisory lock that makes one process the only user of the
 * stored WhatsApp login (one login per database, so one key). Below 2^31, so it shows
 * in `pg_locks` as `classid = 0, objid = key, objsubid = 1`.
 */
export const WHATSAPP_ADVISORY_LOCK_KEY = 736_172_601;

/**
 * Exclusive use of the WhatsApp number. Two processes driving one number would fight
 * over its session and look like an account takeover to WhatsApp.
 */
export interface WhatsappLock {
  /** Takes the lock if free; true when this process now holds it. Never waits for it. */
  tryAcquire(): Promise<boolean>;
  /** True while the lock is still held; false once the connection holding it is gone. */
  check(): Promise<boolean>;
  /** Gives the lock back (safe when not held or when its connection is gone). */
  release(): Promise<void>;
}

/**
 * The lock for embedded PGlite: nothing to do, the data-folder lock file already
 * guarantees a single process.
 */
export const processLock: WhatsappLock = {
  tryAcquire: async () => true,
  check: async () => true,
  release: async () => {},
};

/** The server session holding the lock: its process id and start time (pids are reused). */
interface Session {
  pid: number;
  startedAt: string;
}

/**
 * A session-level advisory lock held on one reserved connection of the pool: it lasts
 * exactly as long as that connection's server session.
 *
 * The reserved connection is used for two statements only, taking and giving back the
 * lock: postgres.js 3.4 throws an uncaught TypeError (and never settles the query) when a
 * reserved connection whose socket has closed is queried, and `release()` puts such a
 * dead connection back into the pool. So whether the lock is still held is asked of the
 * pool (`pg_locks` for that session), and a connection found dead is never touched
 * again: postgres.js has already moved it to its closed connections. A session that may
 * still be alive behind a lost connection is terminated, so the lock is certainly free
 * before it is taken again.
 */
export function createAdvisoryLock(
  sql: postgres.Sql,
  key: number = WHATSAPP_ADVISORY_LOCK_KEY,
): WhatsappLock {
  let held: { connection: postgres.ReservedSql; session: Session } | undefined;
  let stale: Session | undefined;

  async function holds(session: Session): Promise<boolean> {
    const [row] = await sql<{ held: boolean }[]>`
      select exists (
        select 1 from pg_locks l join pg_stat_activity a on a.pid = l.pid
        where l.locktype = 'advisory' and l.granted
          and l.classid::bigint = 0 and l.objid::bigint = ${key}::bigint and l.objsubid = 1
          and l.pid = ${session.pid} and a.backend_start::text = ${session.startedAt}
      ) as held`;
    return row?.held === true;
  }

  async function endStale(): Promise<void> {
    if (!stale) return;
    await sql`
      select pg_terminate_backend(pid) from pg_stat_activity
      where pid = ${stale.pid} and backend_start::text = ${stale.startedAt}`;
    stale = undefined;
  }

  /** Forgets the held connection without touching it; its session is ended if alive. */
  async function abandon(): Promise<void> {
    if (held) stale = held.session;
    held = undefined;
    await endStale().catch(() => undefined);
  }

  return {
    async tryAcquire() {
      if (held) return true;
      await endStale();
      const connection = await sql.reserve();
      const [row] = await connection<{ locked: boolean; pid: number; startedAt: string }[]>`
        select pg_try_advisory_lock(${key}::bigint) as locked, pg_backend_pid() as pid,
          (select backend_start::text from pg_stat_activity where pid = pg_backend_pid())
            as "startedAt"`;
      if (row?.locked) {
        held = { connection, session: { pid: row.pid, startedAt: row.startedAt } };
        return true;
      }
      connection.release();
      return false;
    },
    async check() {
      if (!held) return false;
      const alive = await holds(held.session).catch(() => false);
      if (!alive) await abandon();
      return alive;
    },
    async release() {
      if (!held) return;
      const { connection, session } = held;
      if (!(await holds(session).catch(() => false))) return abandon();
      held = undefined;
      try {
        await connection`select pg_advisory_unlock(${key}::bigint)`;
        connection.release();
      } catch {
        stale = session;
        await endStale().catch(() => undefined);
      }
    },
  };
}
