/**
 * Drafts: what a person typed into a flow that keeps drafts (a report) is not dropped when
 * they leave it half-way. Leaving by a word (`menu`, `batal`) or another command first asks
 * whether to keep it as a draft; the kept frame waits in the conversation state, and the
 * next start of that flow asks "continue the draft or start over?". The two questions are
 * small flows of the engine's own, answered like any choice (numbers, labels, ya/tidak).
 */

import {
  type ChoiceOption,
  defineFlow,
  END,
  type FlowDefinition,
  type StepContext,
} from '../flow/types.js';
import { type Text, t } from '../messages.js';
import type { ConversationState, Frame, KeptDraft } from './state.js';

/** The engine's question before leaving a flow with a draft in it. */
export const LEAVE_FLOW = 'engine.draft-leave';
/** The engine's question when a flow with a kept draft starts again. */
export const RESUME_FLOW = 'engine.draft-resume';

/** What the person asked for that would leave the draft behind. */
export type Leaving =
  | { type: 'word'; word: 'menu' | 'cancel' }
  | { type: 'command'; name: string; args: string };

/** What the two questions carry in their frame's `args` (plain JSON). */
export interface DraftArgs {
  /** The flow whose draft it is. */
  flow: string;
  /** At the leave question: what to do once the draft is kept. */
  leaving?: Leaving;
  /** At the resume question: the words typed after the command, for a fresh start. */
  args?: string;
}

/** Reads the args of a draft question; `undefined` when they are not one's. */
export function readDraftArgs(frame: Frame): DraftArgs | undefined {
  try {
    const value = JSON.parse(frame.args) as DraftArgs;
    return typeof value?.flow === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

/** True when `frame` runs a flow that keeps drafts and the person has answered in it. */
export function holdsDraft(frame: Frame, flowOf: (id: string) => FlowDefinition | undefined) {
  return flowOf(frame.flow)?.draft !== undefined && frame.history.length > 0;
}

/** The topmost frame of the conversation holding a draft, if any. */
export function draftFrame(
  state: ConversationState,
  flowOf: (id: string) => FlowDefinition | undefined,
): Frame | undefined {
  return [...state.frames].reverse().find((frame) => holdsDraft(frame, flowOf));
}

/**
 * Days a kept draft is offered back: after that the next start of its flow begins afresh,
 * and the retention job (src/runtime/jobs/retention.ts) removes it from the state.
 */
export const DRAFT_KEEP_DAYS = 30;

const DAY_MS = 24 * 60 * 60_000;

/** Keeps `frame` as the draft of its flow (replacing an older one), kept at `now`. */
export function keepDraft(state: ConversationState, frame: Frame, now: Date): void {
  const kept: KeptDraft = { ...structuredClone(frame), keptAt: now.toISOString() };
  state.drafts = { ...state.drafts, [frame.flow]: kept };
}

/** True when `draft` was kept more than {@link DRAFT_KEEP_DAYS} before `now`. */
export function draftExpired(draft: KeptDraft, now: Date): boolean {
  const keptAt = draft.keptAt ? Date.parse(draft.keptAt) : Number.NaN;
  return Number.isFinite(keptAt) && now.getTime() - keptAt > DRAFT_KEEP_DAYS * DAY_MS;
}

/** The frame of a kept draft, to talk again (without its keeping time). */
export function draftToFrame(draft: KeptDraft): Frame {
  const { keptAt: _keptAt, ...frame } = draft;
  return frame;
}

/** The two questions, their texts taken from the flow whose draft it is. */
export function draftQuestionFlows(
  flowOf: (id: string) => FlowDefinition | undefined,
): FlowDefinition[] {
  const textsOf = (ctx: StepContext) => {
    const args = safeParse(ctx.args);
    return args ? flowOf(args.flow)?.draft : undefined;
  };
  return [
    defineFlow({
      id: LEAVE_FLOW,
      version: 1,
      steps: [
        {
          id: 'leave',
          kind: 'choice',
          prompt: (ctx) => textsOf(ctx)?.leave ?? t('common:draft.leave'),
          options: (ctx) => leaveOptions(ctx, textsOf(ctx)?.stay ?? t('common:draft.stay')),
          next: END,
        },
      ],
    }),
    defineFlow({
      id: RESUME_FLOW,
      version: 1,
      steps: [
        {
          id: 'resume',
          kind: 'choice',
          prompt: (ctx) => {
            const resume = textsOf(ctx)?.resume;
            return (
              (typeof resume === 'function' ? resume(ctx) : resume) ?? t('common:draft.resume')
            );
          },
          options: [
            { value: 'continue', label: t('common:draft.continue'), means: 'yes' },
            { value: 'new', label: t('common:draft.new'), means: 'no' },
          ],
          next: END,
        },
      ],
    }),
  ];
}

/**
 * Keep it, or go on; after `batal` also "throw it away", which is then the no: the person
 * asked to cancel, and "tidak" to keeping it is a clear answer.
 */
function leaveOptions(ctx: StepContext, stay: Text): ChoiceOption[] {
  const leaving = safeParse(ctx.args)?.leaving;
  const cancelling = leaving?.type === 'word' && leaving.word === 'cancel';
  const keep: ChoiceOption = { value: 'keep', label: t('common:draft.keep'), means: 'yes' };
  if (!cancelling) return [keep, { value: 'stay', label: stay, means: 'no' }];
  return [
    keep,
    { value: 'discard', label: t('common:draft.discard'), means: 'no' },
    { value: 'stay', label: stay },
  ];
}

function safeParse(args: string): DraftArgs | undefined {
  return readDraftArgs({ args } as Frame);
}
