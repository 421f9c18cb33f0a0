import { call, resultOf } from '../../src/core/flow/action.js';
import {
  type ChoiceOption,
  defineFlow,
  END,
  goto,
  type StepContext,
} from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import { pillarName } from '../../src/domain/questionnaire/index.js';
import { answerItem, openPillar, overview, previousItem, type Question } from './declarations.js';

/** The flow id of /kuesioner. */
export const QUESTIONNAIRE_FLOW = 'questionnaire';
/** The flow id of /skor. */
export const VILLAGE_SCORE_FLOW = 'village-score';

const overviewStep = call('overview', overview, {
  next: { no_village: 'no_village', '*': 'pick' },
});

/** Where each question or result goes. */
const ROUTES = {
  ask_choice: 'ask_choice',
  ask_yesno: 'ask_yesno',
  ask_number: 'ask_number',
  done: 'result',
  no_village: 'no_village',
};

// The three calls save under one name: the question asked now (or the result).
const open = call('open', openPillar, {
  input: (ctx) => ({ pillar: chosenPillar(ctx) }),
  save: 'current',
  next: ROUTES,
});
const answer = call('answer', answerItem, {
  input: (ctx) => ({
    pillar: asked(ctx)?.pillar ?? null,
    item: asked(ctx)?.item ?? null,
    value: ctx.answers.given ?? null,
  }),
  save: 'current',
  next: ROUTES,
});
const previous = call('previous', previousItem, {
  input: (ctx) => ({ pillar: asked(ctx)?.pillar ?? null, item: asked(ctx)?.item ?? null }),
  save: 'current',
  next: { ...ROUTES, first: 'overview' },
});

/** The question asked now, or the pillar's result. */
function asked(ctx: StepContext): Extract<Question, { pillar: unknown }> | undefined {
  const current = resultOf(ctx, previous);
  return current && 'pillar' in current ? current : undefined;
}

/** The question being asked, if it is one. */
function question(ctx: StepContext): Extract<Question, { options: unknown }> | undefined {
  const current = asked(ctx);
  return current && 'options' in current ? current : undefined;
}

const currentPrompt = (ctx: StepContext): Text =>
  asked(ctx)?.prompt ?? t('questionnaire-flow:pick');

/** Every pillar with the person's progress ("3/7"), a "lanjutkan" first when one is part-way. */
function pillarOptions(ctx: StepContext): ChoiceOption[] {
  const found = resultOf(ctx, overviewStep);
  const { pillars, resume } = found?.outcome === 'ok' ? found : { pillars: [], resume: null };
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
  const found = resultOf(ctx, overviewStep);
  const resume = found?.outcome === 'ok' ? found.resume : null;
  return pick === 'resume' ? resume : (pick ?? null);
}

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
  steps: [
    overviewStep,
    {
      id: 'pick',
      kind: 'choice',
      prompt: t('questionnaire-flow:pick'),
      options: pillarOptions,
      back: goto('menu'),
      next: { score: goto(VILLAGE_SCORE_FLOW), '*': 'open' },
    },
    open,
    {
      id: 'ask_choice',
      kind: 'choice',
      prompt: currentPrompt,
      options: (ctx) => question(ctx)?.options ?? [],
      ...asking,
    },
    {
      id: 'ask_yesno',
      kind: 'yesno',
      prompt: currentPrompt,
      alternatives: (ctx) => question(ctx)?.alternatives ?? [],
      ...asking,
    },
    {
      id: 'ask_number',
      kind: 'number',
      prompt: currentPrompt,
      min: (ctx) => question(ctx)?.min ?? 0,
      max: (ctx) => question(ctx)?.max ?? 0,
      unit: (ctx) => question(ctx)?.unit,
      alternatives: (ctx) => question(ctx)?.alternatives ?? [],
      ...asking,
    },
    answer,
    previous,
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
