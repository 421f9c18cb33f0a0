import { z } from 'zod';
import type { ChoiceOption } from '../../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../../src/core/messages.js';
import { joinTexts, textAsJson } from '../../../src/core/text-lines.js';
import {
  type AnswerOption,
  answerLabel,
  answerOptions,
  type BankRegistry,
  band,
  bandText,
  DISCLAIMER,
  type Item,
  itemBefore,
  itemPosition,
  NOT_ENOUGH_DATA,
  PILLAR_IDS,
  type PillarId,
  personPillarScore,
  pillarName,
  roundScore,
} from '../../../src/domain/questionnaire/index.js';
import type { ActionContext, ActionHandler } from '../../../src/runtime/types.js';
import {
  answerFromValue,
  loadPillars,
  openPillar,
  type PillarState,
  recordAnswer,
  type StateDeps,
} from './state.js';

const pillarInput = z.object({ pillar: z.enum(PILLAR_IDS) });
const answerInput = pillarInput.extend({
  item: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]),
});
const previousInput = pillarInput.extend({ item: z.string().nullable() });

/** The person's progress in every pillar, and the pillar they left part-way most recently. */
async function overview(ctx: ActionContext, registry: BankRegistry): Promise<Json> {
  if (!ctx.contact.villageCode) return { outcome: 'no_village' };
  const states = await loadPillars({ tx: ctx.tx, registry, contact: ctx.contact });
  const open = states
    .filter((s) => s.response && s.progress.answered > 0 && s.progress.next)
    .sort(
      (a, b) => (b.response?.updatedAt.getTime() ?? 0) - (a.response?.updatedAt.getTime() ?? 0),
    );
  return {
    outcome: 'ok',
    pillars: states.map((s) => ({
      pillar: s.pillar,
      answered: s.progress.answered,
      total: s.progress.total,
    })),
    resume: open[0]?.pillar ?? null,
  };
}

/** The next question of the pillar, or its result when every item that applies is answered. */
function nextStep(state: PillarState): Json {
  const next = state.progress.next;
  return next ? question(state, next) : done(state);
}

/** A question as the flow asks it: everything it shows travels in the result. */
function question(state: PillarState, item: Item, again?: Text): Json {
  const position = itemPosition(state.bank, state.answers, state.audience, item.id);
  const asked = t('questionnaire-flow:question', {
    pillar: pillarName(state.pillar),
    number: position.number,
    total: position.total,
    question: item.prompt,
  });
  const prompt = again
    ? t('questionnaire-flow:question_again', { answer: again, question: asked })
    : asked;
  const options = answerOptions(item).map(choiceOf);
  const own = item.type === 'yesno' ? 2 : 0;
  return {
    outcome:
      item.type === 'yesno' ? 'ask_yesno' : item.type === 'number' ? 'ask_number' : 'ask_choice',
    pillar: state.pillar,
    item: item.id,
    prompt: textAsJson(prompt),
    options: item.type === 'choice' || item.type === 'scale' ? options : [],
    alternatives: item.type === 'choice' || item.type === 'scale' ? [] : options.slice(own),
    min: item.type === 'number' ? item.min : 0,
    max: item.type === 'number' ? item.max : 0,
  };
}

function choiceOf(option: AnswerOption): Json {
  const choice: ChoiceOption = { value: option.value, label: option.label };
  if (option.answer.type === 'dont_know') choice.unsure = true;
  return choice as unknown as Json;
}

/** The person's own result on the pillar, with the disclaimer. */
function done(state: PillarState): Json {
  const result = personPillarScore(state.bank, state.answers, state.audience);
  const pillar = pillarName(state.pillar);
  const line =
    result.shown && result.score !== null
      ? t('questionnaire-flow:result.score', {
          pillar,
          score: roundScore(result.score),
          band: bandText(band(result.score)),
        })
      : t('questionnaire-flow:result.not_enough', {
          pillar,
          not_enough: NOT_ENOUGH_DATA,
          scored: result.scoredCount,
          total: result.applicableCount,
        });
  const texts = [line, DISCLAIMER, t('questionnaire-flow:result.change')];
  return {
    outcome: 'done',
    pillar: state.pillar,
    item: null,
    prompt: textAsJson(joinTexts(texts, line, 'paragraph')),
  };
}

async function open(ctx: ActionContext, deps: StateDeps, pillar: PillarId): Promise<Json> {
  const state = await openPillar({ ...deps, pillar, clock: ctx.clock, ids: ctx.ids });
  return state ? nextStep(state) : { outcome: 'no_village' };
}

async function answer(ctx: ActionContext, registry: BankRegistry): Promise<Json> {
  const input = answerInput.parse(ctx.input);
  const deps = { tx: ctx.tx, registry, contact: ctx.contact };
  const state = await openPillar({ ...deps, pillar: input.pillar, clock: ctx.clock, ids: ctx.ids });
  if (!state) return { outcome: 'no_village' };
  const item = state.bank.items.find((i) => i.id === input.item);
  const given = item ? answerFromValue(item, input.value) : undefined;
  // An item the current bank no longer has (a new version came out meanwhile) is skipped.
  if (!item || !given) return nextStep(state);
  const now = ctx.clock.now();
  ctx.logger.debug({ pillar: input.pillar, item: item.id }, 'questionnaire answer saved');
  return nextStep(await recordAnswer({ ...deps, state, item, answer: given, now }));
}

async function previous(ctx: ActionContext, registry: BankRegistry): Promise<Json> {
  const input = previousInput.parse(ctx.input);
  const deps = { tx: ctx.tx, registry, contact: ctx.contact };
  const state = await openPillar({ ...deps, pillar: input.pillar, clock: ctx.clock, ids: ctx.ids });
  if (!state) return { outcome: 'no_village' };
  const item = itemBefore(state.bank, state.answers, state.audience, input.item ?? '');
  if (!item) return { outcome: 'first' };
  const given = state.answers[item.id];
  return question(state, item, given ? answerLabel(item, given) : undefined);
}

/** Actions of the questionnaire flow, over a registry of bank versions. */
export function createQuestionnaireActions(deps: {
  registry: BankRegistry;
}): Record<string, ActionHandler> {
  const { registry } = deps;
  return {
    'questionnaire.overview': (ctx) => overview(ctx, registry),
    'questionnaire.open': (ctx) =>
      open(
        ctx,
        { tx: ctx.tx, registry, contact: ctx.contact },
        pillarInput.parse(ctx.input).pillar,
      ),
    'questionnaire.answer': (ctx) => answer(ctx, registry),
    'questionnaire.previous': (ctx) => previous(ctx, registry),
  };
}
