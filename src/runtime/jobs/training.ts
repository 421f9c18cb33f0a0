/**
 * The timed work of training sessions (issue 15), as jobs per session written in the
 * transaction that created or changed it: the reminders (the day before at a wall time in
 * the session's zone, and some hours before the start), the end (people going who did not
 * check in are recorded absent) and the feedback question after the end.
 *
 * Each job carries the start or end it was planned for, and its dedupe key names it: a
 * session moved gets new jobs, and the old ones, finding another time (or a cancelled
 * session), end without effect. Messages to many people go through the bulk lane; the
 * feedback question is a flow started for each attendee (a trigger, pushed on top of what
 * they are doing), in batches while the outbox has room, each batch marking those it asked;
 * its question waits in the bulk lane's priority, after replies to people chatting.
 */
import { z } from 'zod';
import { type Outbound, t } from '../../core/messages.js';
import type { Db } from '../../db/client.js';
import { countOpenOutbox, OUTBOX_PRIORITY_BULK } from '../../db/queries/bulk.js';
import { getSession, type TrainingSession, updateSession } from '../../db/queries/training.js';
import {
  markAbsent,
  rsvpContacts,
  takeFeedbackRecipients,
} from '../../db/queries/training-rsvps.js';
import {
  DEFAULT_TRAINING,
  TRAINING_REVIEW_FLOW,
  type TrainingConfig,
} from '../../domain/training/config.js';
import { sessionPlaceText } from '../../domain/training/place.js';
import { dayBeforeAt, whenText } from '../../domain/training/time.js';
import { type AnyJobDefinition, defineJob, scheduleJob } from '../scheduler.js';
import { BULK_PAUSE_MS, OUTBOX_BULK_THRESHOLD, startBulkSend } from '../scheduler-bulk.js';

export { DEFAULT_TRAINING, type TrainingConfig };

const MINUTE_MS = 60_000;
/**
 * Attendees asked for feedback per run (one transaction, which holds their conversations'
 * locks while it runs: small, so someone chatting waits little).
 */
export const FEEDBACK_BATCH = 50;
const REMINDERS = ['day_before', 'soon'] as const;
type Reminder = (typeof REMINDERS)[number];

const reminderPayload = z.object({
  sessionId: z.string().min(1),
  which: z.enum(REMINDERS),
  startsAt: z.iso.datetime(),
});
const endPayload = z.object({ sessionId: z.string().min(1), endsAt: z.iso.datetime() });

/** What the training actions call, in their transaction. */
export interface TrainingTimers {
  config: TrainingConfig;
  /** Plans the jobs of a session just created or moved (nothing already past). */
  planned(tx: Db, session: TrainingSession, now: Date): Promise<void>;
}

/** The jobs, and the call that plans them. */
export interface TrainingSchedule extends TrainingTimers {
  jobs: AnyJobDefinition[];
}

/** Where and how to join a session, for a reminder or a change: the venue (and pin) or the link. */
export function placeText(session: TrainingSession): Outbound['texts'][number] {
  return sessionPlaceText(session);
}

/** True while the session still runs at the time a job was planned for. */
function current(session: TrainingSession | undefined, field: 'startsAt' | 'endsAt', at: string) {
  return (
    session !== undefined &&
    session.status !== 'dibatalkan' &&
    session[field].getTime() === Date.parse(at)
  );
}

