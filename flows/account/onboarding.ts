import { call, resultOf } from '../../src/core/flow/action.js';
import {
  type ChoiceOption,
  defineFlow,
  END,
  goto,
  type StepContext,
} from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { roleName } from '../../src/domain/roles.js';
import {
  completeProfile,
  recordConsent,
  resumeOnboarding,
  setLanguage,
  summariseProfile,
} from './declarations.js';
import { FLOW_IDS } from './flow-ids.js';
import { nameSteps, roleSteps, villageSteps } from './profile-steps.js';
import { profileText } from './profile-text.js';

const resume = call('resume', resumeOnboarding, {
  next: {
    fresh: 'language',
    consent: 'consent',
    name: 'name',
    role: 'role',
    summary: 'summary_load',
    registered: goto(FLOW_IDS.menu),
  },
});
const summaryLoad = call('summary_load', summariseProfile);
const finish = call('finish', completeProfile);

const editingFromSummary = (ctx: StepContext): boolean => ctx.answers.summary !== undefined;
const profileTargets = (after: string) => ({
  after,
  edited: 'summary_load',
  editing: editingFromSummary,
});

function consentPrompt(ctx: StepContext): Text {
  const resumed = resultOf(ctx, resume);
  const intro = resumed?.outcome === 'consent' ? resumed.previous : 'new';
  return t('onboarding:consent.prompt', { intro: t(`onboarding:consent.intro_${intro}`) });
}

function summaryOptions(ctx: StepContext): ChoiceOption[] {
  const options: ChoiceOption[] = [
    { value: 'confirm', label: t('onboarding:summary.confirm'), means: 'yes' },
    { value: 'name', label: t('onboarding:summary.edit_name') },
    { value: 'role', label: t('onboarding:summary.edit_role') },
    { value: 'village', label: t('onboarding:summary.edit_village') },
  ];
  return ctx.contact.role === 'admin' ? options.filter((o) => o.value !== 'role') : options;
}

function doneText(ctx: StepContext): Text {
  const finished = resultOf(ctx, finish);
  if (finished?.outcome === 'requested') {
    return t('onboarding:done_requested', { role: roleName(finished.role) });
  }
  return t('onboarding:done');
}

/**
 * The first conversation: language, age, privacy notice and consent, then the profile
 * (name, role, village) and a summary to confirm. Opened for everyone without a current
 * consent or a confirmed profile, and resumed where they left off: only the language and
 * the consent answer are stored before consent.
 */
export const onboardingFlow = defineFlow({
  id: FLOW_IDS.onboarding,
  version: 1,
  steps: [
    resume,
    {
      id: 'language',
      kind: 'choice',
      prompt: t('onboarding:welcome'),
      options: [
        { value: 'id', label: t('language:options.id') },
        { value: 'en', label: t('language:options.en') },
      ],
    },
    call('set_language', setLanguage, {
      input: (ctx) => ({ language: ctx.answers.language ?? null }),
    }),
    { id: 'language_set', kind: 'say', text: t('language:changed') },
    {
      id: 'age',
      kind: 'yesno',
      prompt: t('onboarding:age.prompt'),
      help: t('onboarding:age.help'),
      next: { yes: 'consent', no: 'minor' },
    },
    { id: 'minor', kind: 'say', text: t('onboarding:age.minor'), next: END },
    {
      id: 'consent',
      kind: 'choice',
      prompt: consentPrompt,
      help: t('onboarding:consent.help'),
      options: [
        { value: 'accept', label: t('onboarding:consent.accept'), means: 'yes' },
        { value: 'decline', label: t('onboarding:consent.decline'), means: 'no' },
      ],
      next: { accept: 'accept', decline: 'decline' },
    },
    call('decline', recordConsent, { input: () => ({ answer: 'declined' }), next: 'declined' }),
    { id: 'declined', kind: 'say', text: t('onboarding:declined'), next: END },
    call('accept', recordConsent, {
      input: () => ({ answer: 'accepted' }),
      next: {
        registered: 'welcome_back',
        name: 'consented',
        role: 'role',
        summary: 'summary_load',
      },
    }),
    {
      id: 'welcome_back',
      kind: 'say',
      text: t('onboarding:welcome_back'),
      next: goto(FLOW_IDS.menu),
    },
    { id: 'consented', kind: 'say', text: t('onboarding:consented'), next: 'name' },
    ...nameSteps(profileTargets('role')),
    ...roleSteps(profileTargets('village_query')),
    ...villageSteps(profileTargets('summary_load')),
    summaryLoad,
    {
      id: 'summary',
      kind: 'choice',
      prompt: (ctx) =>
        t('onboarding:summary.prompt', {
          profile: profileText(resultOf(ctx, summaryLoad), ctx.contact.language),
        }),
      options: summaryOptions,
      next: { confirm: 'finish', name: 'name', role: 'role', village: 'village_query' },
    },
    finish,
    { id: 'done', kind: 'say', text: doneText, next: goto(FLOW_IDS.menu) },
  ],
});
