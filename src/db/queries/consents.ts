import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { consents } from '../schema/index.js';
import { updateContact } from './contacts.js';

/** A consent record. */
export type ConsentRow = typeof consents.$inferSelect;

/**
 * Records a consent answer and keeps the contact's current consent in step: the notice
 * version after `accepted`, null after `declined` or `withdrawn`.
 */
export async function recordConsent(
  db: Db,
  params: {
    id: string;
    contactId: string;
    noticeVersion: number;
    answer: 'accepted' | 'declined' | 'withdrawn';
    channel: string;
    now: Date;
  },
): Promise<void> {
  await db.insert(consents).values({
    id: params.id,
    contactId: params.contactId,
    noticeVersion: params.noticeVersion,
    answer: params.answer,
    channel: params.channel,
    createdAt: params.now,
  });
  const consentVersion = params.answer === 'accepted' ? params.noticeVersion : null;
  const set = { consentVersion, updatedAt: params.now };
  await updateContact(db, { contactId: params.contactId, set });
}

/** The contact's latest consent record, if they ever answered. */
export async function latestConsent(
  db: Db,
  params: { contactId: string },
): Promise<ConsentRow | undefined> {
  const rows = await db
    .select()
    .from(consents)
    .where(eq(consents.contactId, params.contactId))
    .orderBy(desc(consents.createdAt), desc(consents.id))
    .limit(1);
  return rows[0];
}

/** Every consent record of the contact, newest first. */
export async function listConsents(db: Db, params: { contactId: string }): Promise<ConsentRow[]> {
  return db
    .select()
    .from(consents)
    .where(eq(consents.contactId, params.contactId))
    .orderBy(desc(consents.createdAt), desc(consents.id));
}

/** Cuts the link from the contact's consent records (they deleted their data); the records stay. */
export async function unlinkConsentsOf(db: Db, params: { contactId: string }): Promise<void> {
  await db
    .update(consents)
    .set({ contactId: null })
    .where(eq(consents.contactId, params.contactId));
}
