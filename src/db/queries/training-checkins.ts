/** Check-in codes of training sessions: one open check-in per session at most. */
import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { trainingCheckins } from '../schema/index.js';

/** A stored check-in. */
export type TrainingCheckin = typeof trainingCheckins.$inferSelect;

/**
 * Opens (or opens again, with a new code) the check-in of a session. False when the code
 * or token is already another session's: the caller draws another.
 */
export async function openCheckIn(
  db: Db,
  params: {
    sessionId: string;
    code: string;
    token: string;
    openedBy: string;
    now: Date;
    expiresAt: Date;
  },
): Promise<boolean> {
  const taken = await findCheckIn(db, { code: params.code });
  if (taken && taken.sessionId !== params.sessionId) return false;
  const values = {
    code: params.code,
    token: params.token,
    openedBy: params.openedBy,
    openedAt: params.now,
    expiresAt: params.expiresAt,
  };
  await db
    .insert(trainingCheckins)
    .values({ sessionId: params.sessionId, ...values })
    .onConflictDoUpdate({ target: trainingCheckins.sessionId, set: values });
  return true;
}

/** The check-in with this code or token, if any. */
export async function findCheckIn(
  db: Db,
  params: { code: string } | { token: string },
): Promise<TrainingCheckin | undefined> {
  const where =
    'code' in params
      ? eq(trainingCheckins.code, params.code)
      : eq(trainingCheckins.token, params.token);
  const [row] = await db.select().from(trainingCheckins).where(where);
  return row;
}

/** The check-in of a session, if one was opened. */
export async function checkInOf(
  db: Db,
  params: { sessionId: string },
): Promise<TrainingCheckin | undefined> {
  const [row] = await db
    .select()
    .from(trainingCheckins)
    .where(eq(trainingCheckins.sessionId, params.sessionId));
  return row;
}

/**
 * Makes a session's open check-in, if any, valid until `expiresAt`: the session's new end
 * when its time changes (the code shown in the room keeps working until then).
 */
export async function moveCheckIn(
  db: Db,
  params: { sessionId: string; expiresAt: Date },
): Promise<void> {
  await db
    .update(trainingCheckins)
    .set({ expiresAt: params.expiresAt })
    .where(eq(trainingCheckins.sessionId, params.sessionId));
}