/** Builds the training jobs over the deployment's settings. */
export function createTrainingSchedule(
  config: TrainingConfig = DEFAULT_TRAINING,
): TrainingSchedule {
  const dueOf = (session: { startsAt: Date; timeZone: string }, which: Reminder) =>
    which === 'day_before'
      ? dayBeforeAt(session.startsAt, session.timeZone, config.dayBeforeAt)
      : new Date(session.startsAt.getTime() - config.reminderBeforeMinutes * MINUTE_MS);

  const reminderJob = defineJob({
    kind: 'training.reminder',
    payload: reminderPayload,
    async run({ tx, now, logger }, payload) {
      const session = await getSession(tx, { id: payload.sessionId });
      if (!session || !current(session, 'startsAt', payload.startsAt)) return undefined;
      if (session.status === 'selesai' || now >= session.startsAt) return undefined;
      const due = dueOf(session, payload.which);
      const recipients = await rsvpContacts(tx, {
        sessionId: session.id,
        statuses: ['ikut'],
        joinedBy: due,
      });
      if (recipients.length === 0) return undefined;
      const key = payload.which === 'day_before' ? 'day_before' : 'soon';
      await startBulkSend(tx, {
        id: `training-reminder:${session.id}:${payload.which}:${session.startsAt.getTime()}`,
        kind: 'training_reminder',
        message: {
          texts: [
            t(`training:reminder.${key}`, {
              title: session.title,
              when: whenText(session.startsAt, session.timeZone),
              place: placeText(session),
            }),
          ],
        },
        recipients,
        now,
      });
      logger.info({ sessionId: session.id, count: recipients.length }, 'training reminder');
      return undefined;
    },
  });

  const endJob = defineJob({
    kind: 'training.end',
    payload: endPayload,
    async run({ tx, now, logger }, payload) {
      const session = await getSession(tx, { id: payload.sessionId });
      if (!session || !current(session, 'endsAt', payload.endsAt)) return undefined;
      if (session.status === 'selesai') return undefined;
      const absent = await markAbsent(tx, { sessionId: session.id, now });
      await updateSession(tx, { id: session.id, changes: { status: 'selesai' }, now });
      logger.info({ sessionId: session.id, absent }, 'training session ended');
      return undefined;
    },
  });

  const feedbackJob = defineJob({
    kind: 'training.feedback',
    payload: endPayload,
    async run({ tx, now, logger, trigger }, payload) {
      const session = await getSession(tx, { id: payload.sessionId });
      if (!session || !current(session, 'endsAt', payload.endsAt)) return undefined;
      const room = Math.min(FEEDBACK_BATCH, OUTBOX_BULK_THRESHOLD - (await countOpenOutbox(tx)));
      if (room <= 0) return { type: 'again', at: new Date(now.getTime() + BULK_PAUSE_MS) };
      const recipients = await takeFeedbackRecipients(tx, {
        sessionId: session.id,
        now,
        limit: room,
      });
      let started = 0;
      for (const contactId of recipients) {
        const outcome = await trigger({
          contactId,
          flow: TRAINING_REVIEW_FLOW,
          args: session.id,
          mode: 'push',
          priority: OUTBOX_PRIORITY_BULK,
        });
        if (outcome.type === 'started') started += 1;
      }
      logger.info(
        { sessionId: session.id, asked: recipients.length, started },
        'training feedback',
      );
      // A full batch: more may wait, and the next run (at once) looks at the outbox again.
      return recipients.length < room ? undefined : { type: 'again', at: now };
    },
  });

  return {
    config,
    jobs: [reminderJob, endJob, feedbackJob],
    async planned(tx, session, now) {
      const startsAt = session.startsAt.toISOString();
      const endsAt = session.endsAt.toISOString();
      for (const which of REMINDERS) {
        const due = dueOf(session, which);
        if (due <= now) continue;
        await scheduleJob(tx, reminderJob, {
          payload: { sessionId: session.id, which, startsAt },
          dueAt: due,
          dedupeKey: `training:${session.id}:${which}:${startsAt}`,
          now,
        });
      }
      await scheduleJob(tx, endJob, {
        payload: { sessionId: session.id, endsAt },
        dueAt: session.endsAt,
        dedupeKey: `training:${session.id}:end:${endsAt}`,
        now,
      });
      await scheduleJob(tx, feedbackJob, {
        payload: { sessionId: session.id, endsAt },
        dueAt: new Date(session.endsAt.getTime() + config.feedbackAfterMinutes * MINUTE_MS),
        dedupeKey: `training:${session.id}:feedback:${endsAt}`,
        now,
      });
    },
  };
}
