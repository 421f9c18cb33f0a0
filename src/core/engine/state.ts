import type { Answers } from '../flow/types.js';
import type { Json, Text } from '../messages.js';

/** Version of the conversation state document; raise when its shape changes. */
export const STATE_VERSION = 1;

/** One running flow. Plain JSON: readable with SQL, resumable after a deploy. */
export interface Frame {
  flow: string;
  /** Flow version this frame started on. */
  version: number;
  /** The step waiting for input, or the call step waiting for its result. */
  step: string;
  answers: Answers;
  /** Labels of chosen options by answer name, to show an answer again after `kembali`. */
  labels: Record<string, Text>;
  /** Prompt steps answered, oldest first: `kembali` returns to the last one. */
  history: string[];
  /** Page of a long choice list, from 0. */
  page: number;
  /** Number of the question this frame asked last (see {@link ConversationState.asked}). */
  asked: number;
  /** Wrong answers in a row at this step. */
  invalid: number;
  /** Words typed after the command that started the flow. */
  args: string;
  /** Set while the runtime runs the call step `step`. */
  waitingCall?: boolean;
}

/**
 * A frame kept as a draft, with when it was kept (ISO 8601; absent in drafts kept before it
 * existed, which then count from the conversation's last change).
 */
export type KeptDraft = Frame & { keptAt?: string };

/** A contact's conversation: a stack of frames, the top one is talking. Empty when idle. */
export interface ConversationState {
  v: number;
  frames: Frame[];
  /**
   * Questions asked in this conversation, across flows and restarts: numbers each
   * question, so a button under an older question never answers a newer one. Absent
   * in states saved before it existed.
   */
  asked?: number;
  /**
   * Frames kept as drafts by flow id (src/core/engine/drafts.ts), offered back when that
   * flow starts again. Absent when there are none.
   */
  drafts?: Record<string, KeptDraft>;
}

/** The state of a contact with no conversation running. */
export function idleState(): ConversationState {
  return { v: STATE_VERSION, frames: [] };
}

/** The frame currently talking, if any. */
export function topFrame(state: ConversationState): Frame | undefined {
  return state.frames[state.frames.length - 1];
}

/** Gives the question `frame` is about to ask the next number of the conversation. */
export function numberQuestion(state: ConversationState, frame: Frame): void {
  state.asked = Math.max(state.asked ?? 0, ...state.frames.map((f) => f.asked)) + 1;
  frame.asked = state.asked;
}

/** The token that ties a button press to the question of `frame` just asked. */
export function questionToken(state: ConversationState, frame: Frame): string {
  return `${state.frames.length}.${frame.asked}`;
}

/** Reads a stored state, or idle when it is missing or of an unknown version. */
export function readState(value: Json | undefined | unknown): ConversationState {
  if (
    typeof value === 'object' &&
    value !== null &&
    (value as ConversationState).v === STATE_VERSION &&
    Array.isArray((value as ConversationState).frames)
  ) {
    return value as ConversationState;
  }
  return idleState();
}
