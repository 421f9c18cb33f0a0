/**
 * The broadcasts capability (siaran, issue 16): /siaran for admins (everywhere) and duta
 * digital (their kabupaten), delivered through the bulk lane by the jobs of
 * src/runtime/jobs/broadcasts.ts, and the opt-out (BERHENTI / LANJUT). Flow files here are
 * pure; the work is in actions/.
 */
import { goto } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { eraseBroadcastData } from '../../src/db/queries/broadcasts.js';
import { defineCapability } from '../../src/runtime/capability.js';
import { createBroadcastActions } from './actions/index.js';
import { broadcastsMyData } from './actions/opt-out.js';
import { broadcastFlow } from './compose.js';
import { OPT_OUT_WORDS, optInFlow, optOutFlow } from './opt-out.js';

/** The broadcasts capability. */
export const broadcastsCapability = defineCapability({
  id: 'broadcasts',
  flows: [broadcastFlow, optOutFlow, optInFlow],
  actions: createBroadcastActions,
  menu: [
    {
      value: 'broadcast',
      label: t('broadcasts:menu'),
      order: 75,
      roles: ['admin', 'duta_digital'],
      target: goto(broadcastFlow.id),
    },
  ],
  idleWords: OPT_OUT_WORDS,
  // Stopping announcements is honoured even before consenting.
  openBeforeConsent: [optOutFlow.id, optInFlow.id],
  myData: [broadcastsMyData],
  async erase(tx, { contactId }) {
    await eraseBroadcastData(tx, { contactId });
    return {};
  },
  namespaces: ['broadcasts'],
});
