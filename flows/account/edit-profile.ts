import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, goto, push, type StepContext } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { summariseProfile } from './declarations.js';
import { FLOW_IDS } from './flow-ids.js';
import { nameSteps, roleSteps, villageSteps } from './profile-steps.js';
import { profileText } from './profile-text.js';

const OPTION_KEYS = ['name', 'village', 'role', 'language', 'done'] as const;

const load = call('load', summariseProfile);

function options(ctx: StepContext) {
  const shown =
    ctx.contact.role === 'admin' ? OPTION_KEYS.filter((o) => o !== 'role') : OPTION_KEYS;
  return shown.map((value) => ({ value, label: t(`edit-profile:options.${value}`) }));
}

/**
 * /ubahdata: correct the name, the village, the role (a request when above warga) or the
 * language, one at a time, with the profile shown before each choice. A new village outside
 * the area of a staff role ends that role (said before and after; see profile-steps.ts).
 */
export const editProfileFlow = defineFlow({
  id: 'edit-profile',
  version: 1,
  commands: ['ubahdata', 'editdata'],
  steps: [
    load,
    {
      id: 'choose',
      kind: 'choice',
      prompt: (ctx) =>
        t('edit-profile:prompt', {
          profile: profileText(resultOf(ctx, load), ctx.contact.language),
        }),
      options,
      next: {
        name: 'name',
        village: 'village_query',
        role: 'role',
        language: push(FLOW_IDS.language),
        done: 'done',
      },
    },
    ...nameSteps({ after: 'saved' }),
    ...roleSteps({ after: 'saved' }),
    ...villageSteps({ after: 'saved', unchanged: 'load' }),
    { id: 'saved', kind: 'say', text: t('edit-profile:saved'), next: 'load' },
    { id: 'done', kind: 'say', text: t('edit-profile:done'), next: goto(FLOW_IDS.menu) },
  ],
});
