/** The session opened in /jadwal, as the schedule's steps and the change steps read it. */
import { call, resultOf } from '../../src/core/flow/action.js';
import type { StepContext } from '../../src/core/flow/types.js';
import { openSession } from './declarations.js';

/** Opens the session picked from the list. */
export const open = call('open', openSession, {
  input: (ctx) => ({ sessionId: String(ctx.answers.pick ?? '') }),
  next: { gone: 'gone', '*': 'show' },
});

/** The session opened, when it was shown. */
export function opened(ctx: StepContext) {
  const result = resultOf(ctx, open);
  return result?.outcome === 'shown' ? result : undefined;
}

/** The id of the session opened ('' before one is). */
export const sessionIdOf = (ctx: StepContext): string => opened(ctx)?.sessionId ?? '';
