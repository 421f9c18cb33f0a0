import type { FlowDefinition } from '../src/core/flow/types.js';
import type { ActionHandler } from '../src/runtime/types.js';
import { feedbackActions, feedbackFlow } from './feedback.js';
import { helpFlow } from './help.js';
import { languageActions, languageFlow } from './language.js';
import { menuFlow } from './menu.js';

/** Every conversation flow of Sapa Desa. */
export const flows: FlowDefinition[] = [menuFlow, helpFlow, languageFlow, feedbackFlow];

/** Every action the flows call, by name. */
export const actions: Record<string, ActionHandler> = {
  ...languageActions,
  ...feedbackActions,
};

/** Flows the engine and runtime open by name. */
export const FLOW_IDS = { menu: 'menu', help: 'help', language: 'language' } as const;
