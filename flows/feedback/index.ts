/** The feedback capability: "Kirim saran", a suggestion about Sapa Desa for the programme team. */
import { goto } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { deleteFeedbackOf } from '../../src/db/queries/feedback.js';
import { defineCapability } from '../../src/runtime/capability.js';
import { feedbackActions, feedbackSection } from './actions.js';
import { feedbackFlow } from './feedback.js';

/** The feedback capability. */
export const feedbackCapability = defineCapability({
  id: 'feedback',
  flows: [feedbackFlow],
  actions: () => feedbackActions,
  menu: [{ value: 'feedback', label: t('feedback:menu'), order: 70, target: goto('feedback') }],
  myData: [feedbackSection],
  async erase(tx, { contactId }) {
    return { mediaIds: await deleteFeedbackOf(tx, { contactId }) };
  },
  namespaces: ['feedback'],
});
