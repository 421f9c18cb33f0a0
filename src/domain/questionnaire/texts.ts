/**
 * Texts every bank shares, as i18n keys of the `questionnaire` namespace
 * (`locales/<lng>/questionnaire.json`).
 */
import { type Text, t } from '../../core/messages.js';
import { BANDS, type Band } from './bands.js';
import { PILLAR_IDS, type PillarId, type SCALE_POINTS } from './types.js';

/** Label of the "ya" option of yes/no items. */
export const YES_LABEL: Text = t('questionnaire:answer.yes');
/** Label of the "tidak" option of yes/no items. */
export const NO_LABEL: Text = t('questionnaire:answer.no');
/** Label of the "tidak tahu" option every item offers. */
export const DONT_KNOW_LABEL: Text = t('questionnaire:answer.dont_know');
/** Generic label of the "tidak berlaku" option. */
export const NOT_APPLICABLE_LABEL: Text = t('questionnaire:answer.not_applicable');
/** A typed number as an answer is shown ("25"). */
export function numberAnswerText(value: number): Text {
  return t('questionnaire:answer.number', { value });
}
/** Shown in place of a score whose completeness is under the gate. */
export const NOT_ENOUGH_DATA: Text = t('questionnaire:result.not_enough_data');
/** Says plainly that the scores are informational, not an official index. */
export const DISCLAIMER: Text = t('questionnaire:result.disclaimer');

/** The named scales of the banks (`questionnaire:scale.<name>.<point>`). */
export type ScaleName = 'ease' | 'confidence' | 'safety';

/** The points of a scale as their keys name them, 1 to {@link SCALE_POINTS}. */
const SCALE_POINT_KEYS = [1, 2, 3, 4, 5] as const satisfies { length: typeof SCALE_POINTS };

/**
 * The five point labels of a named scale (`ease`, `confidence`, `safety`), worst first:
 * keys `questionnaire:scale.<name>.1` to `.5`.
 */
export function scaleLabels(name: ScaleName): Text[] {
  return SCALE_POINT_KEYS.map((point) => t(`questionnaire:scale.${name}.${point}`));
}

/** The name of a score band ("Rintisan", ...). */
export function bandText(band: Band): Text {
  return t(`questionnaire:band.${band}`);
}

/** A pillar's name ("Tata Kelola Cerdas"). */
export function pillarName(pillar: PillarId): Text {
  return t(`questionnaire:pillar.${pillar}.name`);
}

/** A pillar's one-line description. */
export function pillarDescription(pillar: PillarId): Text {
  return t(`questionnaire:pillar.${pillar}.description`);
}

/** Every key of this module (bands and pillars included), for the start-up key check. */
export const SHARED_KEYS: readonly string[] = [
  YES_LABEL.key,
  NO_LABEL.key,
  DONT_KNOW_LABEL.key,
  NOT_APPLICABLE_LABEL.key,
  numberAnswerText(0).key,
  NOT_ENOUGH_DATA.key,
  DISCLAIMER.key,
  ...BANDS.map((band) => bandText(band).key),
  ...PILLAR_IDS.flatMap((pillar) => [pillarName(pillar).key, pillarDescription(pillar).key]),
];
