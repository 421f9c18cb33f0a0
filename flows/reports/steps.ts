/**
 * The questions of /lapor before its summary, in groups: who it is for (assisted
 * reports), what it is about (with 112 first for disasters and the offer to support a
 * similar open report), and the details. Each question asked again from the summary goes
 * back to it once answered.
 */
import { call, resultOf } from '../../src/core/flow/action.js';
import { END, goto, type Step, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import {
  EMERGENCY_CATEGORY,
  REPORT_CATEGORY_IDS,
  REPORT_TYPES,
} from '../../src/domain/report/categories.js';
import { branch as branchAction, findDuplicate, supportReport } from './declarations.js';
import { draftVillage, PRIVACY_NAMES } from './draft.js';
import { categoryName, statusName } from './text.js';

/** Shortest and longest description accepted, in characters. */
export const DESCRIPTION_MIN_CHARS = 15;
export const DESCRIPTION_MAX_CHARS = 1000;
/** Photos a report may carry. */
export const REPORT_MAX_PHOTOS = 3;
/** Shortest and longest landmark (patokan), resident name and resident contact, in characters. */
export const LANDMARK_MIN_CHARS = 3;
export const LANDMARK_MAX_CHARS = 200;
export const RESIDENT_NAME_MAX_CHARS = 60;

/** True for a shared pin (not a typed place, nor "lewati"). */
function isPin(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'latitude' in value;
}

/** The person came back from the summary to change one thing. */
const editing = (ctx: StepContext): boolean => ctx.answers.summary !== undefined;

/** A call step that only picks where to go next, from the answers (`report.branch`). */
function branch(
  id: string,
  pick: (ctx: StepContext) => string,
  next: Record<string, string>,
): Step {
  return call(id, branchAction, { input: (ctx) => ({ outcome: pick(ctx) }), next });
}

/** Back to the summary when editing, else on to `target`. */
function onward(id: string, target: string): Step {
  return branch(id, (ctx) => (editing(ctx) ? 'summary' : 'next'), {
    summary: 'summary',
    next: target,
  });
}

const duplicateCheck = call('dup_check', findDuplicate, {
  input: (ctx) => ({
    category: String(ctx.answers.category ?? ''),
    villageCode: draftVillage(ctx)?.code ?? '',
    // Offered once: a report the person chose not to support is not offered again.
    exclude: ctx.answers.dup_offer === 'new' ? (duplicateOf(ctx)?.reportId ?? null) : null,
  }),
  next: { found: 'dup_offer', '*': 'after_what' },
});

const support = call('support', supportReport, {
  input: (ctx) => ({ reportId: duplicateOf(ctx)?.reportId ?? null }),
});

/** The similar open report found, if any. */
function duplicateOf(
  ctx: StepContext,
):
  | { reportId: string; category: string; status: string; date: string; supporters: number }
  | undefined {
  const found = resultOf(ctx, duplicateCheck);
  return found?.outcome === 'found' ? found : undefined;
}

function duplicatePrompt(ctx: StepContext): Text {
  const found = duplicateOf(ctx);
  return t('report:duplicate.prompt', {
    category: categoryName(found?.category ?? ''),
    date: found?.date ?? '',
    status: statusName(found?.status ?? ''),
    supporters: found?.supporters ?? 0,
  });
}

function supportedText(ctx: StepContext): Text {
  const result = resultOf(ctx, support) ?? { outcome: 'gone' };
  return t(`report:supported.${result.outcome}`, {
    ticket: result.outcome === 'own' ? result.ticket : '',
    count: 'supporters' in result ? result.supporters : 0,
  });
}

/** Who files, for whom: asked of kader and perangkat only (see `report.begin`). */
export const residentSteps: Step[] = [
  {
    id: 'for_whom',
    kind: 'choice',
    prompt: t('report:for_whom.prompt'),
    options: [
      { value: 'self', label: t('report:for_whom.self') },
      { value: 'resident', label: t('report:for_whom.resident') },
    ],
    next: { self: 'type', resident: 'resident_name' },
  },
  {
    id: 'resident_name',
    kind: 'text',
    prompt: t('report:resident.name'),
    min: 2,
    max: RESIDENT_NAME_MAX_CHARS,
  },
  {
    id: 'resident_has_contact',
    kind: 'yesno',
    prompt: t('report:resident.has_contact'),
    next: { yes: 'resident_contact', no: 'resident_consent' },
  },
  {
    id: 'resident_contact',
    kind: 'text',
    prompt: t('report:resident.contact'),
    format: 'phone',
  },
  {
    id: 'resident_consent',
    kind: 'yesno',
    prompt: (ctx) =>
      t('report:resident.consent', { name: String(ctx.answers.resident_name ?? '') }),
    help: t('report:resident.consent_help'),
    next: { yes: 'resident_next', no: 'resident_refused' },
  },
  { id: 'resident_refused', kind: 'say', text: t('report:resident.refused'), next: END },
  onward('resident_next', 'type'),
];

/** Type, category (112 first for disasters), and the offer to support a similar open report. */
export const whatSteps: Step[] = [
  {
    id: 'type',
    kind: 'choice',
    prompt: t('report:type.prompt'),
    options: REPORT_TYPES.map((value) => ({ value, label: t(`report:types.${value}`) })),
  },
  {
    id: 'category',
    kind: 'choice',
    prompt: t('report:category.prompt'),
    options: REPORT_CATEGORY_IDS.map((value) => ({ value, label: categoryName(value) })),
    next: { [EMERGENCY_CATEGORY]: 'emergency', '*': 'dup_check' },
  },
  { id: 'emergency', kind: 'say', text: t('report:emergency'), next: 'dup_check' },
  duplicateCheck,
  {
    id: 'dup_offer',
    kind: 'choice',
    prompt: duplicatePrompt,
    options: [
      { value: 'support', label: t('report:duplicate.support') },
      { value: 'new', label: t('report:duplicate.new') },
    ],
    next: { support: 'support', new: 'after_what' },
  },
  support,
  { id: 'supported', kind: 'say', text: supportedText, next: goto('menu') },
  onward('after_what', 'description'),
];

/** Description, photos, location (pin or landmark), privacy. */
export const detailSteps: Step[] = [
  {
    id: 'description',
    kind: 'text',
    prompt: t('report:description.prompt'),
    help: t('report:description.help'),
    min: DESCRIPTION_MIN_CHARS,
    max: DESCRIPTION_MAX_CHARS,
  },
  onward('after_description', 'photos'),
  {
    id: 'photos',
    kind: 'photo',
    prompt: t('report:photos.prompt'),
    min: 0,
    max: REPORT_MAX_PHOTOS,
  },
  onward('after_photos', 'location'),
  {
    id: 'location',
    kind: 'location',
    prompt: t('report:location.prompt'),
    help: t('report:location.help'),
    allowText: true,
    optional: true,
  },
  branch('after_location', (ctx) => (isPin(ctx.answers.location) ? 'pin' : 'done'), {
    pin: 'pin_here',
    done: 'location_done',
  }),
  {
    id: 'pin_here',
    kind: 'yesno',
    prompt: t('report:pin_here.prompt'),
    next: { yes: 'location_done', no: 'landmark' },
  },
  {
    id: 'landmark',
    kind: 'text',
    prompt: t('report:landmark.prompt'),
    min: LANDMARK_MIN_CHARS,
    max: LANDMARK_MAX_CHARS,
  },
  onward('location_done', 'privacy'),
  {
    id: 'privacy',
    kind: 'choice',
    prompt: t('report:privacy.prompt'),
    help: t('report:privacy.help'),
    options: PRIVACY_NAMES.map((value) => ({
      value,
      label: t(`report:privacy.options.${value}`),
    })),
    next: 'summary',
  },
];
