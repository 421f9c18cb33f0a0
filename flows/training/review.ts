import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { feedbackDue, saveReview } from './declarations.js';

/** Longest comment on a session, in characters. */
export const COMMENT_MAX_CHARS = 500;

const due = call('due', feedbackDue, { next: { none: 'none', '*': 'rating' } });
const titleOf = (ctx: Parameters<typeof resultOf>[0]) => {
  const found = resultOf(ctx, due);
  return found?.outcome === 'due' ? found.title : '';
};

const save = call('save', saveReview, {
  input: (ctx) => {
    const found = resultOf(ctx, due);
    return {
      sessionId: found?.outcome === 'due' ? found.sessionId : '',
      rating: ctx.answers.rating ?? null,
      comment: ctx.answers.wants_comment === true ? (ctx.answers.comment ?? null) : null,
    };
  },
  next: { saved: 'thanks', '*': 'already' },
});

/**
 * /ulasan: the review of the last session the person was asked about (one hour after its
 * end): a rating from 1 to 5 and an optional comment, kept once per session.
 */
export const reviewFlow = defineFlow({
  id: 'training-review',
  version: 1,
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
    },
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
