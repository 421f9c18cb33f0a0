import crypto from 'node:crypto';
import type postgres from 'postgres';
import { DatabaseError } from '../errors.js';

/**
 * First key of the two-key advisory locks that sending processes hold on PostgreSQL; the
 * second key is the instance id. In `pg_locks`: `classid` = this, `objid` = the id,
 * `objsubid` = 2 (the WhatsApp lock is a one-key lock, `objsubid` = 1: they never meet).
 */
export const INSTANCE_LOCK_CLASS = 736_172_602;

/** Ids are drawn from 1 to 2^31 - 1: an int4 key, positive so `pg_locks.objid` reads the same. */
const INSTANCE_ID_MAX = 2 ** 31 - 1;
/** Draws before giving up on an id no live process holds (each clash is a 1 in 2^31 chance). */
const INSTANCE_ID_DRAWS = 5;

/**
 * TCP keepalive of the lock's session, asked of the server: a process whose host vanished
 * (no FIN, no RST) loses its lock, and so its claims, after about idle + interval × count
 * = 60 s instead of the system default of two hours. Ignored over a Unix socket, where a
 * dead peer is seen at once.
 */
const LOCK_SESSION_KEEPALIVE = {
  tcp_keepalives_idle: 30,
  tcp_keepalives_interval: 10,
  tcp_keepalives_count: 3,
} as const;

/** Opens the one-connection client an {@link InstanceLock} holds its lock on. */
export type OpenSession = (options: {
  onclose: () => void;
  connection: Record<string, string | number>;
}) => postgres.Sql;

/**
 * This process's identity among the processes sharing one PostgreSQL database: an id it
 * holds a session-level advisory lock on, on a connection of its own, for its lifetime.
 * PostgreSQL drops the lock the moment that session ends (the process exited or was
 * killed, its socket closed), so "nobody holds the lock of id X" means "process X is gone":
 * what it had claimed may be taken back at once.
 */
export interface InstanceLock {
  /**
   * The id to stamp claims with: the one held, or a fresh one when the session holding
   * the last one was lost (the claims stamped with the old id are then anyone's).
   */
  current(): Promise<number>;
  /** The id held right now, or undefined once its session is gone. Synchronous. */
  held(): number | undefined;
  /** Ends the session: the lock goes with it. Call after the sender has stopped. */
  release(): Promise<void>;
}

/**
 * Takes an instance lock on a client of one connection opened by `openSession` (see
 * `Database.openSession`), not a reserved connection of the pool: postgres.js reports the
 * close of a client's connection (`onclose`), so the id is known lost at once, whereas a
 * reserved connection says nothing when its socket closes and hangs the next query on it
 * (see src/channels/whatsapp/lock.ts).
 */
export async function acquireInstanceLock(
  openSession: OpenSession,
  drawId: () => number = () => crypto.randomInt(1, INSTANCE_ID_MAX),
): Promise<InstanceLock> {
  let held: number | undefined;
  /** Counts closed connections: a lock taken on a connection that closed meanwhile is void. */
  let closes = 0;
  let taking: Promise<number> | undefined;
  const session = openSession({
    onclose: () => {
      closes += 1;
      held = undefined;
    },
    connection: { application_name: 'sapa-desa instance lock', ...LOCK_SESSION_KEEPALIVE },
  });

  async function take(): Promise<number> {
    for (let draw = 0; draw < INSTANCE_ID_DRAWS; draw += 1) {
      const id = drawId();
      const before = closes;
      const [row] = await session<{ locked: boolean }[]>`
        select pg_try_advisory_lock(${INSTANCE_LOCK_CLASS}::int, ${id}::int) as locked`;
      if (row?.locked && closes === before) return id;
    }
    throw new DatabaseError('no free instance id could be locked');
  }

  const lock: InstanceLock = {
    current() {
      if (held !== undefined) return Promise.resolve(held);
      taking ??= take()
        .then((id) => {
          held = id;
          return id;
        })
        .finally(() => {
          taking = undefined;
        });
      return taking;
    },
    held: () => held,
    async release() {
      await taking?.catch(() => undefined);
      held = undefined;
      await session.end({ timeout: 5 });
    },
  };
  try {
    await lock.current();
  } catch (error) {
    await session.end({ timeout: 0 }).catch(() => undefined);
    throw error;
  }
  return lock;
}
