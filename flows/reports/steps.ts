/**
 * The questions of /lapor before its summary, in groups: who it is for (assisted
 * reports), what it is about (with 112 first for disasters and the offer to support a
 * similar open report), and the details. Each question asked again from the summary goes
 * back to it once answered.
 */
import { END, goto, type Step, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import {
  EMERGENCY_CATEGORY,
  REPORT_CATEGORY_IDS,
  REPORT_TYPES,
} from '../../src/domain/report/categories.js';
import { draftVillage, PRIVACY_OPTIONS } from './draft.js';
import { categoryName, record, statusName } from './text.js';

/** Shortest and longest description accepted, in characters. */
export const DESCRIPTION_MIN_CHARS = 15;
export const DESCRIPTION_MAX_CHARS = 1000;
/** Photos a report may carry. */
export const REPORT_MAX_PHOTOS = 3;
/** Shortest and longest landmark (patokan), resident name and resident contact, in characters. */
export const LANDMARK_MIN_CHARS = 3;
export const LANDMARK_MAX_CHARS = 200;
export const RESIDENT_NAME_MAX_CHARS = 60;
export const RESIDENT_CONTACT_MAX_CHARS = 60;

/** The person came back from the summary to change one thing. */
const editing = (ctx: StepContext): boolean => ctx.answers.summary !== undefined;

/** A call step that only picks where to go next, from the answers (`report.branch`). */
function branch(
  id: string,
  pick: (ctx: StepContext) => string,
  next: Record<string, string>,
): Step {
  return {
    id,
    kind: 'call',
    action: 'report.branch',
    input: (ctx) => ({ outcome: pick(ctx) }),
    next,
  };
}

/** Back to the summary when editing, else on to `target`. */
function onward(id: string, target: string): Step {
  return branch(id, (ctx) => (editing(ctx) ? 'summary' : 'next'), {
    summary: 'summary',
    next: target,
  });
}

function duplicatePrompt(ctx: StepContext): Text {
  const found = record(ctx.answers.dup_check);
  return t('report:duplicate.prompt', {
    category: categoryName(String(found.category ?? '')),
    date: String(found.date ?? ''),
    status: statusName(String(found.status ?? '')),
    supporters: Number(found.supporters ?? 0),
  });
}

function supportedText(ctx: StepContext): Text {
  const result = record(ctx.answers.support);
  const outcome = String(result.outcome ?? 'gone');
  return t(`report:supported.${outcome}`, {
    ticket: String(result.ticket ?? ''),
    count: Number(result.supporters ?? 0),
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
    min: 4,
    max: RESIDENT_CONTACT_MAX_CHARS,
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
  {
    id: 'dup_check',
    kind: 'call',
    action: 'report.find_duplicate',
    input: (ctx) => ({
      category: String(ctx.answers.category ?? ''),
      villageCode: draftVillage(ctx.answers)?.code ?? '',
      // Offered once: a report the person chose not to support is not offered again.
      exclude:
        ctx.answers.dup_offer === 'new' ? (record(ctx.answers.dup_check).reportId ?? null) : null,
    }),
    next: { found: 'dup_offer', '*': 'after_what' },
  },
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
  {
    id: 'support',
    kind: 'call',
    action: 'report.support',
    input: (ctx) => ({ reportId: record(ctx.answers.dup_check).reportId ?? null }),
  },
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
  branch(
    'after_location',
    (ctx) => (typeof record(ctx.answers.location).latitude === 'number' ? 'pin' : 'done'),
    {
      pin: 'pin_here',
      done: 'location_done',
    },
  ),
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
    options: Object.keys(PRIVACY_OPTIONS).map((value) => ({
      value,
      label: t(`report:privacy.options.${value}`),
    })),
    next: 'summary',
  },
];
