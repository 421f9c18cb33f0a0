import type { Outbound } from '../core/messages.js';
import type { Clock } from '../core/ports.js';
import type { Db } from '../db/client.js';
import type { InstanceLock } from '../db/instance-lock.js';
import { getContact, setIdentityReachability } from '../db/queries/contacts.js';
import { purgeDeletedContact } from '../db/queries/erasure.js';
import {
  type Claimer,
  claimContactMessages,
  contactsWithDueMessages,
  failPendingForAddress,
  markFailed,
  markRetry,
  type OutboxRow,
  reclaimAbandoned,
  releaseClaims,
  renewClaims,
} from '../db/queries/outbox.js';
import type { Translator } from '../i18n.js';
import type { Logger } from '../logger.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createSentMarks } from './sent-marks.js';
import type { RuntimeChannel, SendResult } from './types.js';

/** How often the sweeper looks for messages left unsent or due for a retry. */
export const OUTBOX_SWEEP_INTERVAL_MS = 5_000;
/**
 * How long claimed messages stay claimed without news of their sender: a sender holding an
 * instance lock renews the lease of what it is sending every {@link OUTBOX_LEASE_RENEW_MS};
 * one without (embedded PGlite) keeps its claims this long.
 */
export const OUTBOX_LEASE_MS = 60_000;
/** How often a sender with an instance lock extends the lease of the messages it is sending. */
export const OUTBOX_LEASE_RENEW_MS = 20_000;
/** Messages claimed at once per contact. */
export const OUTBOX_CLAIM_BATCH = 20;
/** Contacts with due messages read at once by a sweep. */
export const OUTBOX_SWEEP_CONTACTS = 200;
/** Contacts a sweep sends to at once: enough to keep a channel's pace busy while sends wait. */
export const OUTBOX_SWEEP_CONCURRENCY = 16;
/** Pages of due contacts one sweep goes through before leaving the rest to the next. */
export const OUTBOX_SWEEP_ROUNDS = 10;
/** Attempts after which a message is given up and recorded as failed. */
export const SEND_MAX_ATTEMPTS = 8;
/** First retry delay; doubled per attempt up to {@link SEND_RETRY_MAX_MS}. */
export const SEND_RETRY_BASE_MS = 2_000;
/** Longest wait between two attempts. */
export const SEND_RETRY_MAX_MS = 10 * 60_000;

