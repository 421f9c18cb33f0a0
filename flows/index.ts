import { randomInt } from 'node:crypto';
import type { FlowDefinition } from '../src/core/flow/types.js';
import type { BankRegistry } from '../src/domain/questionnaire/registry.js';
import type { RandomInt } from '../src/domain/report/ticket.js';
import { lazyVillageIndex, type VillageIndexSource } from '../src/domain/village-index.js';
import type { ActionHandler } from '../src/runtime/types.js';
import { accountFlow } from './account.js';
import { createDeleteDataActions, deleteDataFlow } from './delete-data.js';
import { editProfileFlow } from './edit-profile.js';
import { feedbackActions, feedbackFlow } from './feedback.js';
import { helpFlow } from './help.js';
import { languageActions, languageFlow } from './language.js';
import { menuFlow } from './menu.js';
import { createMyDataActions, myDataFlow } from './my-data.js';
import { onboardingActions, onboardingFlow } from './onboarding.js';
import { privacyFlow } from './privacy.js';
import { createProfileActions } from './profile-actions.js';
import { questionnaireFlow } from './questionnaire.js';
import { createQuestionnaireActions } from './questionnaire-actions.js';
import { questionnaireRegistry } from './questionnaires/index.js';
import { createAllReportActions, reportFlows } from './reports.js';
import { createRoleActions, rolesFlow } from './roles.js';
import { createVillageScoreActions, villageScoreFlow } from './village-score.js';
import { withdrawConsentActions, withdrawConsentFlow } from './withdraw-consent.js';

export { entryFlowFor, OPEN_FLOWS, withConsentGate } from './entry.js';
export { FLOW_IDS } from './flow-ids.js';

/** Every conversation flow of Sapa Desa. */
export const flows: FlowDefinition[] = [
  menuFlow,
  helpFlow,
  languageFlow,
  feedbackFlow,
  onboardingFlow,
  privacyFlow,
  myDataFlow,
  editProfileFlow,
  withdrawConsentFlow,
  deleteDataFlow,
  rolesFlow,
  accountFlow,
  questionnaireFlow,
  villageScoreFlow,
  ...reportFlows,
];

/** What the actions need from start-up. */
export interface ActionDeps {
  /** The village directory and search index, built once. */
  villages: VillageIndexSource;
  /** Deletes a stored photo's file by its SHA-256 (for /hapusdata). */
  removeMediaFile: (sha256: string) => Promise<void>;
  /** The question bank versions answers are scored by; the shipped ones by default. */
  questionnaires?: BankRegistry;
  /** Randomness of report tickets; `crypto.randomInt` by default. */
  random?: RandomInt;
}

/** Every action the flows call, by name, bound to the start-up dependencies. */
export function createActions(deps: ActionDeps): Record<string, ActionHandler> {
  return {
    ...languageActions,
    ...feedbackActions,
    ...onboardingActions,
    ...withdrawConsentActions,
    ...createProfileActions(deps),
    ...createMyDataActions(deps),
    ...createRoleActions(deps),
    ...createDeleteDataActions(deps),
    ...createQuestionnaireActions({ registry: deps.questionnaires ?? questionnaireRegistry }),
    ...createVillageScoreActions({
      registry: deps.questionnaires ?? questionnaireRegistry,
      villages: deps.villages,
    }),
    ...createAllReportActions({ villages: deps.villages, random: deps.random ?? randomInt }),
  };
}

/**
 * Every action, for tools and tests that need no start-up wiring: the village index is
 * built on first search, and no media folder is known, so /hapusdata leaves photo files.
 * The app builds its own with {@link createActions}.
 */
export const actions: Record<string, ActionHandler> = createActions({
  villages: lazyVillageIndex(),
  removeMediaFile: async () => {},
});
