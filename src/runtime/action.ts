/**
 * Implementations of declared actions (src/core/flow/action.ts). Each capability binds
 * its own in its `actions` at start-up; the runtime runs them in the message's
 * transaction, after checking the input against the declaration's schema.
 */
import type { z } from 'zod';
import type { ActionDeclaration } from '../core/flow/action.js';
import type { Json, Outbound } from '../core/messages.js';
import type { ActionContext, TriggerRequest } from './types.js';

/**
 * Something an action asks of the runtime besides its result, done in the same
 * transaction once the action returns: start a flow for another person (a proactive
 * question), under the rules of `Runtime.trigger`.
 */
export type ActionEffect = TriggerRequest & {
  type: 'trigger';
  /**
   * Messages sent to that person instead when the flow cannot be started for them
   * (unreachable, or the person of this very message): say how to answer later. Nothing
   * is sent to someone gone or without consent.
   */
  otherwise?: Outbound[];
};

/** A trigger effect: start `flow` for a contact (see {@link ActionEffect}). */
export function trigger(request: Omit<ActionEffect, 'type'>): ActionEffect {
  return { type: 'trigger', ...request };
}

const EFFECTS = Symbol('effects');

/** A result with the effects an action returns along with it. */
export type WithEffects<Result> = { result: Result; [EFFECTS]: ActionEffect[] };

/** Returns `result` to the flow and asks the runtime for `effects` in the same transaction. */
export function withEffects<Result>(result: Result, effects: ActionEffect[]): WithEffects<Result> {
  return { result, [EFFECTS]: effects };
}

/** What running an action gave: its result for the flow, and its effects. */
export interface ActionOutcome {
  result: Json;
  effects: ActionEffect[];
}

/** A declared action bound to the code that does it. */
export interface ActionImplementation {
  declaration: ActionDeclaration;
  /** Checks `input` against the declaration, then does the work. */
  run(ctx: ActionContext, input: unknown): Promise<ActionOutcome>;
}

/**
 * Binds `declaration` to `run`, which gets the input as the schema parsed it and must
 * answer the declared result type, alone or {@link withEffects}.
 */
export function implement<Input extends z.ZodType, Result extends Json>(
  declaration: ActionDeclaration<Input, Result>,
  // NoInfer: the declaration alone fixes the types, so literal results stay literal.
  run: NoInfer<
    (ctx: ActionContext, input: z.output<Input>) => Promise<Result | WithEffects<Result>>
  >,
): ActionImplementation {
  return {
    declaration,
    run: async (ctx, input) => {
      const answer = await run(ctx, declaration.input.parse(input));
      return typeof answer === 'object' && answer !== null && EFFECTS in answer
        ? { result: answer.result, effects: answer[EFFECTS] }
        : { result: answer, effects: [] };
    },
  };
}
