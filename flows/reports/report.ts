import { defineFlow, END, goto, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { villagePickerSteps } from '../../src/domain/village-picker.js';
import { DRAFT_TEXT_KEYS, draftInput, draftOf, summaryText } from './draft.js';
import { detailSteps, residentSteps, whatSteps } from './steps.js';
import { REPORT_TEXT_KEYS, record } from './text.js';

function filedText(ctx: StepContext): Text {
  const result = record(ctx.answers.submit);
  const ticket = String(result.ticket ?? '');
  const name = String(ctx.answers.resident_name ?? '');
  return ctx.answers.for_whom === 'resident'
    ? t('report:filed_assisted', { ticket, name })
    : t('report:filed', { ticket });
}

function summaryOptions(ctx: StepContext) {
  const values = ['send', 'type', 'description', 'photos', 'location', 'village', 'privacy'];
  if (ctx.answers.for_whom === 'resident') values.push('resident');
  values.push('cancel');
  return values.map((value) => ({ value, label: t(`report:summary.options.${value}`) }));
}

/**
 * /lapor: a citizen report, from its type to a summary where anything can be changed
 * before it is sent. Kader and perangkat may file for a resident without a phone.
 */
export const reportFlow = defineFlow({
  id: 'report',
  version: 1,
  commands: ['lapor', 'report'],
  extraKeys: [
    ...REPORT_TEXT_KEYS,
    ...DRAFT_TEXT_KEYS,
    'report:resident.consent',
    'report:duplicate.prompt',
    'report:summary.prompt',
    'report:filed',
    'report:filed_assisted',
    ...['added', 'already', 'own', 'gone'].map((outcome) => `report:supported.${outcome}`),
    ...[
      'send',
      'type',
      'description',
      'photos',
      'location',
      'village',
      'privacy',
      'resident',
      'cancel',
    ].map((value) => `report:summary.options.${value}`),
  ],
  steps: [
    {
      id: 'begin',
      kind: 'call',
      action: 'report.begin',
      next: { assist: 'for_whom', no_village: 'no_village', '*': 'type' },
    },
    { id: 'no_village', kind: 'say', text: t('report:no_village'), next: END },
    ...residentSteps,
    ...whatSteps,
    ...detailSteps,
    {
      id: 'summary',
      kind: 'choice',
      prompt: (ctx) => t('report:summary.prompt', { report: summaryText(draftOf(ctx.answers)) }),
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
      searchAction: 'report.village_search',
      picked: 'save_village',
    }),
    {
      id: 'save_village',
      kind: 'call',
      action: 'report.set_village',
      input: (ctx) => ({ code: ctx.answers.village_pick ?? null }),
      next: 'dup_check',
    },
    { id: 'submit', kind: 'call', action: 'report.submit', input: draftInput },
    { id: 'filed', kind: 'say', text: filedText, next: goto('menu') },
    { id: 'cancelled', kind: 'say', text: t('report:cancelled'), next: goto('menu') },
  ],
});
