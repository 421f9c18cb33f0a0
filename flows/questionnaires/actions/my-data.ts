import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import { answersOfContact } from '../../../src/db/queries/questionnaire.js';
import { formatDate } from '../../../src/domain/dates.js';
import {
  answerLabel,
  type BankRegistry,
  PILLAR_IDS,
  parseAnswer,
  pillarName,
} from '../../../src/domain/questionnaire/index.js';
import { placeOf, villageText } from '../../../src/domain/village-place.js';
import type { MyDataSection } from '../../../src/runtime/capability.js';

/**
 * /datasaya: the person's questionnaire answers, one line each with the date, the village
 * (by name), the pillar and bank version, the question and the answer.
 */
export function questionnaireSection(registry: BankRegistry): MyDataSection {
  return {
    order: 60,
    build: async ({ tx, contact, villages }) => {
      const rows = await answersOfContact(tx, { contactId: contact.id });
      const { directory } = await villages();
      const villageOf = (code: string) => {
        const village = directory.get(code);
        return village ? villageText(placeOf(village)) : code;
      };
      const lines = rows.flatMap((row): Text[] => {
        const pillar = PILLAR_IDS.find((p) => p === row.pillar);
        const item = pillar
          ? registry.at(pillar, row.bankVersion)?.items.find((i) => i.id === row.itemId)
          : undefined;
        const answer = parseAnswer(row.answer);
        const label = item && answer ? answerLabel(item, answer) : undefined;
        if (!pillar || !item || !label) return [];
        return [
          t('questionnaire-flow:my_data.answer', {
            date: formatDate(row.answeredAt),
            village: villageOf(row.villageCode),
            pillar: pillarName(pillar),
            version: row.bankVersion,
            question: item.prompt,
            answer: label,
          }),
        ];
      });
      return {
        title: t('questionnaire-flow:my_data.title'),
        body: joinTexts(lines, t('questionnaire-flow:my_data.none')),
      };
    },
  };
}
