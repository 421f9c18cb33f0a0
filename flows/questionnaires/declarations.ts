/**
 * The questionnaires capability's actions, as its flows call them (implemented in
 * actions/). The questions come from the actions, so the flows hold no bank.
 */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';
import type { ChoiceOption, NumberUnit } from '../../src/core/flow/types.js';
import type { Text } from '../../src/core/messages.js';
import { PILLAR_IDS, type PillarId } from '../../src/domain/questionnaire/index.js';
import { VILLAGE_SEARCH_INPUT, type VillageSearchAnswer } from '../../src/domain/village-picker.js';

/** A pillar with the person's progress in it. */
export type PillarProgressLine = { pillar: PillarId; answered: number; total: number };

/** The question to ask next, the person's result at the end of a pillar, or no village. */
export type Question =
  | {
      outcome: 'ask_choice' | 'ask_yesno' | 'ask_number';
      pillar: PillarId;
      item: string;
      prompt: Text;
      options: ChoiceOption[];
      alternatives: ChoiceOption[];
      min: number;
      max: number;
      /** What a number question counts, so "1 jam" is read as 60 minutes. */
      unit: NumberUnit | null;
    }
  | { outcome: 'done'; pillar: PillarId; item: null; prompt: Text }
  | { outcome: 'no_village' };

const pillar = z.enum(PILLAR_IDS);

/** The person's progress in every pillar, and the pillar they left part-way most recently. */
export const overview = defineAction('questionnaire.overview', {
  input: z.null(),
  result: returns<
    | { outcome: 'no_village' }
    | { outcome: 'ok'; pillars: PillarProgressLine[]; resume: PillarId | null }
  >(),
});

/** Opens a pillar (its response on the current bank) at its next open item. */
export const openPillar = defineAction('questionnaire.open', {
  input: z.object({ pillar }),
  result: returns<Question>(),
});

/** Saves an answer and asks the next item. */
export const answerItem = defineAction('questionnaire.answer', {
  input: z.object({
    pillar,
    item: z.string(),
    value: z.union([z.string(), z.number(), z.boolean()]),
  }),
  result: returns<Question>(),
});

/** The item before `item`, asked again with its answer shown; `first` at the first one. */
export const previousItem = defineAction('questionnaire.previous', {
  input: z.object({ pillar, item: z.string().nullable() }),
  result: returns<Question | { outcome: 'first' }>(),
});

/** /skor's village search: the villages matching a name the person typed. */
export const searchScoreVillage = defineAction('questionnaire.village_search', {
  input: VILLAGE_SEARCH_INPUT,
  result: returns<VillageSearchAnswer>(),
});

/** /skor: the scores of the person's village, or of one of their area (`code`). */
export const villageScore = defineAction('questionnaire.village_score', {
  input: z.object({ code: z.string() }),
  /** `photo`: the radar chart's picture (media id), when charts are set up. */
  result: returns<{ outcome: 'shown'; text: Text; photo: string | null }>(),
});
