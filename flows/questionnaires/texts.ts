/** The questionnaires capability's locale namespaces, for the type of text keys (src/core/messages.ts). */
import type questionnaire from '../../locales/id/questionnaire.json';
import type questionnaireFlow from '../../locales/id/questionnaire-flow.json';
import type villageScore from '../../locales/id/village-score.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    questionnaire: typeof questionnaire;
    'questionnaire-flow': typeof questionnaireFlow;
    'village-score': typeof villageScore;
  }
}
