/** The tunables of training sessions (issue 15), set from the environment in src/config.ts. */

/** When reminders and the feedback question go out, and how late an RSVP may be cancelled. */
export interface TrainingConfig {
  /** Wall time of the reminder the day before, in the session's zone. */
  dayBeforeAt: { hour: number; minute: number };
  /** Minutes before the start of the second reminder. */
  reminderBeforeMinutes: number;
  /** Minutes before the start within which "Ikut" can no longer be cancelled. */
  cancelCutoffMinutes: number;
  /** Minutes after the end when attendees are asked for feedback. */
  feedbackAfterMinutes: number;
  /** The Telegram bot's username, for check-in deep links (`t.me/<bot>?start=hadir_…`); none without. */
  telegramBot?: string;
}

/** Reminders at 18.00 the day before and 2 hours before; cancel until 1 hour before. */
export const DEFAULT_TRAINING: TrainingConfig = {
  dayBeforeAt: { hour: 18, minute: 0 },
  reminderBeforeMinutes: 120,
  cancelCutoffMinutes: 60,
  feedbackAfterMinutes: 60,
};

/** The flow that asks a person to review a session (`args`: the session's id), /ulasan. */
export const TRAINING_REVIEW_FLOW = 'training-review';

const WALL_CLOCK = /^([01]?\d|2[0-3])[.:]([0-5]\d)$/;

/** "18:00" or "18.00" as hour and minute; undefined for anything else. */
export function parseClock(value: string): { hour: number; minute: number } | undefined {
  const match = WALL_CLOCK.exec(value.trim());
  return match ? { hour: Number(match[1]), minute: Number(match[2]) } : undefined;
}
