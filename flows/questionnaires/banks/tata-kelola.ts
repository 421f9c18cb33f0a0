import { type KeysUnder, t } from '../../../src/core/messages.js';
import { scaleLabels } from '../../../src/domain/questionnaire/texts.js';
import { BASE_WEIGHT, type Bank, STAR_WEIGHT } from '../../../src/domain/questionnaire/types.js';

const text = (path: KeysUnder<'questionnaire:tata_kelola.'>) =>
  t(`questionnaire:tata_kelola.${path}`);

/**
 * Tata Kelola Cerdas (smart governance): digital public information and services,
 * transparency, complaint handling, participation. Items G1-G7 of DOMAIN.md 2.3.
 */
export const tataKelolaBank: Bank = {
  pillar: 'tata_kelola',
  version: 1,
  items: [
    {
      id: 'G1',
      type: 'choice',
      audience: 'K',
      weight: STAR_WEIGHT,
      prompt: text('G1.prompt'),
      options: [
        { value: 'both', label: text('G1.options.both'), score: 1 },
        { value: 'one', label: text('G1.options.one'), score: 0.5 },
        { value: 'none', label: text('G1.options.none'), score: 0 },
      ],
    },
    {
      id: 'G2',
      type: 'choice',
      audience: 'K',
      weight: STAR_WEIGHT,
      prompt: text('G2.prompt'),
      options: [
        { value: 'board_and_online', label: text('G2.options.board_and_online'), score: 1 },
        { value: 'one_way', label: text('G2.options.one_way'), score: 0.5 },
        { value: 'not_published', label: text('G2.options.not_published'), score: 0 },
      ],
    },
    {
      id: 'G3',
      type: 'choice',
      audience: 'K',
      weight: BASE_WEIGHT,
      prompt: text('G3.prompt'),
      options: [
        { value: 'all', label: text('G3.options.all'), score: 1 },
        { value: 'some', label: text('G3.options.some'), score: 0.5 },
        { value: 'none', label: text('G3.options.none'), score: 0 },
      ],
    },
    { id: 'G4', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('G4.prompt') },
    {
      id: 'G5',
      type: 'choice',
      audience: 'K',
      weight: BASE_WEIGHT,
      prompt: text('G5.prompt'),
      options: [
        { value: 'fast', label: text('G5.options.fast'), score: 1 },
        { value: 'slow', label: text('G5.options.slow'), score: 0.5 },
        { value: 'none', label: text('G5.options.none'), score: 0 },
      ],
    },
    { id: 'G6', type: 'yesno', audience: 'W', weight: BASE_WEIGHT, prompt: text('G6.prompt') },
    {
      id: 'G7',
      type: 'scale',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('G7.prompt'),
      labels: scaleLabels('ease'),
    },
  ],
};
