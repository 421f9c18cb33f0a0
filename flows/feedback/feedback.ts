import { call } from '../../src/core/flow/action.js';
import { defineFlow, goto, type StepContext } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { saveFeedback, TOPICS } from './declarations.js';

/** The topic chosen, as one of {@link TOPICS}. */
function topicOf(ctx: StepContext): (typeof TOPICS)[number] {
  return TOPICS.find((topic) => topic === ctx.answers.topic) ?? 'other';
}

/**
 * "Kirim saran": a suggestion about Sapa Desa for the programme team. Uses most step
 * kinds (choice, text, number, photos, yes/no, a summary and a saving call).
 */
export const feedbackFlow = defineFlow({
  id: 'feedback',
  version: 1,
  commands: ['saran', 'feedback'],
  steps: [
    {
      id: 'topic',
      kind: 'choice',
      prompt: t('feedback:topic.prompt'),
      options: TOPICS.map((value) => ({ value, label: t(`feedback:topic.options.${value}`) })),
    },
    {
      id: 'message',
      kind: 'text',
      prompt: t('feedback:message.prompt'),
      min: 10,
      max: 1000,
      help: t('feedback:message.help'),
    },
    { id: 'rating', kind: 'number', prompt: t('feedback:rating.prompt'), min: 1, max: 5 },
    { id: 'photos', kind: 'photo', prompt: t('feedback:photos.prompt'), min: 0, max: 3 },
    { id: 'wants_reply', kind: 'yesno', prompt: t('feedback:wants_reply.prompt') },
    {
      id: 'confirm',
      kind: 'yesno',
      prompt: (ctx) =>
        t('feedback:summary', {
          topic: t(`feedback:topic.options.${topicOf(ctx)}`),
          message: String(ctx.answers.message),
          rating: Number(ctx.answers.rating),
          photos: Array.isArray(ctx.answers.photos) ? ctx.answers.photos.length : 0,
          reply: t(ctx.answers.wants_reply ? 'common:yes' : 'common:no'),
        }),
      next: { yes: 'save', no: 'discarded' },
    },
    { id: 'discarded', kind: 'say', text: t('feedback:discarded'), next: goto('menu') },
    call('save', saveFeedback, {
      input: ({ answers }) => ({
        topic: answers.topic,
        message: answers.message,
        rating: answers.rating,
        photos: answers.photos,
        wants_reply: answers.wants_reply,
      }),
    }),
    { id: 'thanks', kind: 'say', text: t('feedback:thanks'), next: goto('menu') },
  ],
});
