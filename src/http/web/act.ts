/** Runs a chat action as the signed-in person (src/runtime/perform.ts). */
import type { Viewer, WebDeps } from './types.js';

/** Runs the declared action as the viewer (a training or broadcast action, ...); undefined when the viewer is gone. */
export async function act<R>(
  deps: WebDeps,
  viewer: Viewer,
  action: { name: string },
  input: unknown,
): Promise<R | undefined> {
  const done = await deps.perform({
    contactId: viewer.contact.id,
    action: action.name,
    input,
    channel: 'web',
  });
  return done.type === 'done' ? (done.result as R) : undefined;
}
