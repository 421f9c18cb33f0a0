/** Training sessions (bimtek): writing, locking and listing them for a person. */
import { and, arrayContains, asc, count, eq, gt, notInArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { trainingSessions } from '../schema/index.js';

/** A stored session. */
export type TrainingSession = typeof trainingSessions.$inferSelect;
/** What a new session is written with. */
export type NewTrainingSession = typeof trainingSessions.$inferInsert;

/** Session statuses: the last two end it. */
export const SESSION_STATUSES = ['terjadwal', 'diubah', 'dibatalkan', 'selesai'] as const;
/** A session's status. */
export type SessionStatus = (typeof SESSION_STATUSES)[number];
const ENDED: SessionStatus[] = ['dibatalkan', 'selesai'];

/** Writes a new session; returns it as stored. */
export async function insertSession(db: Db, row: NewTrainingSession): Promise<TrainingSession> {
  const [stored] = await db.insert(trainingSessions).values(row).returning();
  if (!stored) throw new Error('training session not written');
  return stored;
}

/** The session with this id. */
export async function getSession(
  db: Db,
  params: { id: string },
): Promise<TrainingSession | undefined> {
  const [row] = await db.select().from(trainingSessions).where(eq(trainingSessions.id, params.id));
  return row;
}

/**
 * The session, its row locked for the caller's transaction: RSVPs, changes and check-ins
 * of one session take turns, so seats are never given twice.
 */
export async function lockSession(
  tx: Db,
  params: { id: string },
): Promise<TrainingSession | undefined> {
  const [row] = await tx
    .select()
    .from(trainingSessions)
    .where(eq(trainingSessions.id, params.id))
    .for('update');
  return row;
}

/** Changes fields of a session. */
export async function updateSession(
  db: Db,
  params: { id: string; changes: Partial<NewTrainingSession>; now: Date },
): Promise<void> {
  await db
    .update(trainingSessions)
    .set({ ...params.changes, updatedAt: params.now })
    .where(eq(trainingSessions.id, params.id));
}

/** Who is looking at the list: their role, village, and the area they manage. */
export interface SessionViewer {
  role: string;
  villageCode: string | null;
  /** `everywhere` (admins), a region code (duta, pendamping), or null. */
  manages: 'everywhere' | string | null;
  /** The viewer's contact id: the sessions they train are theirs to see too. */
  contactId?: string;
}

/** Sessions for the viewer (or that they manage or train), not ended, soonest first. */
function visibleTo(viewer: SessionViewer, now: Date): SQL | undefined {
  const invited = viewer.villageCode
    ? and(
        arrayContains(trainingSessions.audience, [viewer.role]),
        sql`exists (select 1 from unnest(${trainingSessions.regions}) r
          where ${viewer.villageCode} = r or ${viewer.villageCode} like r || '.%')`,
      )
    : undefined;
  const managed =
    viewer.manages === 'everywhere'
      ? sql`true`
      : viewer.manages
        ? sql`not exists (select 1 from unnest(${trainingSessions.regions}) r
          where not (r = ${viewer.manages} or r like ${viewer.manages} || '.%'))`
        : undefined;
  const trains = viewer.contactId
    ? eq(trainingSessions.trainerContactId, viewer.contactId)
    : undefined;
  return and(
    notInArray(trainingSessions.status, ENDED),
    gt(trainingSessions.endsAt, now),
    or(invited, managed, trains) ?? sql`false`,
  );
}

/** A page of the sessions for the viewer, soonest first, with how many there are. */
export async function listSessionsFor(
  db: Db,
  params: { viewer: SessionViewer; now: Date; offset: number; limit: number },
): Promise<{ rows: TrainingSession[]; total: number }> {
  const where = visibleTo(params.viewer, params.now);
  const rows = await db
    .select()
    .from(trainingSessions)
    .where(where)
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id))
    .offset(params.offset)
    .limit(params.limit);
  const [total] = await db.select({ n: count() }).from(trainingSessions).where(where);
  return { rows, total: Number(total?.n ?? 0) };
}

/** Every session, oldest start first (the CSV export). */
export async function allSessions(db: Db): Promise<TrainingSession[]> {
  return db
    .select()
    .from(trainingSessions)
    .orderBy(asc(trainingSessions.startsAt), asc(trainingSessions.id));
}
