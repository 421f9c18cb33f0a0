/**
 * The questionnaires capability: the Desa Cerdas pillar questionnaires (/kuesioner), their
 * versioned question banks (banks/) and the village scores (/skor).
 */
import { goto } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { forgetRespondent } from '../../src/db/queries/questionnaire.js';
import {
  type Bank,
  bankProblems,
  createBankRegistry,
} from '../../src/domain/questionnaire/index.js';
import { type Capability, defineCapability } from '../../src/runtime/capability.js';
import { createQuestionnairesActions } from './actions/index.js';
import { questionnaireSection } from './actions/my-data.js';
import { frozenBanks } from './banks/frozen/index.js';
import { questionnaireBanks } from './banks/index.js';
import { QUESTIONNAIRE_FLOW, questionnaireFlow, VILLAGE_SCORE_FLOW } from './questionnaire.js';
import { villageScoreFlow } from './village-score.js';

/**
 * The capability over a history of banks: the current ones and the frozen earlier
 * versions answers are still scored by (the shipped ones by default).
 */
export function createQuestionnairesCapability(
  banks: { current: readonly Bank[]; frozen: readonly Bank[] } = {
    current: questionnaireBanks,
    frozen: frozenBanks,
  },
): Capability {
  const registry = createBankRegistry(banks.current, banks.frozen);
  return defineCapability({
    id: 'questionnaires',
    flows: [questionnaireFlow, villageScoreFlow],
    actions: (services) => createQuestionnairesActions(services, registry),
    menu: [
      {
        value: 'questionnaire',
        label: t('questionnaire-flow:menu'),
        order: 40,
        target: goto(QUESTIONNAIRE_FLOW),
      },
      {
        value: 'score',
        label: t('village-score:menu'),
        order: 50,
        target: goto(VILLAGE_SCORE_FLOW),
      },
    ],
    myData: [questionnaireSection(registry)],
    // The answers stay, anonymous, in the village scores.
    async erase(tx, { contactId }) {
      await forgetRespondent(tx, { contactId });
      return {};
    },
    namespaces: ['questionnaire', 'questionnaire-flow', 'village-score'],
    problems: ({ hasKey }) => bankProblems(banks.current, banks.frozen, hasKey),
  });
}

/** The questionnaires capability on the shipped banks. */
export const questionnairesCapability: Capability = createQuestionnairesCapability();
