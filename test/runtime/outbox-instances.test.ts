import { eq } from 'drizzle-orm';
import type postgres from 'postgres';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderNumberedText } from '../../src/channels/text-render.js';
import { type Outbound, t } from '../../src/core/messages.js';
import { type Database, openDatabase } from '../../src/db/client.js';
import {
  acquireInstanceLock,
  INSTANCE_LOCK_CLASS,
  type InstanceLock,
} from '../../src/db/instance-lock.js';
import { enqueueMessages } from '../../src/db/queries/outbox.js';
import { contacts, outbox } from '../../src/db/schema/index.js';
import { createTranslator, type Translator } from '../../src/i18n.js';
import {
  createOutboxSender,
  OUTBOX_CLAIM_BATCH,
  OUTBOX_LEASE_MS,
  type OutboxSender,
} from '../../src/runtime/outbox-sender.js';
import { createTestDb, NO_POSTGRES, TEST_DATABASE_URL } from '../support/db.js';
import { withDatabase } from '../support/db-shared.js';
import {
  createRecordingChannel,
  createTestClock,
  type RecordingChannel,
  silentLogger,
  type TestClock,
} from '../support/harness.js';

/**
 * Two processes sharing one PostgreSQL database, each with its own pool, instance lock,
 * sender and channel. A "killed" process is one whose lock session the server ended while
 * its sends hang for ever: it never sends again and never records anything.
 */
interface Process {
  database: Database;
  lock: InstanceLock;
  channel: RecordingChannel;
  sender: OutboxSender;
}

let translator: Translator;
let clock: TestClock;
let opened: Database[] = [];
let locks: InstanceLock[] = [];
beforeAll(async () => {
  translator = await createTranslator('id');
});
afterEach(async () => {
  for (const lock of locks) await lock.release();
  for (const database of opened) await database.close();
  locks = [];
  opened = [];
});

/** A fresh database, and a way to start processes on it. */
async function sharedDatabase() {
  clock = createTestClock();
  const first = await createTestDb('postgres');
  opened.push(first);
  const [row] = await (first.sql as postgres.Sql)<{ name: string }[]>`
    select current_database() as name`;
  const url = withDatabase(TEST_DATABASE_URL as string, row?.name as string);
  let firstTaken = false;
  return async (): Promise<Process> => {
    let database = first;
    if (firstTaken) {
      database = await openDatabase({ driver: 'postgres', url });
      opened.unshift(database);
    }
    firstTaken = true;
    const lock = await acquireInstanceLock(
      database.openSession as NonNullable<Database['openSession']>,
    );
    locks.push(lock);
    const channel = createRecordingChannel();
    const sender = createOutboxSender({
      db: database.db,
      translator,
      clock,
      logger: silentLogger,
      channels: new Map([[channel.name, channel]]),
      instance: lock,
    });
    return { database, lock, channel, sender };
  };
}

/** Queues `count` numbered messages (`<contact>-<n>`) for each contact. */
async function queue(database: Database, contactIds: string[], count: number): Promise<void> {
  const now = clock.now();
  for (const id of contactIds) {
    await database.db
      .insert(contacts)
      .values({ id, language: 'id', createdAt: now, updatedAt: now });
    const messages: Outbound[] = Array.from({ length: count }, (_, n) => ({
      texts: [t('common:list', { items: `${id}-${n + 1}` })],
    }));
    await enqueueMessages(database.db, {
      contactId: id,
      channel: 'test',
      externalId: id,
      messages,
      now,
    });
  }
}

/** Sends that never return, as in a process killed mid-send. */
function hangSends(channel: RecordingChannel): void {
  channel.send = () => new Promise<never>(() => {});
}

/** Each send waits until released by `finishNext`, one at a time, in order. */
function holdSends(channel: RecordingChannel): { finishNext(): Promise<void> } {
  const original = channel.send;
  const waiting: (() => void)[] = [];
  channel.send = (externalId, message) =>
    new Promise((resolve) => {
      waiting.push(() => resolve(original(externalId, message)));
    });
  return {
    async finishNext() {
      await until(() => waiting.length > 0, 'a send');
      waiting.shift()?.();
    },
  };
}

async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`${what}: not reached`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Resolves once `count` of the outbox's messages are claimed. */
async function claimed(database: Database, count: number): Promise<void> {
  const sending = () => database.db.select().from(outbox).where(eq(outbox.status, 'sending'));
  await until(async () => (await sending()).length >= count, `${count} messages claimed`);
}

/** Ends the lock's session on the server, as when the process's connection dies. */
async function kill(process: Process, other: Process): Promise<void> {
  const id = process.lock.held();
  await (other.database.sql as postgres.Sql)`
    select pg_terminate_backend(pid) from pg_locks
    where locktype = 'advisory' and objsubid = 2
      and classid::bigint = ${INSTANCE_LOCK_CLASS} and objid::bigint = ${id ?? -1}`;
  await until(() => process.lock.held() === undefined, 'the lock seen lost');
}

async function rows(database: Database) {
  return database.db.select().from(outbox).orderBy(outbox.id);
}

const texts = (...processes: Process[]) =>
  processes.flatMap((p) => p.channel.sent.map((s) => s.text)).sort();

