/**
 * Sign-in links and sessions of the admin web. Tokens and session ids are stored as their
 * SHA-256 only (the caller hashes), so a copy of the database signs nobody in.
 */
import { and, eq, gt, isNull, lt } from 'drizzle-orm';
import type { Db } from '../client.js';
import { webLoginTokens, webSessions } from '../schema/index.js';

/** Stores a new one-time sign-in link for the contact. */
export async function insertLoginToken(
  db: Db,
  params: { tokenHash: string; contactId: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.insert(webLoginTokens).values({
    tokenHash: params.tokenHash,
    contactId: params.contactId,
    createdAt: params.now,
    expiresAt: params.expiresAt,
  });
}

/** What using a sign-in link gave. */
export type TokenUse =
  | { type: 'used'; contactId: string }
  | { type: 'refused'; reason: 'unknown' }
  /** The link was for `contactId` (whose language the refusal is in). */
  | { type: 'refused'; reason: 'used' | 'expired'; contactId: string };

/** Marks the link used, once: a second use, or a use after it expired, is refused. */
export async function useLoginToken(
  db: Db,
  params: { tokenHash: string; now: Date },
): Promise<TokenUse> {
  const claimed = await db
    .update(webLoginTokens)
    .set({ usedAt: params.now })
    .where(
      and(
        eq(webLoginTokens.tokenHash, params.tokenHash),
        isNull(webLoginTokens.usedAt),
        gt(webLoginTokens.expiresAt, params.now),
      ),
    )
    .returning({ contactId: webLoginTokens.contactId });
  const row = claimed[0];
  if (row) return { type: 'used', contactId: row.contactId };
  const found = await loginTokenRow(db, params.tokenHash);
  if (!found) return { type: 'refused', reason: 'unknown' };
  const reason = found.usedAt ? 'used' : 'expired';
  return { type: 'refused', reason, contactId: found.contactId };
}

/** The link's holder, while it is unused and unexpired (the page that asks to confirm). */
export async function peekLoginToken(
  db: Db,
  params: { tokenHash: string; now: Date },
): Promise<TokenUse> {
  const found = await loginTokenRow(db, params.tokenHash);
  if (!found) return { type: 'refused', reason: 'unknown' };
  const { contactId } = found;
  if (found.usedAt) return { type: 'refused', reason: 'used', contactId };
  if (found.expiresAt <= params.now) return { type: 'refused', reason: 'expired', contactId };
  return { type: 'used', contactId: found.contactId };
}

/** The stored sign-in link with this hash, used or not. */
async function loginTokenRow(db: Db, tokenHash: string) {
  const [found] = await db
    .select()
    .from(webLoginTokens)
    .where(eq(webLoginTokens.tokenHash, tokenHash))
    .limit(1);
  return found;
}

/** One signed-in browser. */
export type WebSessionRow = typeof webSessions.$inferSelect;

/** Opens a session. */
export async function insertSession(
  db: Db,
  params: { idHash: string; contactId: string; csrfToken: string; now: Date },
): Promise<void> {
  await db.insert(webSessions).values({
    idHash: params.idHash,
    contactId: params.contactId,
    csrfToken: params.csrfToken,
    createdAt: params.now,
    lastSeenAt: params.now,
  });
}

/**
 * The session, when it was used after `idleSince` (inactivity ends it); its last use
 * becomes `now`. An idle session is deleted.
 */
export async function touchSession(
  db: Db,
  params: { idHash: string; idleSince: Date; now: Date },
): Promise<WebSessionRow | undefined> {
  const [row] = await db
    .update(webSessions)
    .set({ lastSeenAt: params.now })
    .where(and(eq(webSessions.idHash, params.idHash), gt(webSessions.lastSeenAt, params.idleSince)))
    .returning();
  if (!row) await db.delete(webSessions).where(eq(webSessions.idHash, params.idHash));
  return row;
}

/** Ends a session (logout). */
export async function deleteSession(db: Db, params: { idHash: string }): Promise<void> {
  await db.delete(webSessions).where(eq(webSessions.idHash, params.idHash));
}

/** Ends every session and link of a contact (their data deleted). */
export async function deleteWebAccessOf(db: Db, params: { contactId: string }): Promise<void> {
  await db.delete(webSessions).where(eq(webSessions.contactId, params.contactId));
  await db.delete(webLoginTokens).where(eq(webLoginTokens.contactId, params.contactId));
}

/** Removes links past expiry and sessions idle since `idleSince` (housekeeping). */
export async function deleteStaleWebAccess(
  db: Db,
  params: { now: Date; idleSince: Date },
): Promise<void> {
  await db.delete(webLoginTokens).where(lt(webLoginTokens.expiresAt, params.now));
  await db.delete(webSessions).where(lt(webSessions.lastSeenAt, params.idleSince));
}
