/** The web capability's actions, as its flow calls them (implemented in actions.ts). */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';
import type { Text } from '../../src/core/messages.js';

/** Makes a one-time sign-in link to the admin web for a member of staff. */
export const webLink = defineAction('web.link', {
  input: z.object({}),
  result: returns<{ outcome: 'link'; text: Text } | { outcome: 'not_staff' }>(),
});
