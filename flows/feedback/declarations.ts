/** The feedback capability's actions, as its flow calls them (implemented in actions.ts). */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';

/** What a suggestion may be about. */
export const TOPICS = ['usage', 'content', 'idea', 'problem', 'other'] as const;

/** Stores the suggestion. */
export const saveFeedback = defineAction('feedback.save', {
  input: z.object({
    topic: z.enum(TOPICS),
    message: z.string(),
    rating: z.number().int(),
    photos: z.array(z.string()).default([]),
    wants_reply: z.boolean(),
  }),
  result: returns<{ outcome: 'saved' }>(),
});
