/**
 * A report being written, read from the answers of the report flow: what the summary
 * shows and what `report.submit` stores. Later answers win: a location typed after a
 * pin was shared replaces the pin, a village picked from the summary replaces the
 * person's own.
 */
import { type CallInput, call, resultOf } from '../../src/core/flow/action.js';
import type { Answers, StepContext } from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import type { Pin } from '../../src/domain/map-link.js';
import {
  beginReport,
  type DraftVillage,
  setReportVillage,
  type submitReport,
} from './declarations.js';
import { categoryName, locationText, placeText, typeName } from './text.js';

/** Where /lapor starts; its result holds the person's own village. */
export const begin = call('begin', beginReport, {
  next: { assist: 'for_whom', no_village: 'no_village', '*': 'type' },
});

/** The village picked from the summary instead of the person's own. */
export const saveVillage = call('save_village', setReportVillage, {
  input: (ctx) => ({ code: ctx.answers.village_pick ?? null }),
  next: 'dup_check',
});

/** What the person chose so far. */
export type ReportDraft = {
  assisted: boolean;
  residentName: string | null;
  residentContact: string | null;
  type: string;
  category: string;
  description: string;
  photos: string[];
  /** Kept only when the person said the problem is at the pin. */
  pin: Pin | null;
  landmark: string | null;
  village: DraftVillage | null;
  anonymous: boolean;
  confidential: boolean;
};

/** The privacy options, and the flags each sets. */
export const PRIVACY_OPTIONS = {
  normal: { anonymous: false, confidential: false },
  anonymous: { anonymous: true, confidential: false },
  confidential: { anonymous: false, confidential: true },
  both: { anonymous: true, confidential: true },
} as const;

/** The privacy options by name. */
export const PRIVACY_NAMES = ['normal', 'anonymous', 'confidential', 'both'] as const;

function text(value: Json | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** An answer as an object to read fields from; `{}` when it is not one. */
function fieldsOf(value: Json | undefined): Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

/** The village the report is about: the one picked from the summary, else the person's own. */
export function draftVillage(ctx: StepContext): DraftVillage | null {
  const picked = resultOf(ctx, saveVillage)?.village;
  const started = resultOf(ctx, begin);
  const own = started && started.outcome !== 'no_village' ? started.village : null;
  return picked ?? own;
}

/** Pin and landmark from the location answers. */
function whereOf(answers: Answers): { pin: Pin | null; landmark: string | null } {
  const location = fieldsOf(answers.location);
  if (typeof location.text === 'string') return { pin: null, landmark: location.text };
  if (typeof location.latitude !== 'number' || typeof location.longitude !== 'number') {
    return { pin: null, landmark: null };
  }
  if (answers.pin_here === true) {
    return { pin: { latitude: location.latitude, longitude: location.longitude }, landmark: null };
  }
  // The phone's place is not the problem's place: keep only the landmark typed instead.
  return { pin: null, landmark: text(answers.landmark) };
}

/** The draft the answers describe. */
export function draftOf(ctx: StepContext): ReportDraft {
  const { answers } = ctx;
  const assisted = answers.for_whom === 'resident';
  const privacy =
    PRIVACY_OPTIONS[PRIVACY_NAMES.find((name) => name === answers.privacy) ?? 'normal'];
  return {
    assisted,
    residentName: assisted ? text(answers.resident_name) : null,
    residentContact:
      assisted && answers.resident_has_contact === true ? text(answers.resident_contact) : null,
    type: String(answers.type ?? ''),
    category: String(answers.category ?? ''),
    description: String(answers.description ?? ''),
    photos: Array.isArray(answers.photos) ? answers.photos.map(String) : [],
    ...whereOf(answers),
    village: draftVillage(ctx),
    ...privacy,
  };
}

/** The draft as the submit action takes it. */
export function draftInput(ctx: StepContext): CallInput<typeof submitReport.input> {
  return draftOf(ctx);
}

/** The summary shown before sending, one line per field. */
export function summaryText(draft: ReportDraft): Text {
  const resident = draft.residentName
    ? t(draft.residentContact ? 'report:summary.resident_contact' : 'report:summary.resident', {
        name: draft.residentName,
        contact: draft.residentContact ?? '',
      })
    : '';
  const privacy = PRIVACY_NAMES.find((name) => {
    const flags = PRIVACY_OPTIONS[name];
    return flags.anonymous === draft.anonymous && flags.confidential === draft.confidential;
  });
  return t('report:summary.body', {
    resident,
    type: typeName(draft.type),
    category: categoryName(draft.category),
    description: draft.description,
    photos: t('report:summary.photos', { count: draft.photos.length }),
    location: locationText(draft.pin, draft.landmark),
    village: draft.village ? placeText(draft.village.place, draft.village.code) : '',
    privacy: t(`report:privacy.names.${privacy ?? 'normal'}`),
  });
}
