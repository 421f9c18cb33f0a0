import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END, goto, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { villagePickerSteps } from '../../src/domain/village-picker.js';
import { searchReportVillage, submitReport } from './declarations.js';
import { begin, draftInput, draftOf, saveVillage, summaryText } from './draft.js';
import { detailSteps, residentSteps, whatSteps } from './steps.js';
import { categoryName, typeName } from './text.js';

const submit = call('submit', submitReport, { input: draftInput });

const SUMMARY_OPTIONS = [
  'send',
  'type',
  'description',
  'photos',
  'location',
  'village',
  'privacy',
  'resident',
  'cancel',
] as const;

function filedText(ctx: StepContext): Text {
  const ticket = resultOf(ctx, submit)?.ticket ?? '';
  const name = String(ctx.answers.resident_name ?? '');
  return ctx.answers.for_whom === 'resident'
    ? t('report:filed_assisted', { ticket, name })
    : t('report:filed', { ticket });
}

/** What a kept draft is about, as the resume question says it: its category, else its type. */
function resumeText(ctx: StepContext): Text {
  const { category, type } = ctx.answers;
  const what =
    typeof category === 'string'
      ? categoryName(category)
      : typeof type === 'string'
        ? typeName(type)
        : undefined;
  return what ? t('report:draft.resume_about', { what }) : t('report:draft.resume');
}

function summaryOptions(ctx: StepContext) {
  const assisted = ctx.answers.for_whom === 'resident';
  return SUMMARY_OPTIONS.filter((value) => value !== 'resident' || assisted).map((value) => ({
    value,
    label: t(`report:summary.options.${value}`),
    ...(value === 'send' ? { means: 'yes' as const } : {}),
  }));
}

/**
 * /lapor: a citizen report, from its type to a summary where anything can be changed
 * before it is sent. Kader and perangkat may file for a resident without a phone.
 */
export const reportFlow = defineFlow({
  id: 'report',
  version: 1,
  commands: ['lapor', 'report'],
  draft: {
    leave: t('report:draft.leave'),
    stay: t('report:draft.stay'),
    saved: t('report:draft.saved'),
    resume: resumeText,
  },
  steps: [
    begin,
    { id: 'no_village', kind: 'say', text: t('report:no_village'), next: END },
    ...residentSteps,
    ...whatSteps,
    ...detailSteps,
    {
      id: 'summary',
      kind: 'choice',
      prompt: (ctx) => t('report:summary.prompt', { report: summaryText(draftOf(ctx)) }),
      options: summaryOptions,
      next: {
        send: 'submit',
        type: 'type',
        description: 'description',
        photos: 'photos',
        location: 'location',
        village: 'village_query',
        privacy: 'privacy',
        resident: 'resident_name',
        cancel: 'cancelled',
      },
    },
    ...villagePickerSteps({
      prompt: t('report:village.prompt'),
      search: searchReportVillage,
      picked: 'save_village',
      other: true,
    }),
    saveVillage,
    submit,
    { id: 'filed', kind: 'say', text: filedText, next: goto('menu') },
    { id: 'cancelled', kind: 'say', text: t('report:cancelled'), next: goto('menu') },
  ],
});
