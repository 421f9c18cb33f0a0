/**
 * The jobs of broadcasts (siaran): `broadcast.start` resolves the audience into the bulk
 * send's recipient rows when the broadcast starts (now, or at its scheduled time), and
 * `broadcast.progress` watches it while it runs: it tells the sender the progress at most
 * every {@link PROGRESS_MESSAGE_INTERVAL_MS}, counted from the rows, and once every
 * recipient is sent, failed or skipped, writes the final report (sent, failed with reasons,
 * unreachable, opted out, and the villages with people not reached) and the audit counts.
 * Both re-check the broadcast's state, so a cancelled or stopped one ends them.
 */
import { z } from 'zod';
import { type Outbound, type Text, t } from '../../core/messages.js';
import { joinTexts } from '../../core/text-lines.js';
import type { Db } from '../../db/client.js';
import { type Audience, insertAudience } from '../../db/queries/broadcast-audience.js';
import {
  type BroadcastTally,
  reachByVillage,
  tallyBroadcast,
} from '../../db/queries/broadcast-report.js';
import { type BroadcastRow, getBroadcast, updateBroadcast } from '../../db/queries/broadcasts.js';
import {
  bulkSendState,
  OUTBOX_PRIORITY_BULK,
  OUTBOX_PRIORITY_URGENT,
} from '../../db/queries/bulk.js';
import { insertJob } from '../../db/queries/jobs.js';
import { notificationAddressOf, notifyContact } from '../../db/queries/notifications.js';
import { broadcastMessage, otherLanguage } from '../../domain/broadcast-message.js';
import type { VillageIndexSource } from '../../domain/village-index.js';
import { placeOf } from '../../domain/village-place.js';
import { defineJob, scheduleJob } from '../scheduler.js';
import { startBulkSend } from '../scheduler-bulk.js';

/** Kind of the job that starts a broadcast. */
export const BROADCAST_START_JOB = 'broadcast.start';
/** Shortest time between two progress messages to the sender. */
export const PROGRESS_MESSAGE_INTERVAL_MS = 3 * 60_000;
/**
 * Shortest time between two updates of the progress where the sender's platform edits it in
 * place (one message kept up to date, not a new one each time).
 */
export const PROGRESS_EDIT_INTERVAL_MS = 30_000;
/** How often a running broadcast is looked at (to end it and report). */
export const PROGRESS_CHECK_INTERVAL_MS = 15_000;
/** Villages named in the chat report; the CSV export has them all. */
export const REPORT_VILLAGES_SHOWN = 10;

const payload = z.object({ broadcastId: z.string().min(1) });

/** The dedupe key of a broadcast's start job (to move it when rescheduled). */
export function startJobKey(broadcastId: string): string {
  return `broadcast:${broadcastId}`;
}

/** Schedules a broadcast's start at `at`, in the caller's transaction. */
export async function scheduleBroadcastStart(
  tx: Db,
  params: { broadcastId: string; at: Date; now: Date },
): Promise<void> {
  await insertJob(tx, {
    kind: BROADCAST_START_JOB,
    payload: payload.parse({ broadcastId: params.broadcastId }),
    dueAt: params.at,
    dedupeKey: startJobKey(params.broadcastId),
    now: params.now,
  });
}

/** Options of the broadcast jobs; tests shorten the intervals. */
export interface BroadcastJobOptions {
  /** Names the villages of the report. */
  villages: VillageIndexSource;
  /**
   * True for a channel that shows messages with the same `inPlace` key as one message
   * edited in place (Telegram): the progress is updated there every
   * {@link PROGRESS_EDIT_INTERVAL_MS} and ends at the final numbers.
   */
  editsInPlace?: (channel: string) => boolean;
  messageIntervalMs?: number;
  editIntervalMs?: number;
  checkIntervalMs?: number;
}

