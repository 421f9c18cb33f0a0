/**
 * A report being written, read from the answers of the report flow: what the summary
 * shows and what `report.submit` stores. Later answers win: a location typed after a
 * pin was shared replaces the pin, a village picked from the summary replaces the
 * person's own.
 */
import type { Answers, StepContext } from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import type { VillagePlace } from '../../src/domain/village-place.js';
import { categoryName, locationText, type Pin, placeText, record, typeName } from './text.js';

/** A village as the report actions hand it to the flow. */
export interface DraftVillage {
  code: string;
  place: VillagePlace | null;
}

/** What the person chose so far. */
export interface ReportDraft {
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
}

/** The privacy options, and the flags each sets. */
export const PRIVACY_OPTIONS = {
  normal: { anonymous: false, confidential: false },
  anonymous: { anonymous: true, confidential: false },
  confidential: { anonymous: false, confidential: true },
  both: { anonymous: true, confidential: true },
} as const;

/** Keys {@link summaryText} builds. */
export const DRAFT_TEXT_KEYS = [
  'report:summary.body',
  'report:summary.resident',
  'report:summary.resident_contact',
  'report:summary.photos',
  ...Object.keys(PRIVACY_OPTIONS).map((option) => `report:privacy.names.${option}`),
];

function text(value: Json | undefined): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The village the report is about: the one picked from the summary, else the person's own. */
export function draftVillage(answers: Answers): DraftVillage | null {
  const picked = record(answers.save_village).village;
  const own = record(answers.begin).village;
  const village = record(picked ?? own);
  return typeof village.code === 'string' ? (village as unknown as DraftVillage) : null;
}

/** Pin and landmark from the location answers. */
function whereOf(answers: Answers): { pin: Pin | null; landmark: string | null } {
  const location = record(answers.location);
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
export function draftOf(answers: Answers): ReportDraft {
  const assisted = answers.for_whom === 'resident';
  const privacy =
    PRIVACY_OPTIONS[String(answers.privacy) as keyof typeof PRIVACY_OPTIONS] ??
    PRIVACY_OPTIONS.normal;
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
    village: draftVillage(answers),
    ...privacy,
  };
}

/** The draft as JSON, for a call step's input. */
export function draftInput(ctx: StepContext): Json {
  return draftOf(ctx.answers) as unknown as Json;
}

/** The summary shown before sending, one line per field. */
export function summaryText(draft: ReportDraft): Text {
  const resident = draft.residentName
    ? t(draft.residentContact ? 'report:summary.resident_contact' : 'report:summary.resident', {
        name: draft.residentName,
        contact: draft.residentContact ?? '',
      })
    : '';
  const privacy = Object.entries(PRIVACY_OPTIONS).find(
    ([, flags]) => flags.anonymous === draft.anonymous && flags.confidential === draft.confidential,
  )?.[0];
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
