import type { ChoiceOption } from '../../../src/core/flow/types.js';
import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
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
  type PillarId,
  personPillarScore,
  pillarName,
  roundScore,
} from '../../../src/domain/questionnaire/index.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { ActionContext } from '../../../src/runtime/types.js';
import {
  answerItem,
  openPillar as openPillarAction,
  overview as overviewAction,
  previousItem,
  type Question,
} from '../declarations.js';
import {
  answerFromValue,
  loadPillars,
  openPillar,
  type PillarState,
  recordAnswer,
  type StateDeps,
} from './state.js';

/** The person's progress in every pillar, and the pillar they left part-way most recently. */
async function overview(ctx: ActionContext, registry: BankRegistry) {
  if (!ctx.contact.villageCode) return { outcome: 'no_village' as const };
  const states = await loadPillars({ tx: ctx.tx, registry, contact: ctx.contact });
  const open = states
    .filter((s) => s.response && s.progress.answered > 0 && s.progress.next)
    .sort(
      (a, b) => (b.response?.updatedAt.getTime() ?? 0) - (a.response?.updatedAt.getTime() ?? 0),
    );
  return {
    outcome: 'ok' as const,
    pillars: states.map((s) => ({
      pillar: s.pillar,
      answered: s.progress.answered,
      total: s.progress.total,
    })),
    resume: open[0]?.pillar ?? null,
  };
}

/** The next question of the pillar, or its result when every item that applies is answered. */
function nextStep(state: PillarState): Question {
  const next = state.progress.next;
  return next ? question(state, next) : done(state);
}

/** A question as the flow asks it: everything it shows travels in the result. */
function question(state: PillarState, item: Item, again?: Text): Question {
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
    prompt,
    options: item.type === 'choice' || item.type === 'scale' ? options : [],
    alternatives: item.type === 'choice' || item.type === 'scale' ? [] : options.slice(own),
    min: item.type === 'number' ? item.min : 0,
    max: item.type === 'number' ? item.max : 0,
    unit: item.type === 'number' ? (item.unit ?? null) : null,
  };
}

function choiceOf(option: AnswerOption): ChoiceOption {
  const choice: ChoiceOption = { value: option.value, label: option.label };
  if (option.answer.type === 'dont_know') choice.unsure = true;
  return choice;
}

/** The person's own result on the pillar, with the disclaimer. */
function done(state: PillarState): Question {
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
    prompt: joinTexts(texts, line, 'paragraph'),
  };
}

async function open(ctx: ActionContext, deps: StateDeps, pillar: PillarId): Promise<Question> {
  const state = await openPillar({ ...deps, pillar, clock: ctx.clock, ids: ctx.ids });
  return state ? nextStep(state) : { outcome: 'no_village' };
}

async function answer(
  ctx: ActionContext,
  registry: BankRegistry,
  input: { pillar: PillarId; item: string; value: string | number | boolean },
): Promise<Question> {
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

async function previous(
  ctx: ActionContext,
  registry: BankRegistry,
  input: { pillar: PillarId; item: string | null },
): Promise<Question | { outcome: 'first' }> {
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
}): ActionImplementation[] {
  const { registry } = deps;
  return [
    implement(overviewAction, (ctx) => overview(ctx, registry)),
    implement(openPillarAction, (ctx, { pillar }) =>
      open(ctx, { tx: ctx.tx, registry, contact: ctx.contact }, pillar),
    ),
    implement(answerItem, (ctx, input) => answer(ctx, registry, input)),
    implement(previousItem, (ctx, input) => previous(ctx, registry, input)),
  ];
}
