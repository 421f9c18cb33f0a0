/** BERHENTI and LANJUT, and their part of /datasaya. */
import { t } from '../../../src/core/messages.js';
import { getOptOut, setOptOut } from '../../../src/db/queries/broadcasts.js';
import { formatDate } from '../../../src/domain/dates.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { MyDataSection } from '../../../src/runtime/capability.js';
import { optIn, optOut } from '../declarations.js';

/** The opt-out actions. */
export const optOutActions: ActionImplementation[] = [
  implement(optOut, async ({ tx, contact, clock }) => {
    await setOptOut(tx, { contactId: contact.id, stopped: true, now: clock.now() });
    return { outcome: 'stopped' };
  }),
  implement(optIn, async ({ tx, contact, clock }) => {
    await setOptOut(tx, { contactId: contact.id, stopped: false, now: clock.now() });
    return { outcome: 'resumed' };
  }),
];

/** /datasaya: whether the person receives announcements, since when. */
export const broadcastsMyData: MyDataSection = {
  order: 60,
  async build({ tx, contact }) {
    const choice = await getOptOut(tx, { contactId: contact.id });
    const body = !choice
      ? t('broadcasts:my_data.receiving')
      : choice.stoppedAt
        ? t('broadcasts:my_data.stopped', { date: formatDate(choice.stoppedAt) })
        : t('broadcasts:my_data.resumed', { date: formatDate(choice.changedAt) });
    return { title: t('broadcasts:my_data.title'), body };
  },
};