/** The two broadcast jobs. */
export function createBroadcastJobs(options: BroadcastJobOptions) {
  const messageEvery = options.messageIntervalMs ?? PROGRESS_MESSAGE_INTERVAL_MS;
  const editEvery = options.editIntervalMs ?? PROGRESS_EDIT_INTERVAL_MS;
  const checkEvery = options.checkIntervalMs ?? PROGRESS_CHECK_INTERVAL_MS;

  /** Whether the sender reads the progress as one message edited in place. */
  async function editedInPlace(tx: Db, broadcast: BroadcastRow): Promise<boolean> {
    if (!broadcast.senderId || !options.editsInPlace) return false;
    const address = await notificationAddressOf(tx, { contactId: broadcast.senderId });
    return address !== undefined && options.editsInPlace(address.channel);
  }

  const progress = defineJob({
    kind: 'broadcast.progress',
    payload,
    async run({ tx, now, logger }, { broadcastId }) {
      const broadcast = await getBroadcast(tx, { id: broadcastId, lock: true });
      if (!broadcast || broadcast.finishedAt) return undefined;
      const [lane, tally] = await Promise.all([
        bulkSendState(tx, { bulkId: broadcastId }),
        tallyBroadcast(tx, { bulkId: broadcastId }),
      ]);
      if (!lane || (lane.finished && tally.waiting === 0 && tally.open === 0)) {
        await finish(tx, broadcast, tally, now);
        logger.info({ broadcastId, sent: tally.sent, failed: tally.failed }, 'broadcast ended');
        return undefined;
      }
      const last = broadcast.progressAt?.getTime() ?? 0;
      const every = (await editedInPlace(tx, broadcast)) ? editEvery : messageEvery;
      if (broadcast.state === 'running' && now.getTime() - last >= every) {
        await tellProgress(tx, broadcast, tally, now);
        await updateBroadcast(tx, { id: broadcastId, now, progressAt: now });
      }
      return { type: 'again', at: new Date(now.getTime() + checkEvery) };
    },
  });

  const start = defineJob({
    kind: BROADCAST_START_JOB,
    payload,
    async run({ tx, now, logger }, { broadcastId }) {
      const broadcast = await getBroadcast(tx, { id: broadcastId, lock: true });
      if (broadcast?.state !== 'scheduled') return undefined;
      if (broadcast.startAt > now) return { type: 'again', at: broadcast.startAt };
      const audience = broadcast.audience as Audience;
      const texts = broadcast.texts as { main: string; second: string | null };
      const options = { urgent: broadcast.urgent, photo: broadcast.photoMediaId };
      await startBulkSend(tx, {
        id: broadcast.id,
        kind: 'broadcast',
        message: broadcastMessage(texts.main, options),
        recipients: [],
        now,
        priority: broadcast.urgent ? OUTBOX_PRIORITY_URGENT : OUTBOX_PRIORITY_BULK,
        channel: audience.channel,
        skipOptedOut: true,
      });
      await insertAudience(tx, {
        bulkId: broadcast.id,
        audience,
        version: texts.second
          ? {
              language: otherLanguage(broadcast.mainLanguage),
              message: broadcastMessage(texts.second, options),
            }
          : undefined,
      });
      const tally = await tallyBroadcast(tx, { bulkId: broadcast.id });
      await updateBroadcast(tx, {
        id: broadcast.id,
        now,
        state: 'running',
        startedAt: now,
        progressAt: now,
        counts: { recipients: tally.waiting, audience: tally.audience },
      });
      await scheduleJob(tx, progress, {
        payload: { broadcastId },
        dueAt: new Date(now.getTime() + checkEvery),
        dedupeKey: `broadcast-progress:${broadcastId}`,
        now,
      });
      // A broadcast confirmed to go at once was announced when confirmed.
      if (broadcast.startAt.getTime() - broadcast.createdAt.getTime() > checkEvery) {
        await tellProgress(tx, broadcast, tally, now);
      }
      logger.info({ broadcastId, recipients: tally.waiting }, 'broadcast started');
      return undefined;
    },
  });

  async function finish(tx: Db, broadcast: BroadcastRow, tally: BroadcastTally, now: Date) {
    const villages = await reachByVillage(tx, { bulkId: broadcast.id });
    const state = broadcast.state === 'stopped' ? 'stopped' : 'done';
    const recipients = (broadcast.counts as { recipients?: number } | null)?.recipients ?? 0;
    await updateBroadcast(tx, {
      id: broadcast.id,
      now,
      state,
      finishedAt: now,
      counts: { recipients, ...tally },
    });
    const shown = villages.filter((v) => v.notReached > 0);
    const { directory } = await options.villages();
    const lines = shown.slice(0, REPORT_VILLAGES_SHOWN).map((v) => {
      const village = v.villageCode ? directory.get(v.villageCode) : undefined;
      const place = village ? placeOf(village) : undefined;
      const name = place ? `${place.name}, ${place.district}` : (v.villageCode ?? '?');
      return t('broadcasts:report.village_line', { name, count: v.notReached });
    });
    if (shown.length > REPORT_VILLAGES_SHOWN) {
      lines.push(
        t('broadcasts:report.more_villages', { count: shown.length - REPORT_VILLAGES_SHOWN }),
      );
    }
    // The progress message edited in place ends at the final numbers; elsewhere the report says them.
    if (await editedInPlace(tx, broadcast)) await tellProgress(tx, broadcast, tally, now);
    const villageText =
      lines.length > 0
        ? t('broadcasts:report.villages', { lines: joinTexts(lines, t('broadcasts:home.none')) })
        : t('broadcasts:report.all_reached');
    await tell(
      tx,
      broadcast,
      [
        reportText(broadcast, tally, state),
        villageText,
        ...(lines.length > 0 ? [t('broadcasts:report.csv', { number: broadcast.number })] : []),
      ],
      now,
    );
  }

  return { start, progress, jobs: [start, progress] };
}

