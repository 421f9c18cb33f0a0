import {
  type ChoiceOption,
  defineFlow,
  END,
  goto,
  type StepContext,
} from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import { JOIN_KEYS } from '../../src/core/text-lines.js';
import { PILLAR_IDS, type PillarId, pillarName } from '../../src/domain/questionnaire/index.js';

/** The flow id of /kuesioner. */
export const QUESTIONNAIRE_FLOW = 'questionnaire';
/** The flow id of /skor. */
export const VILLAGE_SCORE_FLOW = 'village-score';

/** What the overview action returns. */
interface Overview {
  outcome?: string;
  pillars?: { pillar: PillarId; answered: number; total: number }[];
  resume?: PillarId | null;
}

/** What the open, answer and previous actions return: the question to ask, or the result. */
interface Current {
  outcome?: string;
  pillar?: PillarId;
  item?: string | null;
  prompt?: Text;
  options?: ChoiceOption[];
  alternatives?: ChoiceOption[];
  min?: number;
  max?: number;
}

const overviewOf = (ctx: StepContext) => (ctx.answers.overview ?? {}) as Overview;
const currentOf = (ctx: StepContext) => (ctx.answers.current ?? {}) as Current;
const currentPrompt = (ctx: StepContext): Text =>
  currentOf(ctx).prompt ?? t('questionnaire-flow:pick');

/** Every pillar with the person's progress ("3/7"), a "lanjutkan" first when one is part-way. */
function pillarOptions(ctx: StepContext): ChoiceOption[] {
  const { pillars = [], resume } = overviewOf(ctx);
  const options = pillars.map((p) => ({
    value: p.pillar,
    label: t(`questionnaire-flow:option.${p.answered === p.total ? 'pillar_done' : 'pillar'}`, {
      name: pillarName(p.pillar),
      answered: p.answered,
      total: p.total,
    }),
  }));
  const open = pillars.find((p) => p.pillar === resume);
  const again = open
    ? [
        {
          value: 'resume',
          label: t('questionnaire-flow:option.resume', {
            name: pillarName(open.pillar),
            answered: open.answered,
            total: open.total,
          }),
        },
      ]
    : [];
  return [...again, ...options, { value: 'score', label: t('questionnaire-flow:option.score') }];
}

function chosenPillar(ctx: StepContext): Json {
  const pick = ctx.answers.pick;
  return pick === 'resume' ? (overviewOf(ctx).resume ?? null) : (pick ?? null);
}

/** Where each action result goes. */
const ROUTES = {
  ask_choice: 'ask_choice',
  ask_yesno: 'ask_yesno',
  ask_number: 'ask_number',
  done: 'result',
  no_village: 'no_village',
};

const asking = { save: 'given', back: 'previous', next: 'answer' } as const;

/**
 * /kuesioner: the Desa Cerdas pillar questionnaires. The person picks a pillar from a list
 * showing their progress, answers one question per message (each saved at once, so a
 * restart or a week away resumes at the next open item) and sees their result at the end.
 * `kembali` reopens the answer before. The questions come from the actions, so the flow
 * holds no bank: which items apply (role, skips) and how they are asked is decided there.
 */
export const questionnaireFlow = defineFlow({
  id: QUESTIONNAIRE_FLOW,
  version: 1,
  commands: ['kuesioner', 'questionnaire', 'survei'],
  cancelled: t('questionnaire-flow:cancelled'),
  extraKeys: [
    ...JOIN_KEYS,
    'questionnaire-flow:question',
    'questionnaire-flow:question_again',
    'questionnaire-flow:result.score',
    'questionnaire-flow:result.not_enough',
    'questionnaire-flow:result.change',
    'questionnaire-flow:my_data.title',
    'questionnaire-flow:my_data.answer',
    'questionnaire-flow:my_data.none',
    'questionnaire-flow:option.pillar',
    'questionnaire-flow:option.pillar_done',
    'questionnaire-flow:option.resume',
    ...PILLAR_IDS.map((pillar) => pillarName(pillar).key),
  ],
  steps: [
    {
      id: 'overview',
      kind: 'call',
      action: 'questionnaire.overview',
      next: { no_village: 'no_village', '*': 'pick' },
    },
    {
      id: 'pick',
      kind: 'choice',
      prompt: t('questionnaire-flow:pick'),
      options: pillarOptions,
      back: goto('menu'),
      next: { score: goto(VILLAGE_SCORE_FLOW), '*': 'open' },
    },
    {
      id: 'open',
      kind: 'call',
      action: 'questionnaire.open',
      input: (ctx) => ({ pillar: chosenPillar(ctx) }),
      save: 'current',
      next: ROUTES,
    },
    {
      id: 'ask_choice',
      kind: 'choice',
      prompt: currentPrompt,
      options: (ctx) => currentOf(ctx).options ?? [],
      ...asking,
    },
    {
      id: 'ask_yesno',
      kind: 'yesno',
      prompt: currentPrompt,
      alternatives: (ctx) => currentOf(ctx).alternatives ?? [],
      ...asking,
    },
    {
      id: 'ask_number',
      kind: 'number',
      prompt: currentPrompt,
      min: (ctx) => currentOf(ctx).min ?? 0,
      max: (ctx) => currentOf(ctx).max ?? 0,
      alternatives: (ctx) => currentOf(ctx).alternatives ?? [],
      ...asking,
    },
    {
      id: 'answer',
      kind: 'call',
      action: 'questionnaire.answer',
      input: (ctx) => ({
        pillar: currentOf(ctx).pillar ?? null,
        item: currentOf(ctx).item ?? null,
        value: ctx.answers.given ?? null,
      }),
      save: 'current',
      next: ROUTES,
    },
    {
      id: 'previous',
      kind: 'call',
      action: 'questionnaire.previous',
      input: (ctx) => ({
        pillar: currentOf(ctx).pillar ?? null,
        item: currentOf(ctx).item ?? null,
      }),
      save: 'current',
      next: { ...ROUTES, first: 'overview' },
    },
    { id: 'result', kind: 'say', text: currentPrompt },
    {
      id: 'after',
      kind: 'choice',
      prompt: t('questionnaire-flow:after.prompt'),
      options: [
        { value: 'other', label: t('questionnaire-flow:after.other') },
        { value: 'score', label: t('questionnaire-flow:after.score') },
        { value: 'menu', label: t('questionnaire-flow:after.menu') },
      ],
      back: 'previous',
      next: { other: 'overview', score: goto(VILLAGE_SCORE_FLOW), menu: goto('menu') },
    },
    { id: 'no_village', kind: 'say', text: t('questionnaire-flow:no_village'), next: END },
  ],
});
