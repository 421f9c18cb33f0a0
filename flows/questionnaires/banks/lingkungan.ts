import { type KeysUnder, t } from '../../../src/core/messages.js';
import { BASE_WEIGHT, type Bank, STAR_WEIGHT } from '../../../src/domain/questionnaire/types.js';

const text = (path: KeysUnder<'questionnaire:lingkungan.'>) =>
  t(`questionnaire:lingkungan.${path}`);

/**
 * Lingkungan Cerdas (smart environment): waste, water, disaster warning, environmental
 * data, renewable energy, village rules. Items E1-E7 of DOMAIN.md 2.3.
 */
export const lingkunganBank: Bank = {
  pillar: 'lingkungan',
  version: 1,
  items: [
    {
      id: 'E1',
      type: 'choice',
      audience: 'W',
      weight: STAR_WEIGHT,
      prompt: text('E1.prompt'),
      options: [
        { value: 'collected', label: text('E1.options.collected'), score: 1 },
        { value: 'composted', label: text('E1.options.composted'), score: 0.5 },
        { value: 'burned_dumped', label: text('E1.options.burned_dumped'), score: 0 },
      ],
    },
    {
      id: 'E2',
      type: 'choice',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('E2.prompt'),
      options: [
        { value: 'piped', label: text('E2.options.piped'), score: 1 },
        { value: 'protected', label: text('E2.options.protected'), score: 0.75 },
        { value: 'unprotected', label: text('E2.options.unprotected'), score: 0 },
      ],
    },
    { id: 'E3', type: 'yesno', audience: 'K', weight: STAR_WEIGHT, prompt: text('E3.prompt') },
    { id: 'E4', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('E4.prompt') },
    { id: 'E5', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('E5.prompt') },
    { id: 'E6', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('E6.prompt') },
    { id: 'E7', type: 'yesno', audience: 'W', weight: BASE_WEIGHT, prompt: text('E7.prompt') },
  ],
};
