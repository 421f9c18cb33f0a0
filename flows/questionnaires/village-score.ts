import { defineFlow, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { JOIN_KEYS } from '../../src/core/text-lines.js';
import {
  DISCLAIMER,
  NOT_ENOUGH_DATA,
  PILLAR_IDS,
  pillarName,
} from '../../src/domain/questionnaire/index.js';
import { ROLES } from '../../src/domain/roles.js';
import { VILLAGE_SCORE_FLOW } from './questionnaire.js';

const KEYS = [
  'title',
  'pillar.score',
  'pillar.score_k_only',
  'pillar.score_w_only',
  'pillar.none',
  'pillar.detail',
  'priority',
  'priority_none',
  'how',
  'weak.title',
  'weak.pillar',
  'weak.item',
  'weak.none',
  'no_village',
  'unknown_village',
  'not_allowed',
].map((key) => `village-score:${key}`);

/**
 * /skor: the six pillar scores of the person's village with completeness and respondent
 * counts, the pilar prioritas and the disclaimer; staff also see the items that pull each
 * score down. Staff may add the code of another village in their area (`/skor 32.03.03.2013`).
 */
export const villageScoreFlow = defineFlow({
  id: VILLAGE_SCORE_FLOW,
  version: 1,
  commands: ['skor', 'score'],
  extraKeys: [
    ...KEYS,
    ...JOIN_KEYS,
    ...ROLES.map((role) => `roles:names.${role}`),
    'profile:village.place',
    'profile:village.none',
    DISCLAIMER.key,
    NOT_ENOUGH_DATA.key,
    ...PILLAR_IDS.map((pillar) => pillarName(pillar).key),
  ],
  steps: [
    {
      id: 'score',
      kind: 'call',
      action: 'questionnaire.village_score',
      input: (ctx) => ({ code: ctx.args.trim() }),
    },
    { id: 'show', kind: 'say', text: (ctx: StepContext) => shownText(ctx) },
  ],
});

function shownText(ctx: StepContext): Text {
  const score = ctx.answers.score as { text?: Text } | undefined;
  return score?.text ?? t('village-score:no_village');
}
