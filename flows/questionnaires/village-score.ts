import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { villageScore } from './declarations.js';
import { VILLAGE_SCORE_FLOW } from './questionnaire.js';

const score = call('score', villageScore, { input: (ctx) => ({ code: ctx.args.trim() }) });

/**
 * /skor: the six pillar scores of the person's village with completeness and respondent
 * counts, the pilar prioritas and the disclaimer; staff also see the items that pull each
 * score down. Staff may add the code of another village in their area (`/skor 32.03.03.2013`).
 * Where charts are set up, the radar of the six pillars against the kabupaten's average
 * comes with it as a picture (the numbers stay in the text for who cannot see it).
 */
export const villageScoreFlow = defineFlow({
  id: VILLAGE_SCORE_FLOW,
  version: 1,
  commands: ['skor', 'score'],
  steps: [
    score,
    {
      id: 'show',
      kind: 'say',
      text: (ctx) => resultOf(ctx, score)?.text ?? t('village-score:no_village'),
      attachments: (ctx) => {
        const photo = resultOf(ctx, score)?.photo;
        return photo ? [{ type: 'photo', mediaId: photo }] : [];
      },
    },
  ],
});
