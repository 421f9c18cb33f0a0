import type { Effect, Engine } from '../../src/core/engine/engine.js';
import type { ConversationState } from '../../src/core/engine/state.js';
import type { InboundPayload } from '../../src/core/messages.js';
import { t } from '../../src/core/messages.js';
import { type ConsentFacts, isRegistered } from '../../src/domain/privacy.js';
import { FLOW_IDS } from './flow-ids.js';

/** The flow an idle person's message opens: onboarding until registered, then the menu. */
export function entryFlowFor(contact: ConsentFacts): string {
  return isRegistered(contact) ? FLOW_IDS.menu : FLOW_IDS.onboarding;
}

/**
 * Wraps the engine so that a person who is not registered (the runtime's entry flow for
 * them is onboarding) cannot open, or carry on in, a flow outside `openFlows` (the flows
 * every capability opens before consent): such a message opens onboarding instead, which
 * resumes where they left off. With a fixed entry flow other than onboarding the gate
 * never closes.
 */
export function withConsentGate(engine: Engine, openFlows: ReadonlySet<string>): Engine {
  return {
    ...engine,
    handle(state, event, env) {
      if (env.entryFlow !== FLOW_IDS.onboarding || event.type !== 'input') {
        return engine.handle(state, event, env);
      }
      const closed = closedFlow(engine, openFlows, state, event.payload);
      if (!closed) return engine.handle(state, event, env);
      const result = engine.handle(state, { type: 'start', flow: FLOW_IDS.onboarding }, env);
      const notice: Effect[] =
        closed === FLOW_IDS.menu
          ? []
          : [{ type: 'send', message: { texts: [t('onboarding:gate')] } }];
      return { state: result.state, effects: [...notice, ...result.effects] };
    },
  };
}

/** The closed flow this input would open or continue, if any. */
function closedFlow(
  engine: Engine,
  openFlows: ReadonlySet<string>,
  state: ConversationState,
  payload: InboundPayload,
): string | undefined {
  if (payload.type === 'command') {
    const flow = engine.commandFlow(payload.name);
    return flow && !openFlows.has(flow.id) ? flow.id : undefined;
  }
  return state.frames.find((frame) => !openFlows.has(frame.flow))?.flow;
}
