/**
 * BERHENTI / STOP (a whole message while no flow runs, or /berhenti anywhere) stops
 * announcements to the person; LANJUT / RESUME (or /lanjut) turns them back on. Only
 * broadcasts heed it: answers, report news and reminders of joined sessions still come.
 * Inside a flow the words keep cancelling it, and the reply says how to stop announcements.
 */
import type { IdleWords } from '../../src/core/engine/idle-words.js';
import { call } from '../../src/core/flow/action.js';
import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { optIn, optOut } from './declarations.js';

/** /berhenti. */
export const optOutFlow = defineFlow({
  id: 'broadcast-stop',
  version: 1,
  commands: ['berhenti', 'stop'],
  // On top of what the person was doing, which resumes after.
  returns: true,
  steps: [
    call('stop', optOut, { input: () => null }),
    { id: 'done', kind: 'say', text: t('broadcasts:stop.done'), next: END },
  ],
});

/** BERHENTI and LANJUT as whole messages (see src/core/engine/idle-words.ts). */
export const OPT_OUT_WORDS: IdleWords[] = [
  { words: ['berhenti', 'stop'], flow: 'broadcast-stop', noteInFlow: t('broadcasts:stop.hint') },
  { words: ['lanjut', 'resume'], flow: 'broadcast-resume' },
];

/** /lanjut. */
export const optInFlow = defineFlow({
  id: 'broadcast-resume',
  version: 1,
  commands: ['lanjut', 'resume'],
  returns: true,
  steps: [
    call('resume', optIn, { input: () => null }),
    { id: 'done', kind: 'say', text: t('broadcasts:resume.done'), next: END },
  ],
});