describe.skipIf(NO_POSTGRES)('outbox senders of several processes on PostgreSQL', () => {
  it("takes a dead process's claims back at the next sweep, without waiting for the lease", async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    await queue(a.database, ['ani'], 1);
    hangSends(a.channel);
    void a.sender.flushContact('ani');
    await claimed(a.database, 1);
    const [row] = await rows(a.database);
    expect(row).toMatchObject({ status: 'sending', claimedBy: a.lock.held() });
    await b.sender.sweep();
    expect(b.channel.sent).toEqual([]);
    await kill(a, b);
    await b.sender.sweep();
    expect(texts(a, b)).toEqual(['ani-1']);
    expect((await rows(b.database)).map((r) => r.status)).toEqual(['sent']);
  });

  it("never takes a live process's claims, even past the lease while it renews them", async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    await queue(a.database, ['ani'], 2);
    const held = holdSends(a.channel);
    const flushing = a.sender.flushContact('ani');
    await claimed(a.database, 2);
    for (let minute = 0; minute < 3; minute += 1) {
      clock.advance(OUTBOX_LEASE_MS);
      await a.sender.renewClaims();
      await b.sender.sweep();
    }
    expect(b.channel.sent).toEqual([]);
    await held.finishNext();
    await held.finishNext();
    await flushing;
    await b.sender.sweep();
    expect(texts(a, b)).toEqual(['ani-1', 'ani-2']);
    expect(b.channel.sent).toEqual([]);
  });

  it('renews only what its running flushes hold: a claim a failed flush left still ends with its lease', async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    await queue(a.database, ['ani', 'budi'], 1);
    hangSends(a.channel);
    void a.sender.flushContact('ani');
    await claimed(a.database, 1);
    // Budi's message as a flush that failed midway leaves it: claimed by `a`, held by nothing.
    await a.database.db
      .update(outbox)
      .set({
        status: 'sending',
        claimedBy: a.lock.held(),
        claimedUntil: new Date(clock.now().getTime() + OUTBOX_LEASE_MS),
      })
      .where(eq(outbox.externalId, 'budi'));
    clock.advance(OUTBOX_LEASE_MS);
    await a.sender.renewClaims();
    await b.sender.sweep();
    expect(texts(b)).toEqual(['budi-1']);
  });

  it('falls back on the lease when a live process stops renewing (it hangs)', async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    await queue(a.database, ['ani'], 1);
    hangSends(a.channel);
    void a.sender.flushContact('ani');
    await claimed(a.database, 1);
    clock.advance(OUTBOX_LEASE_MS - 1);
    await b.sender.sweep();
    expect(b.channel.sent).toEqual([]);
    clock.advance(1);
    await b.sender.sweep();
    expect(texts(b)).toEqual(['ani-1']);
  });

  it('a process that lost its lock stops sending what it claimed; the other sends it once', async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    await queue(a.database, ['ani'], 3);
    const held = holdSends(a.channel);
    const flushing = a.sender.flushContact('ani');
    await claimed(a.database, 3);
    await kill(a, b);
    // The send in flight when the lock was lost ends; nothing after it is sent by `a`.
    await held.finishNext();
    await flushing;
    expect(texts(a)).toEqual(['ani-1']);
    await b.sender.sweep();
    expect(texts(b)).toEqual(['ani-2', 'ani-3']);
  });

  it('two live processes sending to the same people at once deliver each message once, in order', async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    const perPerson = OUTBOX_CLAIM_BATCH + 3;
    await queue(a.database, people, perPerson);
    const delivered: string[] = [];
    for (const p of [a, b]) {
      const original = p.channel.send;
      p.channel.send = async (externalId, message) => {
        await new Promise((resolve) => setImmediate(resolve));
        const result = await original(externalId, message);
        delivered.push(renderNumberedText(message));
        return result;
      };
    }
    await Promise.all([
      a.sender.sweep(),
      b.sender.sweep(),
      ...people.map((p) => a.sender.flushContact(p)),
      ...[...people].reverse().map((p) => b.sender.flushContact(p)),
    ]);
    expect(a.channel.sent.length).toBeGreaterThan(0);
    expect(b.channel.sent.length).toBeGreaterThan(0);
    for (const p of people) {
      expect(delivered.filter((text) => text.startsWith(`${p}-`))).toEqual(
        Array.from({ length: perPerson }, (_, n) => `${p}-${n + 1}`),
      );
    }
    expect((await rows(a.database)).every((r) => r.status === 'sent')).toBe(true);
  });

  it('when one of two is killed holding the claims of many people, the other sends each once', async () => {
    const start = await sharedDatabase();
    const a = await start();
    const b = await start();
    const people = Array.from({ length: 30 }, (_, i) => `p${i}`);
    await queue(a.database, people, 3);
    hangSends(a.channel);
    for (const p of people) void a.sender.flushContact(p);
    await claimed(a.database, people.length * 3);
    await b.sender.sweep();
    expect(b.channel.sent).toEqual([]);
    await kill(a, b);
    await b.sender.sweep();
    expect(texts(b)).toEqual(people.flatMap((p) => [`${p}-1`, `${p}-2`, `${p}-3`]).sort());
    expect((await rows(b.database)).every((r) => r.status === 'sent')).toBe(true);
  });
});
