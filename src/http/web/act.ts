/** Runs a chat action as the signed-in person (src/runtime/perform.ts). */
import type { z } from 'zod';
import type { ActionDeclaration } from '../../core/flow/action.js';
import type { Json } from '../../core/messages.js';
import type { Viewer, WebDeps } from './types.js';

/**
 * Runs the declared action as the viewer, with its input typed by the declaration (a
 * change to the capability's schema fails the type check here); its result, or undefined
 * when the viewer is gone.
 */
export async function act<Input extends z.ZodType, Result extends Json>(
  deps: WebDeps,
  viewer: Viewer,
  action: ActionDeclaration<Input, Result>,
  input: z.input<Input>,
): Promise<Result | undefined> {
  const done = await deps.perform({
    contactId: viewer.contact.id,
    action: action.name,
    input,
    channel: 'web',
  });
  return done.type === 'done' ? (done.result as Result) : undefined;
}
