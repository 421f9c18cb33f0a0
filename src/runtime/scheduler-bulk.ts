/**
 * The one bulk lane, for every proactive send to many people (reminders, broadcasts): a
 * send's recipients are rows (src/db/schema/bulk.ts), fed into the outbox by a job in
 * batches, and only while the outbox holds fewer than {@link OUTBOX_BULK_THRESHOLD}
 * messages not yet sent (mailroom pauses bulk there too), so a broadcast never becomes one
 * giant burst ahead of everyone else. Its outbox rows carry the bulk priority: the sender
 * serves people who are chatting first. Progress is counted from the rows
 * (`bulkProgress`), never from a counter.
 */
import { z } from 'zod';
import type { Outbound } from '../core/messages.js';
import type { Db } from '../db/client.js';
import {
  type BulkRecipient,
  type BulkSendOptions,
  bulkSendState,
  countOpenOutbox,
  finishBulkSend,
  insertBulkSend,
  type QueueRow,
  queueRecipients,
  type SkipReason,
  skipRecipients,
  stopBulkSend,
  takeWaitingRecipients,
  type WaitingRecipient,
} from '../db/queries/bulk.js';
import { defineJob, type JobDefinition, scheduleJob } from './scheduler.js';

/** Messages waiting in the outbox above which the bulk lane pauses. */
export const OUTBOX_BULK_THRESHOLD = 10_000;
/** Recipients fed into the outbox per run (one transaction). */
export const BULK_FEED_BATCH = 500;
/** How long the lane waits before looking again at a full outbox. */
export const BULK_PAUSE_MS = 30_000;

const feedPayload = z.object({ bulkId: z.string().min(1) });

/** Tunables of the lane; tests lower them. */
export interface BulkLaneOptions {
  threshold?: number;
  batch?: number;
  pauseMs?: number;
}

/** The job that feeds a bulk send's recipients into the outbox. */
export function createBulkFeedJob(options: BulkLaneOptions = {}) {
  const threshold = options.threshold ?? OUTBOX_BULK_THRESHOLD;
  const batch = options.batch ?? BULK_FEED_BATCH;
  const pauseMs = options.pauseMs ?? BULK_PAUSE_MS;
  return defineJob({
    kind: 'bulk.feed',
    payload: feedPayload,
    async run({ tx, now, logger }, { bulkId }) {
      const state = await bulkSendState(tx, { bulkId });
      // Stopped between two batches (or purged): what waits is recorded, nothing more is fed.
      if (!state || state.stopped) {
        if (state) await stopBulkSend(tx, { bulkId, now });
        await finishBulkSend(tx, { bulkId, now });
        return undefined;
      }
      const room = Math.min(batch, threshold - (await countOpenOutbox(tx)));
      if (room <= 0) return { type: 'again', at: new Date(now.getTime() + pauseMs) };
      const taken = await takeWaitingRecipients(tx, { bulkId, limit: room });
      if (taken.length === 0) {
        await finishBulkSend(tx, { bulkId, now });
        logger.info({ bulkId }, 'bulk send fed completely');
        return undefined;
      }
      const { rows, skipped } = sortOut(taken);
      for (const [reason, contactIds] of skipped) {
        await skipRecipients(tx, { bulkId, reason, contactIds });
      }
      await queueRecipients(tx, { bulkId, rows, now, priority: state.priority });
      // More may wait: the next run (at once) looks at the outbox again.
      return { type: 'again', at: now };
    },
  }) satisfies JobDefinition<z.infer<typeof feedPayload>>;
}

/** Splits recipients into those to write to and those to skip, by reason. */
function sortOut(taken: WaitingRecipient[]) {
  const rows: QueueRow[] = [];
  const skipped = new Map<SkipReason, string[]>();
  for (const recipient of taken) {
    const { address } = recipient;
    if (recipient.eligible && !recipient.optedOut && address && !address.unreachable) {
      rows.push({ ...recipient, address });
      continue;
    }
    const reason: SkipReason = !recipient.eligible
      ? 'gone'
      : recipient.optedOut
        ? 'opted_out'
        : address
          ? 'unreachable'
          : 'no_address';
    skipped.set(reason, [...(skipped.get(reason) ?? []), recipient.contactId]);
  }
  return { rows, skipped };
}

/**
 * Starts a bulk send in the caller's transaction: the send, its recipients, and the job
 * that feeds them (due at `startAt`, default now). A rolled-back transaction sends nothing.
 * More recipients may be written in the same transaction (a broadcast's audience, in one
 * INSERT ... SELECT). Stopping it (`stopBulkSend`) takes effect between two batches.
 */
export async function startBulkSend(
  tx: Db,
  params: {
    id: string;
    kind: string;
    message: Outbound;
    recipients: (string | BulkRecipient)[];
    now: Date;
    startAt?: Date;
  } & BulkSendOptions,
): Promise<void> {
  const recipients = params.recipients.map((r) => (typeof r === 'string' ? { contactId: r } : r));
  await insertBulkSend(tx, { ...params, recipients });
  await scheduleJob(tx, createBulkFeedJob(), {
    payload: { bulkId: params.id },
    dueAt: params.startAt ?? params.now,
    dedupeKey: `bulk:${params.id}`,
    now: params.now,
  });
}
