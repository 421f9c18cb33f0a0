/**
 * The shapes of the Desa Cerdas pillar questionnaires: banks of items as plain,
 * JSON-able data (texts are i18n keys, skip conditions are values, never functions),
 * and the answers people give. See DOMAIN.md 2.3 and issue 8.
 */
import type { Text } from '../../core/messages.js';

/** The six pillars in their canonical order (reports, lists, ties of the pilar prioritas). */
export const PILLAR_IDS = [
  'tata_kelola',
  'masyarakat',
  'lingkungan',
  'hidup',
  'ekonomi',
  'mobilitas',
] as const;

/** One of the six Desa Cerdas pillars. */
export type PillarId = (typeof PILLAR_IDS)[number];

/**
 * Who is asked an item. `K`: a confirmed kader digital or perangkat desa of the village
 * (facts about the village). `W`: every resident, kader included (household facts and
 * perceptions). A kader is asked both K and W items; a resident only W items.
 */
export type Audience = 'K' | 'W';

/** Every audience, for validation. */
export const AUDIENCES: readonly Audience[] = ['K', 'W'];

/**
 * What a person answered to one item, as stored (JSON). Choices store the option's
 * `value`, never its position, so reordering options never changes old answers.
 * `dont_know` ("tidak tahu") fits every item; `not_applicable` ("tidak berlaku") only
 * items marked {@link ItemBase.notApplicable}.
 */
export type Answer =
  | { type: 'yesno'; value: boolean }
  | { type: 'choice'; value: string }
  | { type: 'number'; value: number }
  | { type: 'scale'; value: number }
  | { type: 'dont_know' }
  | { type: 'not_applicable' };

/** A person's answers to one bank (or a village's latest K answers), by item id. */
export type AnswerMap = Readonly<Record<string, Answer>>;

/**
 * The comparable form of an answer, used by skip conditions and as the value of a
 * numbered option: `'yes'` / `'no'` for yes/no items, the option value for choices, the
 * number for number and scale items, `'dont_know'` or `'not_applicable'` otherwise.
 */
export type AnswerKey = string | number;

/**
 * Skip an item when an earlier item of the same audience was answered with `equals`
 * (an {@link AnswerKey}). An earlier item that is unanswered or itself skipped never
 * triggers the skip.
 */
export interface SkipCondition {
  item: string;
  equals: AnswerKey;
}

/** An option of a choice item. `value` is stored in answers: never reuse one for another meaning. */
export interface ChoiceOption {
  value: string;
  label: Text;
  /** Item score in [0, 1] when chosen. */
  score: number;
}

/** A range of whole numbers, both ends included, and the item score of any number in it. */
export interface NumberBand {
  min: number;
  max: number;
  score: number;
}

/** Weight of an ordinary item. */
export const BASE_WEIGHT = 1;
/** Weight of the items DOMAIN.md marks ★ (the pillar's key facts). */
export const STAR_WEIGHT = 2;

/** What every item has, whatever its type. */
export interface ItemBase {
  /** Stable id, unique over all banks (G1, P4, ...): answers refer to it. */
  id: string;
  audience: Audience;
  /** Weight in the pillar's weighted mean: {@link STAR_WEIGHT} for ★ items, else {@link BASE_WEIGHT}. */
  weight: number;
  prompt: Text;
  skipIf?: SkipCondition;
  /** The item also offers "tidak berlaku", which is not scored. */
  notApplicable?: true;
  /** Wording of the "tidak berlaku" option when the generic one reads badly ("Tidak ada anak sekolah"). */
  notApplicableLabel?: Text;
}

/** Ya (score 1) or tidak (score 0). */
export interface YesNoItem extends ItemBase {
  type: 'yesno';
}

/** One option out of a few, each with its own score. */
export interface ChoiceItem extends ItemBase {
  type: 'choice';
  options: ChoiceOption[];
}

/** A whole number between `min` and `max`, scored by the band it falls in. */
export interface NumberItem extends ItemBase {
  type: 'number';
  min: number;
  max: number;
  /** What the number counts, when people may answer in other units ("1 jam" for 60 minutes). */
  unit?: 'minutes' | 'meters' | 'rupiah';
  /** In ascending order, covering `min`..`max` without gaps or overlaps. */
  bands: NumberBand[];
}

/** Points of a scale item: answers are the whole numbers 1..SCALE_POINTS. */
export const SCALE_POINTS = 5;

/** A 1-5 rating, scored (v − 1) / 4; `labels` name the five points, worst first. */
export interface ScaleItem extends ItemBase {
  type: 'scale';
  labels: Text[];
}

/** One question of a bank. */
export type Item = YesNoItem | ChoiceItem | NumberItem | ScaleItem;

/** The kinds of item. */
export type ItemType = Item['type'];

/**
 * The questionnaire of one pillar. Raise `version` whenever an item changes meaning,
 * and keep each response tied to the version it was given under.
 */
export interface Bank {
  pillar: PillarId;
  version: number;
  items: Item[];
}
