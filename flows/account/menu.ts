import { defineFlow, goto, push, type StepContext } from '../src/core/flow/types.js';
import { t } from '../src/core/messages.js';

const OPTIONS = [
  'feedback',
  'help',
  'language',
  'questionnaire',
  'score',
  'report',
  'my_reports',
  'report_inbox',
] as const;

/** The options a person sees: staff (any role above warga) also get the incoming reports. */
function menuOptions(ctx: StepContext) {
  const staff = typeof ctx.contact.role === 'string' && ctx.contact.role !== 'warga';
  return OPTIONS.filter((value) => staff || value !== 'report_inbox').map((value) => ({
    value,
    label: t(`menu:options.${value}`),
  }));
}

/** The main menu: what a registered person can do. */
export const menuFlow = defineFlow({
  id: 'menu',
  version: 1,
  commands: ['menu', 'start', 'mulai'],
  extraKeys: ['menu:prompt', 'menu:prompt_named', ...OPTIONS.map((o) => `menu:options.${o}`)],
  steps: [
    {
      id: 'choose',
      kind: 'choice',
      prompt: (ctx) =>
        typeof ctx.contact.displayName === 'string'
          ? t('menu:prompt_named', { name: ctx.contact.displayName })
          : t('menu:prompt'),
      options: menuOptions,
      next: {
        feedback: goto('feedback'),
        help: push('help'),
        language: push('language'),
        questionnaire: goto('questionnaire'),
        score: goto('village-score'),
        report: goto('report'),
        my_reports: goto('my-reports'),
        report_inbox: goto('report-staff'),
      },
    },
  ],
});
