import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { feedback, media, reportMedia } from '../schema/index.js';

/** One row of the `media` table. */
export type MediaRow = typeof media.$inferSelect;

/** The values of a new `media` row. */
export type NewMediaRow = typeof media.$inferInsert;

/** The media row with this id, or undefined. */
export async function findMediaById(db: Db, params: { id: string }): Promise<MediaRow | undefined> {
  const rows = await db.select().from(media).where(eq(media.id, params.id)).limit(1);
  return rows[0];
}

/** The media row holding these bytes (by SHA-256 hex), or undefined. */
export async function findMediaBySha256(
  db: Db,
  params: { sha256: string },
): Promise<MediaRow | undefined> {
  const rows = await db.select().from(media).where(eq(media.sha256, params.sha256)).limit(1);
  return rows[0];
}

/**
 * Inserts a media row unless one with the same `sha256` exists. Returns the new
 * row, or undefined when another save of the same bytes got there first.
 */
export async function insertMediaIfNew(
  db: Db,
  params: { row: NewMediaRow },
): Promise<MediaRow | undefined> {
  const rows = await db
    .insert(media)
    .values(params.row)
    .onConflictDoNothing({ target: media.sha256 })
    .returning();
  return rows[0];
}

/** Ids of the media rows saved for the contact. */
export async function mediaIdsOf(db: Db, params: { contactId: string }): Promise<string[]> {
  const rows = await db
    .select({ id: media.id })
    .from(media)
    .where(eq(media.contactId, params.contactId));
  return rows.map((row) => row.id);
}

/**
 * Deletes a media row no report and no suggestion uses any more (the same picture sent by
 * two people is stored once); returns its SHA-256 when deleted, so its file can go too.
 */
export async function deleteUnusedMedia(
  db: Db,
  params: { mediaId: string },
): Promise<string | undefined> {
  const [row] = await db
    .delete(media)
    .where(
      and(
        eq(media.id, params.mediaId),
        sql`not exists (select 1 from ${reportMedia} where ${reportMedia.mediaId} = ${params.mediaId})`,
        sql`not exists (select 1 from ${feedback} where ${feedback.mediaIds} @> ${JSON.stringify([params.mediaId])}::jsonb)`,
      ),
    )
    .returning({ sha256: media.sha256 });
  return row?.sha256;
}
