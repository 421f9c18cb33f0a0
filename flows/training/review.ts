import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { TRAINING_REVIEW_FLOW } from '../../src/domain/training/config.js';
import { branch, feedbackDue, saveReview } from './declarations.js';

/** Longest comment on a session, in characters. */
export const COMMENT_MAX_CHARS = 500;

/** The answer to the rating that puts the review off (/ulasan asks again later). */
const SKIP = 'skip';

// Started by the feedback job with the session's id; typed /ulasan words are not an id.
const due = call('due', feedbackDue, {
  input: (ctx) => ({ sessionId: ctx.args.trim() || null }),
  next: { none: 'none', '*': 'rating' },
});
const titleOf = (ctx: Parameters<typeof resultOf>[0]) => {
  const found = resultOf(ctx, due);
  return found?.outcome === 'due' ? found.title : '';
};

const save = call('save', saveReview, {
  input: (ctx) => {
    const found = resultOf(ctx, due);
    return {
      sessionId: found?.outcome === 'due' ? found.sessionId : '',
      rating: Number(ctx.answers.rating),
      comment: ctx.answers.wants_comment === true ? (ctx.answers.comment ?? null) : null,
    };
  },
  next: { saved: 'thanks', '*': 'already' },
});

/**
 * The review of a session: a rating from 1 to 5 (or "lewati", to give it later) and an
 * optional comment, kept once per session. Started for each attendee one hour after the end
 * (on top of what they were doing, which resumes after); /ulasan opens the newest not yet
 * reviewed, for whoever put it off or missed it.
 */
export const reviewFlow = defineFlow({
  id: TRAINING_REVIEW_FLOW,
  version: 2,
  commands: ['ulasan', 'review'],
  steps: [
    due,
    { id: 'none', kind: 'say', text: t('training:feedback.none'), next: END },
    {
      id: 'rating',
      kind: 'number',
      prompt: (ctx) => t('training:feedback.rating', { title: titleOf(ctx) }),
      min: 1,
      max: 5,
      alternatives: [{ value: SKIP, label: t('training:feedback.skip') }],
    },
    call('rated', branch, {
      input: (ctx) => ({ outcome: ctx.answers.rating === SKIP ? SKIP : 'rated' }),
      next: { [SKIP]: 'later', '*': 'wants_comment' },
    }),
    { id: 'later', kind: 'say', text: t('training:feedback.later'), next: END },
    {
      id: 'wants_comment',
      kind: 'yesno',
      prompt: t('training:feedback.wants_comment'),
      next: { yes: 'comment', no: 'save' },
    },
    {
      id: 'comment',
      kind: 'text',
      prompt: t('training:feedback.comment'),
      min: 2,
      max: COMMENT_MAX_CHARS,
    },
    save,
    { id: 'thanks', kind: 'say', text: t('training:feedback.thanks'), next: END },
    { id: 'already', kind: 'say', text: t('training:feedback.already'), next: END },
  ],
});
