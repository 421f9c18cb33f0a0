/** /ulasan: the review of the last session the person was asked about; /datasaya's part. */
import { t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import {
  feedbackDue as findFeedbackDue,
  insertTrainingFeedback,
  rsvpsOf,
} from '../../../src/db/queries/training-rsvps.js';
import { whenText } from '../../../src/domain/training/time.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { MyDataSection } from '../../../src/runtime/capability.js';
import { feedbackDue, saveReview } from '../declarations.js';

/** The review actions. */
export const reviewActions: ActionImplementation[] = [
  // The session named (the question just opened), else (reviewed already, or words typed
  // after /ulasan) the newest still waiting.
  implement(feedbackDue, async ({ tx, contact }, { sessionId }) => {
    const named = sessionId
      ? await findFeedbackDue(tx, { contactId: contact.id, sessionId })
      : undefined;
    const due = named ?? (await findFeedbackDue(tx, { contactId: contact.id }));
    return due ? { outcome: 'due', ...due } : { outcome: 'none' };
  }),
  implement(saveReview, async ({ tx, contact, clock, ids }, review) => {
    const saved = await insertTrainingFeedback(tx, {
      id: ids.next(),
      contactId: contact.id,
      ...review,
      now: clock.now(),
    });
    return { outcome: saved ? 'saved' : 'already' };
  }),
];

/** /datasaya: the person's sessions, their answer or attendance, and their rating. */
export const trainingSection: MyDataSection = {
  order: 60,
  async build({ tx, contact }) {
    const rows = await rsvpsOf(tx, { contactId: contact.id });
    const lines = rows.map((row) =>
      t('training:my_data.line', {
        title: row.title,
        when: whenText(row.startsAt, row.timeZone),
        status: t(
          `training:attendance.status.${row.attendance === 'hadir' || row.attendance === 'absen' ? row.attendance : row.status === 'menunggu' || row.status === 'tidak' ? row.status : 'ikut'}`,
        ),
        rating: row.rating ? t('training:my_data.rating', { rating: row.rating }) : '',
      }),
    );
    return {
      title: t('training:my_data.title'),
      body: joinTexts(lines, t('training:my_data.none')),
    };
  },
};
