/**
 * Actions as flows see them: a declaration (a name, the zod schema of its input, the type
 * of its result) that a call step refers to as an object, so a renamed or missing action
 * fails the type check. The runtime binds each declaration to its implementation
 * (src/runtime/action.ts) and checks at start-up that every one a flow calls has one.
 */
import type { z } from 'zod';
import type { Json } from '../messages.js';
import type { Next, StepContext } from './types.js';

/** Marks the result type of a declaration; never a value at run time. */
declare const RESULT: unique symbol;

/** The type of an action's result, carried by a declaration (see {@link returns}). */
export interface ResultType<Result extends Json> {
  readonly [RESULT]?: Result;
}

/** A declared action: its name, the schema of its input and (as a type) its result. */
export interface ActionDeclaration<Input extends z.ZodType = z.ZodType, Result extends Json = Json>
  extends ResultType<Result> {
  /** Unique across the program, `capability.verb` by convention. */
  readonly name: string;
  /** Checked by the runtime before the implementation runs. */
  readonly input: Input;
}

/** The result type of a declaration, as a value to pass to {@link defineAction}. */
export function returns<Result extends Json>(): ResultType<Result> {
  return {};
}

/**
 * Declares an action: `defineAction('report.move', { input: moveInput, result:
 * returns<MoveResult>() })`. Declarations are pure: flow files import them.
 */
export function defineAction<Input extends z.ZodType, Result extends Json>(
  name: string,
  parts: { input: Input; result: ResultType<Result> },
): ActionDeclaration<Input, Result> {
  return { name, input: parts.input };
}

/** The outcomes a result may carry (`{ outcome: 'moved' | 'refused' }`), which `next` may map. */
export type OutcomeOf<Result> = Result extends { outcome: infer Outcome extends string }
  ? Outcome
  : never;

/**
 * Asks the runtime to run an action in the message's transaction. Its result is saved
 * (read it back typed with {@link resultOf}); when it carries an `outcome`, `next` may
 * branch on it.
 */
export interface CallStep<Result extends Json = Json> {
  id: string;
  kind: 'call';
  action: ActionDeclaration<z.ZodType, Result>;
  /** The action's input, from the context (checked against the declaration's schema). */
  input?: (ctx: StepContext) => unknown;
  /** Answer name of the result; defaults to the step id. */
  save?: string;
  skipIf?: (ctx: StepContext) => boolean;
  next?: Next;
  help?: never;
}

/**
 * What a flow hands an action: the declared fields (a misspelt or missing one fails the
 * type check), each a value read from the answers, which the schema then checks.
 */
export type CallInput<Input extends z.ZodType> =
  z.input<Input> extends Record<string, unknown>
    ? { [Field in keyof z.input<Input>]: Json | undefined }
    : z.input<Input>;

/** What a call step is built with besides its id and action. */
export interface CallOptions<Input extends z.ZodType, Result extends Json> {
  input?: (ctx: StepContext) => CallInput<Input>;
  save?: string;
  skipIf?: (ctx: StepContext) => boolean;
  /** A target, or one per outcome of the result (with `*` for the rest). */
  next?: string | { [Outcome in OutcomeOf<Result> | '*']?: string };
}

/** A call step of `action`, with its input typed by the declaration. */
export function call<Input extends z.ZodType, Result extends Json>(
  id: string,
  action: ActionDeclaration<Input, Result>,
  options: CallOptions<Input, Result> = {},
): CallStep<Result> {
  const { next, ...rest } = options;
  return {
    id,
    kind: 'call',
    action,
    ...rest,
    ...(next === undefined ? {} : { next: next as Next }),
  };
}

/** The result `step` saved, typed by its declaration; undefined until the step ran. */
export function resultOf<Result extends Json>(
  ctx: StepContext,
  step: CallStep<Result>,
): Result | undefined {
  return ctx.answers[step.save ?? step.id] as Result | undefined;
}
