/**
 * Answers to training sessions (ikut, tidak, menunggu), the waitlist, attendance and the
 * feedback. Callers hold the session's row lock (lockSession) while they change seats.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, lt, lte, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { contacts, trainingFeedback, trainingRsvps, trainingSessions } from '../schema/index.js';

/** A stored answer. */
export type TrainingRsvp = typeof trainingRsvps.$inferSelect;
/** ikut (going), tidak (not going), menunggu (on the waitlist). */
export type RsvpStatus = 'ikut' | 'tidak' | 'menunggu';

/** The person's answer to a session, if any. */
export async function findRsvp(
  db: Db,
  params: { sessionId: string; contactId: string },
): Promise<TrainingRsvp | undefined> {
  const [row] = await db
    .select()
    .from(trainingRsvps)
    .where(
      and(
        eq(trainingRsvps.sessionId, params.sessionId),
        eq(trainingRsvps.contactId, params.contactId),
      ),
    );
  return row;
}

/** Writes the person's answer (a new one replaces the old). */
export async function setRsvp(
  db: Db,
  params: { id: string; sessionId: string; contactId: string; status: RsvpStatus; now: Date },
): Promise<void> {
  const { now, status } = params;
  const times = {
    joinedAt: status === 'ikut' ? now : null,
    waitingSince: status === 'menunggu' ? now : null,
  };
  await db
    .insert(trainingRsvps)
    .values({ ...params, ...times, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [trainingRsvps.sessionId, trainingRsvps.contactId],
      set: { status, ...times, updatedAt: now },
    });
}

/** Seats taken: people going (anonymous ones included). */
export async function countGoing(db: Db, params: { sessionId: string }): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(trainingRsvps)
    .where(and(eq(trainingRsvps.sessionId, params.sessionId), eq(trainingRsvps.status, 'ikut')));
  return Number(row?.n ?? 0);
}

/** Seats taken per session, for a list. */
export async function goingBySession(
  db: Db,
  params: { sessionIds: string[] },
): Promise<Map<string, number>> {
  if (params.sessionIds.length === 0) return new Map();
  const rows = await db
    .select({ sessionId: trainingRsvps.sessionId, n: count() })
    .from(trainingRsvps)
    .where(
      and(inArray(trainingRsvps.sessionId, params.sessionIds), eq(trainingRsvps.status, 'ikut')),
    )
    .groupBy(trainingRsvps.sessionId);
  return new Map(rows.map((row) => [row.sessionId, Number(row.n)]));
}

/** The person's place on the waitlist (1 is next), or 0 when they are not on it. */
export async function waitlistPosition(
  db: Db,
  params: { sessionId: string; contactId: string },
): Promise<number> {
  const mine = await findRsvp(db, params);
  if (mine?.status !== 'menunggu' || !mine.waitingSince) return 0;
  const [row] = await db
    .select({ n: count() })
    .from(trainingRsvps)
    .where(
      and(
        eq(trainingRsvps.sessionId, params.sessionId),
        eq(trainingRsvps.status, 'menunggu'),
        or(
          lt(trainingRsvps.waitingSince, mine.waitingSince),
          and(eq(trainingRsvps.waitingSince, mine.waitingSince), lte(trainingRsvps.id, mine.id)),
        ),
      ),
    );
  return Number(row?.n ?? 0);
}

/** The first person waiting (a known contact), to promote when a seat frees up. */
export async function firstWaiting(
  db: Db,
  params: { sessionId: string },
): Promise<TrainingRsvp | undefined> {
  const [row] = await db
    .select()
    .from(trainingRsvps)
    .where(
      and(
        eq(trainingRsvps.sessionId, params.sessionId),
        eq(trainingRsvps.status, 'menunggu'),
        isNotNull(trainingRsvps.contactId),
      ),
    )
    .orderBy(asc(trainingRsvps.waitingSince), asc(trainingRsvps.id))
    .limit(1);
  return row;
}

