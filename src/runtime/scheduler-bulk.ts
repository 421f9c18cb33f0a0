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
  countBulkSince,
  countCapped,
  countOpenOutbox,
  DAILY_CAP_REASON,
  finishBulkSend,
  insertBulkSend,
  type QueueRow,
  queueRecipients,
  reviveCapped,
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
  /**
   * Most bulk messages a channel sends a day (an Indonesian day, WIB), by channel name:
   * WhatsApp over Baileys, whose number is banned for bulk sending. Recipients beyond it
   * are set aside (`daily_cap`) and fed the next day.
   */
  dailyCaps?: Record<string, number>;
}

const DAY_MS = 24 * 60 * 60_000;
/** WIB is UTC+7: a day of the caps starts at 17:00 UTC. */
const CAP_DAY_OFFSET_MS = 7 * 60 * 60_000;

/** The start of the (WIB) day of `now`. */
function capDayStart(now: Date): Date {
  const local = now.getTime() + CAP_DAY_OFFSET_MS;
  return new Date(local - (local % DAY_MS) - CAP_DAY_OFFSET_MS);
}

/** What each capped channel may still send today. */
async function roomToday(tx: Db, caps: Record<string, number>, now: Date) {
  const since = capDayStart(now);
  const room = new Map<string, number>();
  for (const [channel, cap] of Object.entries(caps)) {
    room.set(channel, Math.max(0, cap - (await countBulkSince(tx, { channel, since }))));
  }
  return room;
}

/** The job that feeds a bulk send's recipients into the outbox. */
export function createBulkFeedJob(options: BulkLaneOptions = {}) {
  const threshold = options.threshold ?? OUTBOX_BULK_THRESHOLD;
  const batch = options.batch ?? BULK_FEED_BATCH;
  const pauseMs = options.pauseMs ?? BULK_PAUSE_MS;
  const caps = options.dailyCaps ?? {};
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
      const capRoom = await roomToday(tx, caps, now);
      // Those set aside on an earlier day go again, as far as today's room goes.
      if (capRoom.size > 0)
        await reviveCapped(tx, { bulkId, limit: Math.min(...capRoom.values()) });
      const taken = await takeWaitingRecipients(tx, { bulkId, limit: room });
      if (taken.length === 0) {
        if ((await countCapped(tx, { bulkId })) > 0) {
          return { type: 'again', at: new Date(capDayStart(now).getTime() + DAY_MS) };
        }
        await finishBulkSend(tx, { bulkId, now });
        logger.info({ bulkId }, 'bulk send fed completely');
        return undefined;
      }
      const { rows, skipped } = sortOut(taken, capRoom);
      for (const [reason, contactIds] of skipped) {
        await skipRecipients(tx, { bulkId, reason, contactIds });
      }
      await queueRecipients(tx, { bulkId, rows, now, priority: state.priority });
      // More may wait: the next run (at once) looks at the outbox again.
      return { type: 'again', at: now };
    },
  }) satisfies JobDefinition<z.infer<typeof feedPayload>>;
}

/**
 * Splits recipients into those to write to and those to skip, by reason; those beyond
 * their channel's room today (`capRoom`, used up as it goes) are set aside for tomorrow.
 */
function sortOut(taken: WaitingRecipient[], capRoom: Map<string, number>) {
  const rows: QueueRow[] = [];
  const skipped = new Map<SkipReason, string[]>();
  for (const recipient of taken) {
    const { address } = recipient;
    if (recipient.eligible && !recipient.optedOut && address && !address.unreachable) {
      const room = capRoom.get(address.channel);
      if (room === undefined || room > 0) {
        if (room !== undefined) capRoom.set(address.channel, room - 1);
        rows.push({ ...recipient, address });
        continue;
      }
      skipped.set(DAILY_CAP_REASON, [
        ...(skipped.get(DAILY_CAP_REASON) ?? []),
        recipient.contactId,
      ]);
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
