import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  feedback,
  media,
  reportHistory,
  reportMedia,
  reportSupports,
  reports,
} from '../schema/index.js';

/**
 * Anonymises the reports of a person who deletes their data (UU PDP Pasal 43-44), in the
 * caller's transaction: each report stays for the village, with its category, place,
 * description and history, but the link to its reporter and every photo they sent go;
 * their name leaves the history of other reports, and their supports are removed.
 * Returns the SHA-256 of the photo files to remove from disk.
 *
 * An assisted report keeps the resident's name and contact: they are the resident's,
 * who agreed to the report, not the data of the kader who filed it.
 */
export async function anonymiseReportsOf(
  db: Db,
  params: { contactId: string; now: Date },
): Promise<{ mediaFiles: string[] }> {
  const own = await db
    .select({ id: reports.id })
    .from(reports)
    .where(eq(reports.contactId, params.contactId));
  const reportIds = own.map((r) => r.id);
  const mediaFiles: string[] = [];
  if (reportIds.length > 0) {
    const photos = await db
      .select({ mediaId: reportMedia.mediaId })
      .from(reportMedia)
      .where(inArray(reportMedia.reportId, reportIds));
    await db.delete(reportMedia).where(inArray(reportMedia.reportId, reportIds));
    for (const mediaId of new Set(photos.map((p) => p.mediaId))) {
      const sha256 = await deleteUnusedMedia(db, { mediaId });
      if (sha256) mediaFiles.push(sha256);
    }
    await db
      .update(reports)
      .set({ contactId: null, anonymisedAt: params.now, updatedAt: params.now })
      .where(inArray(reports.id, reportIds));
  }
  await db
    .update(reportHistory)
    .set({ actorId: null })
    .where(eq(reportHistory.actorId, params.contactId));
  await db.delete(reportSupports).where(eq(reportSupports.contactId, params.contactId));
  return { mediaFiles };
}

/**
 * Deletes a media row no report and no suggestion uses any more (the same picture sent by
 * two people is stored once); returns its SHA-256 when deleted.
 */
async function deleteUnusedMedia(db: Db, params: { mediaId: string }): Promise<string | undefined> {
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
