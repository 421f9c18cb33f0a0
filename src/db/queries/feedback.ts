import { desc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback } from '../schema/index.js';

/** Stores one suggestion about Sapa Desa. */
export async function insertFeedback(
  db: Db,
  params: {
    id: string;
    contactId: string;
    topic: string;
    message: string;
    rating: number;
    wantsReply: boolean;
    mediaIds: string[];
    now: Date;
  },
): Promise<void> {
  await db.insert(feedback).values({ ...params, createdAt: params.now });
}

/** One stored suggestion. */
export type FeedbackRow = typeof feedback.$inferSelect;

/** Every suggestion the contact sent, newest first. */
export async function listFeedbackOf(
  db: Db,
  params: { contactId: string },
): Promise<FeedbackRow[]> {
  return db
    .select()
    .from(feedback)
    .where(eq(feedback.contactId, params.contactId))
    .orderBy(desc(feedback.createdAt), desc(feedback.id));
}

/**
 * Deletes every suggestion of the contact (they deleted their data); returns the ids of
 * the photos those suggestions carried, for the caller to delete where nothing else uses them.
 */
export async function deleteFeedbackOf(db: Db, params: { contactId: string }): Promise<string[]> {
  const rows = await db
    .delete(feedback)
    .where(eq(feedback.contactId, params.contactId))
    .returning({ mediaIds: feedback.mediaIds });
  return rows.flatMap((row) => (Array.isArray(row.mediaIds) ? (row.mediaIds as string[]) : []));
}
