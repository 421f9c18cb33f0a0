import type { Outbound } from '../core/messages.js';
import type { Clock } from '../core/ports.js';
import type { Db } from '../db/client.js';
import { getContact, setIdentityReachability } from '../db/queries/contacts.js';
import { purgeDeletedContact } from '../db/queries/erasure.js';
import {
  claimContactMessages,
  contactsWithDueMessages,
  failPendingForAddress,
  markFailed,
  markRetry,
  markSent,
  type OutboxRow,
  reclaimExpired,
  releaseClaims,
} from '../db/queries/outbox.js';
import type { Translator } from '../i18n.js';
import type { Logger } from '../logger.js';
import { createKeyedQueue } from './keyed-queue.js';
import type { RuntimeChannel, SendResult } from './types.js';

/** How often the sweeper looks for messages left unsent or due for a retry. */
export const OUTBOX_SWEEP_INTERVAL_MS = 5_000;
/** How long a sender may hold claimed messages before another may take them over. */
export const OUTBOX_LEASE_MS = 60_000;
/** Messages claimed at once per contact. */
export const OUTBOX_CLAIM_BATCH = 20;
/** Contacts flushed per sweep. */
export const OUTBOX_SWEEP_CONTACTS = 200;
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
  /** Reclaims expired claims and flushes every contact with due messages. */
  sweep(): Promise<void>;
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
}): OutboxSender {
  const queue = createKeyedQueue();
  let timer: NodeJS.Timeout | undefined;
  let sweeping: Promise<void> | undefined;
  let nextSweep: Promise<void> | undefined;
  let stopped = false;

  async function deliver(row: OutboxRow, language: string): Promise<SendResult> {
    const channel = deps.channels.get(row.channel);
    if (!channel) return { type: 'retry', error: `channel ${row.channel} is not running` };
    try {
      const rendered = deps.translator.render(row.message as Outbound, language);
      return await channel.send(row.externalId, rendered);
    } catch (error) {
      return { type: 'retry', error: error instanceof Error ? error.message : String(error) };
    }
  }

  /** Applies one send result; returns false when later messages must wait. */
  async function record(row: OutboxRow, result: SendResult): Promise<boolean> {
    const now = deps.clock.now();
    const log = deps.logger.child({
      channel: row.channel,
      contactId: row.contactId,
      outboxId: row.id,
    });
    if (result.type === 'sent') {
      await markSent(deps.db, { id: row.id, now });
      return true;
    }
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
    });
    return false;
  }

  async function flushOnce(contactId: string): Promise<boolean> {
    const now = deps.clock.now();
    const rows = await claimContactMessages(deps.db, {
      contactId,
      now,
      leaseUntil: new Date(now.getTime() + OUTBOX_LEASE_MS),
      limit: OUTBOX_CLAIM_BATCH,
    });
    if (rows.length === 0) return false;
    const contact = await getContact(deps.db, { contactId });
    const language = contact?.language ?? 'id';
    for (const [index, row] of rows.entries()) {
      const goOn = await record(row, await deliver(row, language));
      if (!goOn) {
        await releaseClaims(deps.db, { ids: rows.slice(index + 1).map((r) => r.id) });
        return false;
      }
    }
    return rows.length === OUTBOX_CLAIM_BATCH;
  }

  const flushContact = (contactId: string): Promise<void> =>
    queue.run(contactId, async () => {
      while (await flushOnce(contactId)) {
        // A full batch was sent; look for more.
      }
      // A person who deleted their data is kept only until their goodbye is sent or given up.
      await purgeDeletedContact(deps.db, { contactId });
    });

  async function sweepNow(atStart = false): Promise<void> {
    const now = deps.clock.now();
    const leaseEnd = atStart && deps.exclusive ? new Date(now.getTime() + OUTBOX_LEASE_MS) : now;
    const reclaimed = await reclaimExpired(deps.db, { now: leaseEnd });
    if (reclaimed > 0) deps.logger.warn({ reclaimed }, 'outbox messages reclaimed after a crash');
    const contactIds = await contactsWithDueMessages(deps.db, {
      channels: [...deps.channels.keys()],
      now,
      limit: OUTBOX_SWEEP_CONTACTS,
    });
    for (const contactId of contactIds) await flushContact(contactId);
  }

  /**
   * One sweep at a time. A call made while one runs gets a sweep that starts after it
   * (shared by every such call), so what became due before the call is always seen.
   */
  const sweep = (atStart = false): Promise<void> => {
    if (sweeping) {
      nextSweep ??= sweeping.then(() => {
        nextSweep = undefined;
        return sweep();
      });
      return nextSweep;
    }
    sweeping = sweepNow(atStart)
      .catch((error) => deps.logger.error({ err: error }, 'outbox sweep failed'))
      .finally(() => {
        sweeping = undefined;
      });
    return sweeping;
  };

  return {
    flushContact,
    sweep: () => sweep(),
    async start() {
      stopped = false;
      await sweep(true);
      timer = setInterval(() => {
        if (!stopped) void sweep();
      }, OUTBOX_SWEEP_INTERVAL_MS);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      await nextSweep;
      await sweeping;
      await queue.drain();
    },
  };
}