/** Moves a waiting person to a seat. */
export async function promote(db: Db, params: { rsvpId: string; now: Date }): Promise<void> {
  await db
    .update(trainingRsvps)
    .set({ status: 'ikut', joinedAt: params.now, waitingSince: null, updatedAt: params.now })
    .where(eq(trainingRsvps.id, params.rsvpId));
}

/**
 * The contacts whose answer is one of `statuses`; with `joinedBy`, only those going since
 * then at the latest (a reminder due before someone joined is not sent to them).
 */
export async function rsvpContacts(
  db: Db,
  params: { sessionId: string; statuses: RsvpStatus[]; joinedBy?: Date },
): Promise<string[]> {
  const rows = await db
    .select({ contactId: trainingRsvps.contactId })
    .from(trainingRsvps)
    .where(
      and(
        eq(trainingRsvps.sessionId, params.sessionId),
        inArray(trainingRsvps.status, params.statuses),
        isNotNull(trainingRsvps.contactId),
        params.joinedBy ? lte(trainingRsvps.joinedAt, params.joinedBy) : undefined,
      ),
    )
    .orderBy(asc(trainingRsvps.contactId));
  return rows.flatMap((row) => (row.contactId ? [row.contactId] : []));
}

/** Records that the person checked in; false when they had already. */
export async function checkIn(
  db: Db,
  params: { id: string; sessionId: string; contactId: string; now: Date },
): Promise<boolean> {
  const existing = await findRsvp(db, params);
  if (existing?.checkedInAt) return false;
  const { now } = params;
  await db
    .insert(trainingRsvps)
    .values({
      ...params,
      status: 'ikut',
      joinedAt: now,
      attendance: 'hadir',
      checkedInAt: now,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [trainingRsvps.sessionId, trainingRsvps.contactId],
      set: { attendance: 'hadir', checkedInAt: now, updatedAt: now },
    });
  return true;
}

/** At the end: people going who did not check in are recorded absent. Returns how many. */
export async function markAbsent(
  db: Db,
  params: { sessionId: string; now: Date },
): Promise<number> {
  const rows = await db
    .update(trainingRsvps)
    .set({ attendance: 'absen', updatedAt: params.now })
    .where(
      and(
        eq(trainingRsvps.sessionId, params.sessionId),
        eq(trainingRsvps.status, 'ikut'),
        isNull(trainingRsvps.attendance),
      ),
    )
    .returning({ id: trainingRsvps.id });
  return rows.length;
}

/**
 * Up to `limit` people to ask for feedback once, in a stable order: those who checked in,
 * or, when nobody checked in (no check-in was opened), everyone going; each is marked
 * asked in the caller's transaction, so a crash before its commit asks nobody twice.
 */
export async function takeFeedbackRecipients(
  db: Db,
  params: { sessionId: string; now: Date; limit: number },
): Promise<string[]> {
  const session = eq(trainingRsvps.sessionId, params.sessionId);
  const [attended] = await db
    .select({ n: count() })
    .from(trainingRsvps)
    .where(and(session, eq(trainingRsvps.attendance, 'hadir')));
  const batch = db
    .select({ id: trainingRsvps.id })
    .from(trainingRsvps)
    .where(
      and(
        session,
        isNotNull(trainingRsvps.contactId),
        isNull(trainingRsvps.feedbackAskedAt),
        Number(attended?.n ?? 0) > 0
          ? eq(trainingRsvps.attendance, 'hadir')
          : eq(trainingRsvps.status, 'ikut'),
      ),
    )
    .orderBy(asc(trainingRsvps.id))
    .limit(params.limit);
  const rows = await db
    .update(trainingRsvps)
    .set({ feedbackAskedAt: params.now })
    .where(inArray(trainingRsvps.id, batch))
    .returning({ contactId: trainingRsvps.contactId });
  return rows.flatMap((row) => (row.contactId ? [row.contactId] : [])).sort();
}

/**
 * The session the person was asked about and has not reviewed: `sessionId` when given
 * (a question just asked), else the newest; none when already reviewed or never asked.
 */
