import { defineFlow, END, goto, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { roleName } from '../../src/domain/roles.js';
import { FLOW_IDS } from './flow-ids.js';
import { nameSteps, PROFILE_STEP_KEYS, roleSteps, villageSteps } from './profile-steps.js';
import { PROFILE_TEXT_KEYS, profileText, summaryOf } from './profile-text.js';

const editingFromSummary = (ctx: StepContext): boolean => ctx.answers.summary !== undefined;
const profileTargets = (after: string) => ({
  after,
  edited: 'summary_load',
  editing: editingFromSummary,
});

function consentPrompt(ctx: StepContext): Text {
  const resume = ctx.answers.resume as { previous?: string } | undefined;
  const intro =
    resume?.previous === 'updated' || resume?.previous === 'again' ? resume.previous : 'new';
  return t('onboarding:consent.prompt', { intro: t(`onboarding:consent.intro_${intro}`) });
}

function summaryOptions(ctx: StepContext) {
  const options = [
    { value: 'confirm', label: t('onboarding:summary.confirm') },
    { value: 'name', label: t('onboarding:summary.edit_name') },
    { value: 'role', label: t('onboarding:summary.edit_role') },
    { value: 'village', label: t('onboarding:summary.edit_village') },
  ];
  return ctx.contact.role === 'admin' ? options.filter((o) => o.value !== 'role') : options;
}

function doneText(ctx: StepContext): Text {
  const finish = ctx.answers.finish as { outcome?: string; role?: string } | undefined;
  if (finish?.outcome === 'requested' && finish.role) {
    return t('onboarding:done_requested', { role: roleName(finish.role) });
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
  extraKeys: [
    ...PROFILE_STEP_KEYS,
    ...PROFILE_TEXT_KEYS,
    'onboarding:consent.prompt',
    'onboarding:consent.intro_new',
    'onboarding:consent.intro_updated',
    'onboarding:consent.intro_again',
    'onboarding:summary.prompt',
    'onboarding:summary.confirm',
    'onboarding:summary.edit_name',
    'onboarding:summary.edit_role',
    'onboarding:summary.edit_village',
    'onboarding:done',
    'onboarding:done_requested',
  ],
  steps: [
    {
      id: 'resume',
      kind: 'call',
      action: 'onboarding.resume',
      next: {
        fresh: 'language',
        consent: 'consent',
        name: 'name',
        role: 'role',
        summary: 'summary_load',
        registered: goto(FLOW_IDS.menu),
      },
    },
    {
      id: 'language',
      kind: 'choice',
      prompt: t('onboarding:welcome'),
      options: [
        { value: 'id', label: t('language:options.id') },
        { value: 'en', label: t('language:options.en') },
      ],
    },
    {
      id: 'set_language',
      kind: 'call',
      action: 'contact.set_language',
      input: (ctx) => ({ language: ctx.answers.language ?? null }),
    },
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
        { value: 'accept', label: t('onboarding:consent.accept') },
        { value: 'decline', label: t('onboarding:consent.decline') },
      ],
      next: { accept: 'accept', decline: 'decline' },
    },
    {
      id: 'decline',
      kind: 'call',
      action: 'consent.record',
      input: () => ({ answer: 'declined' }),
      next: 'declined',
    },
    { id: 'declined', kind: 'say', text: t('onboarding:declined'), next: END },
    {
      id: 'accept',
      kind: 'call',
      action: 'consent.record',
      input: () => ({ answer: 'accepted' }),
      next: {
        registered: 'welcome_back',
        name: 'consented',
        role: 'role',
        summary: 'summary_load',
      },
    },
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
    { id: 'summary_load', kind: 'call', action: 'profile.summary' },
    {
      id: 'summary',
      kind: 'choice',
      prompt: (ctx) =>
        t('onboarding:summary.prompt', {
          profile: profileText(summaryOf(ctx, 'summary_load'), ctx.contact.language),
        }),
      options: summaryOptions,
      next: { confirm: 'finish', name: 'name', role: 'role', village: 'village_query' },
    },
    { id: 'finish', kind: 'call', action: 'profile.complete' },
    { id: 'done', kind: 'say', text: doneText, next: goto(FLOW_IDS.menu) },
  ],
});
