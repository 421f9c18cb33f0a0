import type { BankRegistry } from '../../../src/domain/questionnaire/index.js';
import type { ActionImplementation } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { createQuestionnaireActions } from './questionnaire.js';
import { createVillageScoreActions } from './village-score.js';

/** Every action of the questionnaires, over a registry of bank versions. */
export function createQuestionnairesActions(
  services: CapabilityServices,
  registry: BankRegistry,
): ActionImplementation[] {
  return [
    ...createQuestionnaireActions({ registry }),
    ...createVillageScoreActions({
      registry,
      villages: services.villages,
      charts: services.charts,
    }),
  ];
}
