import { type KeysUnder, t } from '../../../src/core/messages.js';
import { scaleLabels } from '../../../src/domain/questionnaire/texts.js';
import { BASE_WEIGHT, type Bank, STAR_WEIGHT } from '../../../src/domain/questionnaire/types.js';

const text = (path: KeysUnder<'questionnaire:ekonomi.'>) => t(`questionnaire:ekonomi.${path}`);

/** Most micro-businesses a kader can report: above any village's count. */
const BUSINESSES_MAX = 100_000;

/**
 * Ekonomi Cerdas (smart economy): BUMDes, online selling, cashless payments, promotion,
 * financial services, market access. Items C1-C7 of DOMAIN.md 2.3. "Tidak berlaku" on C3
 * (no business), C5 (not a farmer or fisher), as DOMAIN has them, and C7 (sells nothing
 * outside the village), which DOMAIN left without one.
 */
export const ekonomiBank: Bank = {
  pillar: 'ekonomi',
  version: 1,
  items: [
    {
      id: 'C1',
      type: 'choice',
      audience: 'K',
      weight: STAR_WEIGHT,
      prompt: text('C1.prompt'),
      options: [
        { value: 'digital', label: text('C1.options.digital'), score: 1 },
        { value: 'active', label: text('C1.options.active'), score: 0.5 },
        { value: 'inactive', label: text('C1.options.inactive'), score: 0 },
      ],
    },
    {
      id: 'C2',
      type: 'number',
      audience: 'K',
      weight: STAR_WEIGHT,
      prompt: text('C2.prompt'),
      min: 0,
      max: BUSINESSES_MAX,
      bands: [
        { min: 0, max: 0, score: 0 },
        { min: 1, max: 9, score: 0.33 },
        { min: 10, max: 29, score: 0.67 },
        { min: 30, max: BUSINESSES_MAX, score: 1 },
      ],
    },
    {
      id: 'C3',
      type: 'yesno',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('C3.prompt'),
      notApplicable: true,
      notApplicableLabel: text('C3.not_applicable'),
    },
    { id: 'C4', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('C4.prompt') },
    {
      id: 'C5',
      type: 'yesno',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('C5.prompt'),
      notApplicable: true,
      notApplicableLabel: text('C5.not_applicable'),
    },
    { id: 'C6', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('C6.prompt') },
    {
      id: 'C7',
      type: 'scale',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('C7.prompt'),
      labels: scaleLabels('ease'),
      notApplicable: true,
      notApplicableLabel: text('C7.not_applicable'),
    },
  ],
};
