/**
 * The training capability (bimtek, issue 15): the schedule and RSVPs with a waitlist
 * (/jadwal), the new-session wizard (/pelatihanbaru), changes and cancellation from a
 * session's detail, check-in (HADIR), reviews (/ulasan). Reminders, the end and the
 * feedback question are jobs (src/runtime/jobs/training.ts). Flow files here are pure;
 * the work is in actions/.
 */
import { goto } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { anonymiseTrainingOf } from '../../src/db/queries/training-rsvps.js';
import { defineCapability } from '../../src/runtime/capability.js';
import { createTrainingActions } from './actions/index.js';
import { trainingSection } from './actions/review.js';
import { checkInFlow } from './check-in.js';
import { newSessionFlow } from './new-session.js';
import { reviewFlow } from './review.js';
import { scheduleFlow } from './schedule.js';

export { withCheckInWords } from './words.js';

/** The training capability. */
export const trainingCapability = defineCapability({
  id: 'training',
  flows: [scheduleFlow, newSessionFlow, checkInFlow, reviewFlow],
  actions: createTrainingActions,
  menu: [
    { value: 'training', label: t('training:menu'), order: 60, target: goto(scheduleFlow.id) },
  ],
  myData: [trainingSection],
  // Answers and attendance stay as anonymous counts for the session's record.
  async erase(tx, { contactId }) {
    await anonymiseTrainingOf(tx, { contactId });
    return {};
  },
  namespaces: ['training'],
});
