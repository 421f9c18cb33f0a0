import { t } from '../../src/core/messages.js';
import { joinTexts } from '../../src/core/text-lines.js';
import { insertFeedback, listFeedbackOf } from '../../src/db/queries/feedback.js';
import { formatDate } from '../../src/domain/dates.js';
import { type ActionImplementation, implement } from '../../src/runtime/action.js';
import type { MyDataSection } from '../../src/runtime/capability.js';
import { saveFeedback, TOPICS } from './declarations.js';

/** The feedback capability's actions. */
export const feedbackActions: ActionImplementation[] = [
  implement(saveFeedback, async ({ tx, contact, clock, ids }, answers) => {
    await insertFeedback(tx, {
      id: ids.next(),
      contactId: contact.id,
      topic: answers.topic,
      message: answers.message,
      rating: answers.rating,
      wantsReply: answers.wants_reply,
      mediaIds: answers.photos,
      now: clock.now(),
    });
    return { outcome: 'saved' };
  }),
];

/** /datasaya: the suggestions the person sent. */
export const feedbackSection: MyDataSection = {
  order: 50,
  async build({ tx, contact }) {
    const rows = await listFeedbackOf(tx, { contactId: contact.id });
    const lines = rows.map((row) =>
      t('feedback:my_data.line', {
        date: formatDate(row.createdAt),
        topic: t(
          `feedback:topic.options.${TOPICS.find((topic) => topic === row.topic) ?? 'other'}`,
        ),
        message: row.message,
        rating: row.rating,
      }),
    );
    return {
      title: t('feedback:my_data.title'),
      body: joinTexts(lines, t('feedback:my_data.none')),
    };
  },
};