export async function feedbackDue(
  db: Db,
  params: { contactId: string; sessionId?: string },
): Promise<{ sessionId: string; title: string } | undefined> {
  const [row] = await db
    .select({ sessionId: trainingSessions.id, title: trainingSessions.title })
    .from(trainingRsvps)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRsvps.sessionId))
    .leftJoin(
      trainingFeedback,
      and(
        eq(trainingFeedback.sessionId, trainingRsvps.sessionId),
        eq(trainingFeedback.contactId, trainingRsvps.contactId),
      ),
    )
    .where(
      and(
        eq(trainingRsvps.contactId, params.contactId),
        params.sessionId ? eq(trainingRsvps.sessionId, params.sessionId) : undefined,
        isNotNull(trainingRsvps.feedbackAskedAt),
        isNull(trainingFeedback.id),
      ),
    )
    .orderBy(desc(trainingRsvps.feedbackAskedAt))
    .limit(1);
  return row;
}

/** Keeps a person's feedback on a session (once: a second answer changes nothing). */
export async function insertTrainingFeedback(
  db: Db,
  params: {
    id: string;
    sessionId: string;
    contactId: string;
    rating: number;
    comment: string | null;
    now: Date;
  },
): Promise<boolean> {
  const rows = await db
    .insert(trainingFeedback)
    .values({ ...params, createdAt: params.now })
    .onConflictDoNothing()
    .returning({ id: trainingFeedback.id });
  return rows.length > 0;
}

/** The person's answers with their sessions, newest session first (/datasaya). */
export async function rsvpsOf(db: Db, params: { contactId: string }) {
  return db
    .select({
      title: trainingSessions.title,
      startsAt: trainingSessions.startsAt,
      timeZone: trainingSessions.timeZone,
      status: trainingRsvps.status,
      attendance: trainingRsvps.attendance,
      rating: trainingFeedback.rating,
    })
    .from(trainingRsvps)
    .innerJoin(trainingSessions, eq(trainingSessions.id, trainingRsvps.sessionId))
    .leftJoin(
      trainingFeedback,
      and(
        eq(trainingFeedback.sessionId, trainingRsvps.sessionId),
        eq(trainingFeedback.contactId, trainingRsvps.contactId),
      ),
    )
    .where(eq(trainingRsvps.contactId, params.contactId))
    .orderBy(desc(trainingSessions.startsAt));
}

/**
 * /hapusdata: the person's answers and attendance stay as anonymous counts (no link to
 * them); their feedback keeps its rating without the comment, which is their own words;
 * sessions they created or train keep no link to them.
 */
export async function anonymiseTrainingOf(db: Db, params: { contactId: string }): Promise<void> {
  await db
    .update(trainingRsvps)
    .set({ contactId: null })
    .where(eq(trainingRsvps.contactId, params.contactId));
  await db
    .update(trainingFeedback)
    .set({ contactId: null, comment: null })
    .where(eq(trainingFeedback.contactId, params.contactId));
  await db
    .update(trainingSessions)
    .set({ createdBy: null })
    .where(eq(trainingSessions.createdBy, params.contactId));
  await db
    .update(trainingSessions)
    .set({ trainerContactId: null })
    .where(eq(trainingSessions.trainerContactId, params.contactId));
}

/** The attendance list of a session: every answer with the person (when known) and feedback. */
export async function attendanceOf(db: Db, params: { sessionId: string }) {
  return db
    .select({
      contactId: trainingRsvps.contactId,
      name: contacts.displayName,
      role: contacts.role,
      villageCode: contacts.villageCode,
      status: trainingRsvps.status,
      attendance: trainingRsvps.attendance,
      checkedInAt: trainingRsvps.checkedInAt,
      rating: trainingFeedback.rating,
      comment: trainingFeedback.comment,
    })
    .from(trainingRsvps)
    .leftJoin(contacts, eq(contacts.id, trainingRsvps.contactId))
    .leftJoin(
      trainingFeedback,
      and(
        eq(trainingFeedback.sessionId, trainingRsvps.sessionId),
        eq(trainingFeedback.contactId, trainingRsvps.contactId),
      ),
    )
    .where(eq(trainingRsvps.sessionId, params.sessionId))
    .orderBy(asc(contacts.displayName), asc(trainingRsvps.id));
}