/** The part of the runtime that delivers outbox rows through the channels. */
export interface OutboxSender {
  /** Sends the contact's due messages in order; resolves when done or blocked by a retry. */
  flushContact(contactId: string): Promise<void>;
  /**
   * Sends messages already claimed by `claimer` when they were written (the replies of a
   * person's message: see `closeTurn`), in order, in the contact's turn with the other
   * sends. `purge`: the person deleted their data; their tombstone goes once this is sent.
   */
  sendClaimed(
    contactId: string,
    rows: OutboxRow[],
    options: { language: string; claimer: Claimer; purge?: boolean },
  ): Promise<void>;
  /**
   * Flushes every contact with due messages, without taking back anyone's claims: for
   * what actions and jobs just wrote for other people.
   */
  flushDue(): Promise<void>;
  /**
   * Takes back the claims of senders that are gone (instance lock free, or lease past) and
   * flushes every contact with due messages.
   */
  sweep(): Promise<void>;
  /**
   * Extends the lease of the messages this sender's running flushes claimed (with an
   * instance lock only); runs every {@link OUTBOX_LEASE_RENEW_MS} once started.
   */
  renewClaims(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Delay before retry number `attempt` (1-based), exponential and capped. */
export function retryDelayMs(attempt: number): number {
  return Math.min(SEND_RETRY_MAX_MS, SEND_RETRY_BASE_MS * 2 ** Math.max(0, attempt - 1));
}

/** Builds the sender over the runtime's channels (looked up at send time). */
export function createOutboxSender(deps: {
  db: Db;
  translator: Translator;
  clock: Clock;
  logger: Logger;
  channels: Map<string, RuntimeChannel>;
  /**
   * True when no other process can be sending (embedded PGlite behind its lock file):
   * messages a dead process held are then taken back at start without waiting for the lease.
   */
  exclusive?: boolean;
  /**
   * This process's instance lock (PostgreSQL): claims carry its id, and are taken back by
   * any sender's sweep as soon as the lock is free, that is when this process is gone.
   * Without one, claims carry no id and end only with their lease.
   */
  instance?: InstanceLock;
}): OutboxSender {
  const queue = createKeyedQueue();
  const markSent = createSentMarks(deps);
  let timer: NodeJS.Timeout | undefined;
  let renewTimer: NodeJS.Timeout | undefined;
  /**
   * Ids of the messages claimed and not yet recorded by a flush running now: the only ones
   * renewed, so a claim a failed flush left behind still ends with its lease.
   */
  const holding = new Set<number>();
  let stopped = false;

  async function deliver(row: OutboxRow, language: string): Promise<SendResult> {
    const channel = deps.channels.get(row.channel);
    if (!channel) return { type: 'retry', error: `channel ${row.channel} is not running` };
    try {
      const outbound = row.message as Outbound;
      const rendered = deps.translator.render(outbound, language);
      const context = { outboxId: row.id, outbound, priority: row.priority };
      return await channel.send(row.externalId, rendered, context);
    } catch (error) {
      return { type: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
  }

  /**
   * Applies one result other than sent (the rows sent before it were recorded); returns
   * false when later messages must wait.
   */
  async function record(
    row: OutboxRow,
    result: Exclude<SendResult, { type: 'sent' }>,
    claimer: Claimer,
  ): Promise<boolean> {
    const now = deps.clock.now();
    const log = deps.logger.child({
      channel: row.channel,
      contactId: row.contactId,
      outboxId: row.id,
    });
    if (result.type === 'failed' || row.attempts + 1 >= SEND_MAX_ATTEMPTS) {
      log.warn({ error: result.error }, 'message given up');
      await markFailed(deps.db, { id: row.id, error: result.error });
      if (result.type === 'failed' && result.unreachable) {
        await setIdentityReachability(deps.db, { ...row, unreachableSince: now });
        await failPendingForAddress(deps.db, { ...row, error: 'unreachable' });
        return false;
      }
      return true;
    }
    const waitMs = result.afterMs ?? retryDelayMs(row.attempts + 1);
    log.info({ error: result.error, waitMs }, 'send failed; will retry');
    await markRetry(deps.db, {
      id: row.id,
      retryAt: new Date(now.getTime() + waitMs),
      error: result.error,
      claimer,
    });
    return false;
  }

  /** False once the instance lock the claims were made under is lost: they are anyone's. */
  const stillClaimed = (claimer: Claimer) => claimer === null || deps.instance?.held() === claimer;

  async function flushOnce(contactId: string): Promise<boolean> {
    const now = deps.clock.now();
    const claimer = deps.instance ? await deps.instance.current() : null;
    const rows = await claimContactMessages(deps.db, {
      contactId,
      now,
      leaseUntil: new Date(now.getTime() + OUTBOX_LEASE_MS),
      limit: OUTBOX_CLAIM_BATCH,
      claimer,
    });
    if (rows.length === 0) return false;
    const languageOf = async () => (await getContact(deps.db, { contactId }))?.language ?? 'id';
    const allSent = await sendHeld(rows, languageOf, claimer);
    return allSent && rows.length === OUTBOX_CLAIM_BATCH;
  }

  /**
   * Sends claimed rows in the contact's language, their lease renewed from the first moment
   * on; true when none had to wait.
   */
  async function sendHeld(
    rows: OutboxRow[],
    languageOf: () => Promise<string>,
    claimer: Claimer,
  ): Promise<boolean> {
    for (const row of rows) holding.add(row.id);
    try {
      return await sendInOrder(rows, await languageOf(), claimer);
    } finally {
      for (const row of rows) holding.delete(row.id);
    }
  }

  /**
   * Sends claimed messages in order until one must wait (the rest are released); true when
   * none had to.
   */
  async function sendInOrder(
    rows: OutboxRow[],
    language: string,
    claimer: Claimer,
  ): Promise<boolean> {
    for (const [index, row] of rows.entries()) {
      if (!stillClaimed(claimer)) {
        deps.logger.warn(
          { contactId: row.contactId },
          'instance lock lost: claimed messages released',
        );
        await releaseClaims(deps.db, { ids: rows.slice(index).map((r) => r.id), claimer });
        return false;
      }
      // Each one recorded as soon as it is sent: the next may wait seconds for the pace,
      // and a crash meanwhile must not send this one again.
      const result = await deliver(row, language);
      if (result.type === 'sent') {
        await markSent(row.id);
        continue;
      }
      if (!(await record(row, result, claimer))) {
        await releaseClaims(deps.db, { ids: rows.slice(index + 1).map((r) => r.id), claimer });
        return false;
      }
    }
    return true;
  }

  const flushContact = (contactId: string): Promise<void> =>
    queue.run(contactId, async () => {
      while (await flushOnce(contactId)) {
        // A full batch was sent; look for more.
      }
      // A person who deleted their data is kept only until their goodbye is sent or given up.
      await purgeDeletedContact(deps.db, { contactId });
    });

  const sendClaimed: OutboxSender['sendClaimed'] = (contactId, rows, options) =>
    queue.run(contactId, async () => {
      // What queues behind them meanwhile (a notification) is for the next flush or sweep.
      await sendHeld(rows, async () => options.language, options.claimer);
      if (options.purge) await purgeDeletedContact(deps.db, { contactId });
    });

  /**
   * Flushes the contacts with due messages, most urgent first, several at a time (the
   * channel's pace, not this loop, sets the rate); again at once while a whole page was due.
   */
  async function flushDueNow(): Promise<void> {
    for (let round = 0; round < OUTBOX_SWEEP_ROUNDS && !stopped; round += 1) {
      const due = await contactsWithDueMessages(deps.db, {
        channels: [...deps.channels.keys()],
        now: deps.clock.now(),
        limit: OUTBOX_SWEEP_CONTACTS,
      });
      // One priority after the other (replies before the bulk lane), each several at once.
      for (const priority of [...new Set(due.map((d) => d.priority))]) {
        const ids = due.filter((d) => d.priority === priority).map((d) => d.contactId);
        let next = 0;
        const worker = async () => {
          while (next < ids.length) await flushContact(ids[next++] as string);
        };
        await Promise.all(Array.from({ length: OUTBOX_SWEEP_CONCURRENCY }, worker));
      }
      if (due.length < OUTBOX_SWEEP_CONTACTS) return;
    }
  }

  async function sweepNow(atStart = false): Promise<void> {
    const now = deps.clock.now();
    const leaseEnd = atStart && deps.exclusive ? new Date(now.getTime() + OUTBOX_LEASE_MS) : now;
    const reclaimed = await reclaimAbandoned(deps.db, { now: leaseEnd });
    if (reclaimed > 0) deps.logger.warn({ reclaimed }, 'outbox messages reclaimed after a crash');
    await flushDueNow();
  }

  /**
   * One sweep or flush at a time. A call made while one runs gets one that starts after it
   * (shared by every such call, and taking claims back if any of them asked to), so what
   * became due before the call is always seen.
   */
  let running: Promise<void> | undefined;
  let next: Promise<void> | undefined;
  let nextReclaims = false;
  const sweep = (reclaim: boolean, atStart = false): Promise<void> => {
    if (running) {
      nextReclaims ||= reclaim;
      next ??= running.then(() => {
        const reclaimNext = nextReclaims;
        next = undefined;
        nextReclaims = false;
        return sweep(reclaimNext);
      });
      return next;
    }
    running = (reclaim ? sweepNow(atStart) : flushDueNow())
      .catch((error) => deps.logger.error({ err: error }, 'outbox sweep failed'))
      .finally(() => {
        running = undefined;
      });
    return running;
  };

  async function renew(): Promise<void> {
    const claimer = deps.instance?.held();
    if (claimer === undefined || holding.size === 0) return;
    const leaseUntil = new Date(deps.clock.now().getTime() + OUTBOX_LEASE_MS);
    await renewClaims(deps.db, { ids: [...holding], claimer, leaseUntil });
  }

  return {
    flushContact,
    sendClaimed,
    flushDue: () => sweep(false),
    sweep: () => sweep(true),
    renewClaims: renew,
    async start() {
      stopped = false;
      await sweep(true, true);
      timer = setInterval(() => {
        if (!stopped) void sweep(true);
      }, OUTBOX_SWEEP_INTERVAL_MS);
      timer.unref();
      if (deps.instance) {
        renewTimer = setInterval(() => {
          renew().catch((error) =>
            deps.logger.error({ err: error }, 'outbox lease renewal failed'),
          );
        }, OUTBOX_LEASE_RENEW_MS);
        renewTimer.unref();
      }
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await next;
      await running;
      await queue.drain();
      // Renewed until the last send in flight has ended.
      if (renewTimer) clearInterval(renewTimer);
    },
  };
}
