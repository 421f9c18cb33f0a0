/**
 * The training actions: /jadwal and the RSVP (schedule.ts), the wizard and the changes
 * (manage.ts) and its trainer search (trainer.ts), the check-in and attendance (check-in.ts), and the review (review.ts).
 */
import type { ActionImplementation } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { createTrainingSchedule } from '../../../src/runtime/jobs/training.js';
import { calendarActions } from './calendar.js';
import { createCheckInActions } from './check-in.js';
import { createManageActions } from './manage.js';
import { reviewActions } from './review.js';
import { createScheduleActions } from './schedule.js';
import { createTrainerActions } from './trainer.js';

/** Every action of the training capability. */
export function createTrainingActions(services: CapabilityServices): ActionImplementation[] {
  const timers = services.trainingTimers ?? createTrainingSchedule();
  return [
    ...createScheduleActions(timers),
    ...createManageActions(services, timers),
    ...createCheckInActions(services, timers),
    ...createTrainerActions(services),
    ...reviewActions,
    ...calendarActions,
  ];
}
