/**
 * Purges of records kept only for a while (see the README's "Personal data"), each of at
 * most `limit` rows per call so that one transaction stays short; the caller calls again
 * while a purge comes back full.
 */
import { and, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { FINAL_STATUSES } from '../../domain/report/status.js';
import type { Db } from '../client.js';
import {
  bulkRecipients,
  bulkSends,
  inboundMessages,
  jobs,
  outbox,
  reportMedia,
  reports,
} from '../schema/index.js';
import { deleteUnusedMedia } from './media.js';

/** Records of received messages (the dedupe keys) older than `before`. */
export async function purgeInbound(db: Db, params: { before: Date; limit: number }) {
  // The table has a two-column key: its rows are picked by their physical id.
  const old = db
    .select({ ctid: sql`ctid` })
    .from(inboundMessages)
    .where(lt(inboundMessages.receivedAt, params.before))
    .limit(params.limit);
  const rows = await db
    .delete(inboundMessages)
    .where(sql`ctid in (${old})`)
    .returning({ id: inboundMessages.messageId });
  return rows.length;
}

/** Outbox rows sent before `before`, and rows given up that were written before it. */
export async function purgeOutbox(db: Db, params: { before: Date; limit: number }) {
  const old = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      or(
        and(eq(outbox.status, 'sent'), lt(outbox.sentAt, params.before)),
        and(eq(outbox.status, 'failed'), lt(outbox.createdAt, params.before)),
      ),
    )
    .limit(params.limit);
  const rows = await db.delete(outbox).where(inArray(outbox.id, old)).returning({ id: outbox.id });
  return rows.length;
}

/** Jobs done or failed before `before`, and bulk sends fed completely before it (with their recipients). */
export async function purgeFinishedWork(db: Db, params: { before: Date; limit: number }) {
  const oldJobs = db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(inArray(jobs.status, ['done', 'failed']), lt(jobs.finishedAt, params.before)))
    .limit(params.limit);
  const doneJobs = await db
    .delete(jobs)
    .where(inArray(jobs.id, oldJobs))
    .returning({ id: jobs.id });
  const oldSends = db
    .select({ id: bulkSends.id })
    .from(bulkSends)
    .where(lt(bulkSends.finishedAt, params.before))
    .limit(params.limit);
  const sends = await db
    .delete(bulkSends)
    .where(inArray(bulkSends.id, oldSends))
    .returning({ id: bulkSends.id });
  // No foreign key cascades to the recipients (src/db/schema/bulk.ts).
  if (sends.length > 0) {
    await db.delete(bulkRecipients).where(
      inArray(
        bulkRecipients.bulkId,
        sends.map((send) => send.id),
      ),
    );
  }
  return doneJobs.length + sends.length;
}

/**
 * The photos of reports closed or rejected (their last change) before `before`, of at most
 * `limit` reports: their links go, and each picture no other report or suggestion uses.
 * Returns the reports purged and the SHA-256 of the files to remove from disk.
 */
export async function purgeClosedReportPhotos(
  db: Db,
  params: { before: Date; limit: number },
): Promise<{ reports: number; files: string[] }> {
  const closed = await db
    .selectDistinct({ reportId: reportMedia.reportId })
    .from(reportMedia)
    .innerJoin(reports, eq(reports.id, reportMedia.reportId))
    .where(and(inArray(reports.status, [...FINAL_STATUSES]), lt(reports.updatedAt, params.before)))
    .limit(params.limit);
  const reportIds = closed.map((row) => row.reportId);
  if (reportIds.length === 0) return { reports: 0, files: [] };
  const links = await db
    .delete(reportMedia)
    .where(inArray(reportMedia.reportId, reportIds))
    .returning({ mediaId: reportMedia.mediaId });
  const files: string[] = [];
  for (const mediaId of new Set(links.map((link) => link.mediaId))) {
    const sha256 = await deleteUnusedMedia(db, { mediaId });
    if (sha256) files.push(sha256);
  }
  return { reports: reportIds.length, files };
}
