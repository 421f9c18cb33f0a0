import { type KeysUnder, t } from '../../../src/core/messages.js';
import { scaleLabels } from '../../../src/domain/questionnaire/texts.js';
import { BASE_WEIGHT, type Bank, STAR_WEIGHT } from '../../../src/domain/questionnaire/types.js';

const text = (path: KeysUnder<'questionnaire:masyarakat.'>) =>
  t(`questionnaire:masyarakat.${path}`);

/** Most residents a kader can report as trained in a year: above any village's population. */
const TRAINED_RESIDENTS_MAX = 100_000;

/**
 * Masyarakat Cerdas (smart people): digital skills, training, inclusion, social capital.
 * Items P1-P7 of DOMAIN.md 2.3. Skips: P3 (spotting online scams) when P1 says nobody at
 * home uses mobile internet; P6 (inclusion in training) when P4 says nobody was trained.
 */
export const masyarakatBank: Bank = {
  pillar: 'masyarakat',
  version: 1,
  items: [
    {
      id: 'P1',
      type: 'choice',
      audience: 'W',
      weight: STAR_WEIGHT,
      prompt: text('P1.prompt'),
      options: [
        { value: 'all_adults', label: text('P1.options.all_adults'), score: 1 },
        { value: 'some', label: text('P1.options.some'), score: 0.5 },
        { value: 'none', label: text('P1.options.none'), score: 0 },
      ],
    },
    { id: 'P2', type: 'yesno', audience: 'W', weight: BASE_WEIGHT, prompt: text('P2.prompt') },
    {
      id: 'P3',
      type: 'scale',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('P3.prompt'),
      labels: scaleLabels('confidence'),
      skipIf: { item: 'P1', equals: 'none' },
    },
    {
      id: 'P4',
      type: 'number',
      audience: 'K',
      weight: STAR_WEIGHT,
      prompt: text('P4.prompt'),
      min: 0,
      max: TRAINED_RESIDENTS_MAX,
      bands: [
        { min: 0, max: 0, score: 0 },
        { min: 1, max: 19, score: 0.33 },
        { min: 20, max: 49, score: 0.67 },
        { min: 50, max: TRAINED_RESIDENTS_MAX, score: 1 },
      ],
    },
    { id: 'P5', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('P5.prompt') },
    {
      id: 'P6',
      type: 'yesno',
      audience: 'K',
      weight: BASE_WEIGHT,
      prompt: text('P6.prompt'),
      skipIf: { item: 'P4', equals: 0 },
    },
    { id: 'P7', type: 'yesno', audience: 'W', weight: BASE_WEIGHT, prompt: text('P7.prompt') },
  ],
};
