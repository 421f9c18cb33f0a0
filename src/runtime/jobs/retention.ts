/**
 * The retention job: one recurring job (always pending once, ensured at start) that purges
 * what is kept only for a while, past the configured ages: records of received messages
 * (the dedupe keys), sent and given-up outbox rows, finished jobs and bulk sends, report
 * drafts kept longer than DRAFT_KEEP_DAYS, and the photos of closed reports, rows and files. It runs again at once while a purge came back
 * full, else a day later.
 */
import { z } from 'zod';
import type { RetentionConfig } from '../../config.js';
import { DRAFT_KEEP_DAYS } from '../../core/engine/drafts.js';
import { purgeExpiredDrafts } from '../../db/queries/conversations.js';
import {
  purgeClosedReportPhotos,
  purgeFinishedWork,
  purgeInbound,
  purgeOutbox,
} from '../../db/queries/retention.js';
import { defineJob, type RecurringJob } from '../scheduler.js';

/** Rows purged per table and run: one short transaction. */
export const RETENTION_BATCH = 1_000;
/** Time between two purges once nothing is left over. */
export const RETENTION_INTERVAL_MS = 24 * 60 * 60_000;

const DAY_MS = 24 * 60 * 60_000;

/** The recurring retention job over the configured ages. */
export function createRetentionJob(deps: {
  retention: RetentionConfig;
  /** Removes a stored photo's file by its SHA-256 (the media store's). */
  removeMediaFile: (sha256: string) => Promise<void>;
  batch?: number;
}): RecurringJob<Record<string, never>> {
  const limit = deps.batch ?? RETENTION_BATCH;
  const job = defineJob({
    kind: 'retention.purge',
    payload: z.object({}).strict(),
    async run({ tx, now, logger }) {
      const ago = (days: number) => new Date(now.getTime() - days * DAY_MS);
      const { inboundDays, outboxDays, reportMediaDays } = deps.retention;
      const purged = {
        inbound: await purgeInbound(tx, { before: ago(inboundDays), limit }),
        outbox: await purgeOutbox(tx, { before: ago(outboxDays), limit }),
        work: await purgeFinishedWork(tx, { before: ago(outboxDays), limit }),
        drafts: await purgeExpiredDrafts(tx, { before: ago(DRAFT_KEEP_DAYS), limit }),
      };
      const photos = await purgeClosedReportPhotos(tx, { before: ago(reportMediaDays), limit });
      // Last, so that a failure before leaves every file: a row without its file is read as
      // missing, and the next run deletes the row.
      for (const sha256 of photos.files) await deps.removeMediaFile(sha256);
      const counts = { ...purged, reports: photos.reports, files: photos.files.length };
      if (Object.values(counts).some((n) => n > 0)) logger.info(counts, 'old records purged');
      const full = [...Object.values(purged), photos.reports].some((n) => n >= limit);
      return { type: 'again', at: full ? now : new Date(now.getTime() + RETENTION_INTERVAL_MS) };
    },
  });
  return { job, payload: {}, dedupeKey: 'retention' };
}
