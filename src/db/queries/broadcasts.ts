import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { broadcastOptOuts, broadcasts, jobs } from '../schema/index.js';
import type { Audience } from './broadcast-audience.js';

/** A broadcast row. */
export type BroadcastRow = typeof broadcasts.$inferSelect;

/** A broadcast's life: scheduled → running → done | stopped; scheduled → cancelled. */
export type BroadcastState = 'scheduled' | 'running' | 'done' | 'stopped' | 'cancelled';

/** The texts a broadcast was written in. */
export interface StoredTexts {
  main: string;
  second: string | null;
}

/** Writes a broadcast in the caller's transaction; returns its number. */
export async function insertBroadcast(
  tx: Db,
  params: {
    id: string;
    senderId: string;
    senderRole: string;
    audience: Audience;
    texts: StoredTexts;
    mainLanguage: string;
    photoMediaId: string | null;
    urgent: boolean;
    state: 'scheduled' | 'running';
    startAt: Date;
    zone: string;
    now: Date;
  },
): Promise<number> {
  const [row] = await tx
    .insert(broadcasts)
    .values({
      id: params.id,
      senderId: params.senderId,
      senderRole: params.senderRole,
      audience: params.audience,
      texts: params.texts,
      mainLanguage: params.mainLanguage,
      photoMediaId: params.photoMediaId,
      urgent: params.urgent,
      state: params.state,
      startAt: params.startAt,
      zone: params.zone,
      createdAt: params.now,
      updatedAt: params.now,
      startedAt: params.state === 'running' ? params.now : null,
    })
    .returning({ number: broadcasts.number });
  return row?.number ?? 0;
}

/** One broadcast; with `lock`, held for the caller's transaction (its state changes). */
export async function getBroadcast(
  db: Db,
  params: { id: string; lock?: boolean },
): Promise<BroadcastRow | undefined> {
  const query = db.select().from(broadcasts).where(eq(broadcasts.id, params.id));
  const rows = params.lock ? await query.for('update') : await query;
  return rows[0];
}

/** The newest broadcasts: everyone's, or one sender's. */
export async function listRecentBroadcasts(
  db: Db,
  params: { senderId?: string; limit: number },
): Promise<BroadcastRow[]> {
  return db
    .select()
    .from(broadcasts)
    .where(params.senderId ? eq(broadcasts.senderId, params.senderId) : undefined)
    .orderBy(desc(broadcasts.createdAt), desc(broadcasts.number))
    .limit(params.limit);
}

/** Changes a broadcast's state and what comes with it. */
export async function updateBroadcast(
  tx: Db,
  params: {
    id: string;
    now: Date;
    state?: BroadcastState;
    startAt?: Date;
    startedAt?: Date;
    finishedAt?: Date;
    progressAt?: Date;
    counts?: unknown;
    /** A scheduled one's changed text, audience or urgency. */
    texts?: unknown;
    audience?: unknown;
    urgent?: boolean;
  },
): Promise<void> {
  const { id, now, ...changes } = params;
  await tx
    .update(broadcasts)
    .set({ ...changes, updatedAt: now })
    .where(eq(broadcasts.id, id));
}

/** Moves a pending job, found by its dedupe key, to another time (a rescheduled start). */
export async function moveJobByKey(
  tx: Db,
  params: { dedupeKey: string; dueAt: Date },
): Promise<void> {
  await tx
    .update(jobs)
    .set({ dueAt: params.dueAt })
    .where(and(eq(jobs.dedupeKey, params.dedupeKey), eq(jobs.status, 'pending')));
}

/** A person's choice about announcements, if they ever made one. */
export interface OptOut {
  stoppedAt: Date | null;
  changedAt: Date;
}

/** Records BERHENTI (`stopped`) or LANJUT, with its time. */
export async function setOptOut(
  tx: Db,
  params: { contactId: string; stopped: boolean; now: Date },
): Promise<void> {
  const stoppedAt = params.stopped ? params.now : null;
  await tx
    .insert(broadcastOptOuts)
    .values({ contactId: params.contactId, stoppedAt, changedAt: params.now })
    .onConflictDoUpdate({
      target: broadcastOptOuts.contactId,
      // Stopping again keeps the first time they stopped.
      set: {
        stoppedAt: params.stopped
          ? sql`coalesce(${broadcastOptOuts.stoppedAt}, ${params.now.toISOString()}::timestamptz)`
          : null,
        changedAt: params.now,
      },
    });
}

/** The person's choice about announcements; undefined when they never made one. */
export async function getOptOut(
  db: Db,
  params: { contactId: string },
): Promise<OptOut | undefined> {
  const [row] = await db
    .select({ stoppedAt: broadcastOptOuts.stoppedAt, changedAt: broadcastOptOuts.changedAt })
    .from(broadcastOptOuts)
    .where(eq(broadcastOptOuts.contactId, params.contactId));
  return row;
}

/** Broadcasts still to send or sending: the list /siaran offers to manage. */
export async function openBroadcastIds(
  db: Db,
  params: { senderId?: string },
): Promise<{ id: string; number: number; state: string }[]> {
  return db
    .select({ id: broadcasts.id, number: broadcasts.number, state: broadcasts.state })
    .from(broadcasts)
    .where(
      and(
        inArray(broadcasts.state, ['scheduled', 'running']),
        params.senderId ? eq(broadcasts.senderId, params.senderId) : undefined,
      ),
    )
    .orderBy(broadcasts.number);
}

/**
 * /hapusdata: their choice about announcements goes, and they are no longer named as the
 * sender of their broadcasts (the audit record stays, as the programme's).
 */
export async function eraseBroadcastData(tx: Db, params: { contactId: string }): Promise<void> {
  await tx.delete(broadcastOptOuts).where(eq(broadcastOptOuts.contactId, params.contactId));
  await tx
    .update(broadcasts)
    .set({ senderId: null })
    .where(eq(broadcasts.senderId, params.contactId));
}
