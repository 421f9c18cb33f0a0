/**
 * Implementations of declared actions (src/core/flow/action.ts). Each capability binds
 * its own in its `actions` at start-up; the runtime runs them in the message's
 * transaction, after checking the input against the declaration's schema.
 */
import type { z } from 'zod';
import type { ActionDeclaration } from '../core/flow/action.js';
import type { Json } from '../core/messages.js';
import type { ActionContext } from './types.js';

/** A declared action bound to the code that does it. */
export interface ActionImplementation {
  declaration: ActionDeclaration;
  /** Checks `input` against the declaration, then does the work. */
  run(ctx: ActionContext, input: unknown): Promise<Json>;
}

/**
 * Binds `declaration` to `run`, which gets the input as the schema parsed it and must
 * answer the declared result type.
 */
export function implement<Input extends z.ZodType, Result extends Json>(
  declaration: ActionDeclaration<Input, Result>,
  // NoInfer: the declaration alone fixes the types, so literal results stay literal.
  run: NoInfer<(ctx: ActionContext, input: z.output<Input>) => Promise<Result>>,
): ActionImplementation {
  return {
    declaration,
    run: async (ctx, input) => run(ctx, declaration.input.parse(input)),
  };
}
