import type { ChoiceOption, PromptStep, StepContext } from '../flow/types.js';
import { type Outbound, type OutboundOption, type Text, t } from '../messages.js';
import type { ConversationState, Frame } from './state.js';
import { questionToken } from './state.js';

/** Most options shown at once; a longer list is paged. */
export const MAX_OPTIONS_SHOWN = 9;
/** Options per page of a paged list; option 9 is then "next page". */
export const PAGE_SIZE = 8;
/** Number of the "next page" option. */
export const NEXT_PAGE_NUMBER = 9;

/**
 * The numbered options of a step, computed from the context when they are a function:
 * a choice's options; ya, tidak and a yes/no step's alternatives; none for other steps
 * (a number step's alternatives are typed, see {@link alternativesOf}).
 */
export function optionsOf(step: PromptStep, ctx: StepContext): ChoiceOption[] {
  if (step.kind === 'yesno') {
    return [
      { value: 'yes', label: t('common:yes') },
      { value: 'no', label: t('common:no') },
      ...alternativesOf(step, ctx),
    ];
  }
  if (step.kind !== 'choice' && step.kind !== 'multi') return [];
  return resolve(step.options, ctx);
}

/** The named answers a yes/no or number step takes besides its own. */
export function alternativesOf(step: PromptStep, ctx: StepContext): ChoiceOption[] {
  if (step.kind !== 'yesno' && step.kind !== 'number') return [];
  return step.alternatives ? resolve(step.alternatives, ctx) : [];
}

/** A number bound of a step, computed from the context when it is a function. */
export function boundOf(
  bound: number | ((ctx: StepContext) => number) | undefined,
  ctx: StepContext,
): number | undefined {
  return typeof bound === 'function' ? bound(ctx) : bound;
}

function resolve<T>(source: T | ((ctx: StepContext) => T), ctx: StepContext): T {
  return typeof source === 'function' ? (source as (ctx: StepContext) => T)(ctx) : source;
}

/** The options shown on the frame's current page, numbered from 1. */
export function pageOf(
  options: ChoiceOption[],
  page: number,
): { shown: ChoiceOption[]; paged: boolean } {
  if (options.length <= MAX_OPTIONS_SHOWN) return { shown: options, paged: false };
  const pages = Math.ceil(options.length / PAGE_SIZE);
  const start = (page % pages) * PAGE_SIZE;
  return { shown: options.slice(start, start + PAGE_SIZE), paged: true };
}

/** Resolves a text source against the context. */
export function textOf(source: Text | ((ctx: StepContext) => Text), ctx: StepContext): Text {
  return typeof source === 'function' ? source(ctx) : source;
}

/** The message asking the question of `step`, with `before` paragraphs in front. */
export function buildPrompt(
  state: ConversationState,
  frame: Frame,
  step: PromptStep,
  ctx: StepContext,
  before: Text[],
): Outbound {
  const texts = [...before, textOf(step.prompt, ctx)];
  if (step.kind === 'photo')
    return { texts: [...texts, ...photoHints(step, frame)], expect: 'photo' };
  if (step.kind === 'location') {
    const hints = step.optional ? [t('common:location.optional')] : [];
    return { texts: [...texts, ...hints], expect: 'location' };
  }
  if (step.kind === 'text') return { texts };
  if (step.kind === 'number') {
    const alternatives = alternativesOf(step, ctx).map((o) => o.label);
    if (alternatives.length === 0) return { texts };
    return { texts: [...texts, t('common:number.alternatives', { options: alternatives })] };
  }
  const { shown, paged } = pageOf(optionsOf(step, ctx), frame.page);
  const options: OutboundOption[] = shown.map((o, i) => ({ number: i + 1, label: o.label }));
  if (paged) options.push({ number: NEXT_PAGE_NUMBER, label: t('common:choice.next_page') });
  const choices = { token: questionToken(state, frame), options };
  return { texts, choices: step.kind === 'multi' ? { ...choices, multiple: true } : choices };
}

function photoHints(step: PromptStep & { kind: 'photo' }, frame: Frame): Text[] {
  const max = step.max ?? 1;
  const name = step.save ?? step.id;
  const count = Array.isArray(frame.answers[name]) ? (frame.answers[name] as unknown[]).length : 0;
  if (max > 1 && count > 0) return [t('common:photo.more', { count, max })];
  if ((step.min ?? 1) === 0) return [t('common:photo.optional')];
  return [];
}