/**
 * "#3: 3.200 / 10.000 sent, 12 failed": of the people to write to when it started, those
 * sent, and those failed or found gone, unreachable or opted out since (not those stopped).
 */
function progressText(broadcast: BroadcastRow, tally: BroadcastTally): Text {
  const counts = broadcast.counts as { recipients?: number; audience?: number } | null;
  const total = counts?.recipients ?? 0;
  const skippedAtStart = (counts?.audience ?? 0) - total;
  const skippedNow = Object.values(tally.skipped).reduce((a, b) => a + b, 0);
  const late = Math.max(0, skippedNow - (tally.skipped.stopped ?? 0) - skippedAtStart);
  return t('broadcasts:progress', {
    number: broadcast.number,
    sent: tally.sent,
    total,
    failed: tally.failed + late,
  });
}

function reportText(broadcast: BroadcastRow, tally: BroadcastTally, state: 'done' | 'stopped') {
  const reasons = tally.failedReasons
    .slice(0, 3)
    .map((r) => t('broadcasts:report.reason', { reason: r.reason, count: r.count }));
  const skipped = (reason: string) => tally.skipped[reason] ?? 0;
  return joinTexts(
    [
      t('broadcasts:report.title', {
        number: broadcast.number,
        state: t(`broadcasts:report.${state}`),
      }),
      t('broadcasts:report.lines', {
        sent: tally.sent,
        failed: tally.failed,
        reasons: reasons.length > 0 ? [t('broadcasts:report.reasons', { list: reasons })] : '',
        unreachable: skipped('unreachable'),
        opted_out: skipped('opted_out'),
        no_consent: skipped('no_consent') + skipped('gone'),
        stopped: skipped('stopped'),
      }),
    ],
    t('broadcasts:home.none'),
  );
}

/** Messages to the sender, unless they deleted their data. */
async function tell(tx: Db, broadcast: BroadcastRow, texts: Text[], now: Date) {
  if (!broadcast.senderId) return;
  await notifyContact(tx, { contactId: broadcast.senderId, messages: [{ texts }], now });
}

/** The key of a broadcast's progress messages: one message, edited in place where it can be. */
export function progressKey(broadcastId: string): string {
  return `broadcast-progress:${broadcastId}`;
}

/** The progress to the sender, as the message kept up to date in place. */
async function tellProgress(tx: Db, broadcast: BroadcastRow, tally: BroadcastTally, now: Date) {
  if (!broadcast.senderId) return;
  const message: Outbound = {
    texts: [progressText(broadcast, tally)],
    inPlace: { key: progressKey(broadcast.id) },
  };
  await notifyContact(tx, { contactId: broadcast.senderId, messages: [message], now });
}
