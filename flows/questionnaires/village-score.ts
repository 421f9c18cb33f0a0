import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END, type StepContext } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { villagePickerSteps } from '../../src/domain/village-picker.js';
import { searchScoreVillage, villageScore } from './declarations.js';
import { VILLAGE_SCORE_FLOW } from './questionnaire.js';

/** A Kemendagri village code as typed after /skor (`32.03.03.2013`). */
const VILLAGE_CODE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;

/** The village picked from the search, if one was (not "cari lagi"). */
function picked(ctx: StepContext): string | undefined {
  const pick = ctx.answers.village_pick;
  return typeof pick === 'string' && pick !== 'again' ? pick : undefined;
}

/** The words after /skor when they are a village name to search for, else ''. */
function nameQuery(ctx: StepContext): string {
  const args = ctx.args.trim();
  return VILLAGE_CODE.test(args) ? '' : args;
}

const score = call('score', villageScore, {
  input: (ctx) => ({ code: picked(ctx) ?? ctx.args.trim() }),
  next: { shown: 'show', '*': 'village_query' },
});

/**
 * /skor: the six pillar scores of the person's village with completeness and respondent
 * counts, the pilar prioritas and the disclaimer; staff also see the items that pull each
 * score down. A village name after the command (`/skor sukamaju`) is searched as in
 * onboarding and picked from the hits; a code (`/skor 32.03.03.2013`) is taken as it is.
 * Another village than one's own is shown to staff whose area covers it.
 * Where charts are set up, the radar of the six pillars against the kabupaten's average
 * comes with it as a picture (the numbers stay in the text for who cannot see it).
 */
export const villageScoreFlow = defineFlow({
  id: VILLAGE_SCORE_FLOW,
  version: 2,
  commands: ['skor', 'score'],
  steps: [
    // Skipped while a typed name waits to be searched: on to the picker below.
    { ...score, skipIf: (ctx) => nameQuery(ctx) !== '' && picked(ctx) === undefined },
    {
      id: 'show',
      kind: 'say',
      text: (ctx) => resultOf(ctx, score)?.text ?? t('village-score:no_village'),
      attachments: (ctx) => {
        const photo = resultOf(ctx, score)?.photo;
        return photo ? [{ type: 'photo', mediaId: photo }] : [];
      },
      next: END,
    },
    ...villagePickerSteps({
      prompt: t('village-score:village_prompt'),
      search: searchScoreVillage,
      picked: 'score',
      initialQuery: nameQuery,
      other: true,
    }),
  ],
});
