import { eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { media } from '../schema/index.js';

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
