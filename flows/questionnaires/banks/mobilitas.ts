import { type KeysUnder, t } from '../../../src/core/messages.js';
import { BASE_WEIGHT, type Bank, STAR_WEIGHT } from '../../../src/domain/questionnaire/types.js';

const text = (path: KeysUnder<'questionnaire:mobilitas.'>) => t(`questionnaire:mobilitas.${path}`);

/** Longest travel time accepted, in minutes (a day): more is surely a typo. */
const TRAVEL_MINUTES_MAX = 24 * 60;

/**
 * Mobilitas Cerdas (smart mobility): signal, public internet, electricity, roads,
 * transport, distance to the market. Items M1-M7 of DOMAIN.md 2.3.
 */
export const mobilitasBank: Bank = {
  pillar: 'mobilitas',
  version: 1,
  items: [
    {
      id: 'M1',
      type: 'choice',
      audience: 'W',
      weight: STAR_WEIGHT,
      prompt: text('M1.prompt'),
      options: [
        { value: 'stable', label: text('M1.options.stable'), score: 1 },
        { value: 'unstable', label: text('M1.options.unstable'), score: 0.5 },
        { value: 'spots', label: text('M1.options.spots'), score: 0.25 },
        { value: 'none', label: text('M1.options.none'), score: 0 },
      ],
    },
    { id: 'M2', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('M2.prompt') },
    {
      id: 'M3',
      type: 'choice',
      audience: 'K',
      weight: BASE_WEIGHT,
      prompt: text('M3.prompt'),
      options: [
        { value: 'all', label: text('M3.options.all'), score: 1 },
        { value: 'most', label: text('M3.options.most'), score: 0.67 },
        { value: 'few', label: text('M3.options.few'), score: 0.33 },
        { value: 'none', label: text('M3.options.none'), score: 0 },
      ],
    },
    {
      id: 'M4',
      type: 'choice',
      audience: 'W',
      weight: STAR_WEIGHT,
      prompt: text('M4.prompt'),
      options: [
        { value: 'full_day', label: text('M4.options.full_day'), score: 1 },
        { value: 'part_day', label: text('M4.options.part_day'), score: 0.5 },
        { value: 'none', label: text('M4.options.none'), score: 0 },
      ],
    },
    {
      id: 'M5',
      type: 'choice',
      audience: 'K',
      weight: BASE_WEIGHT,
      prompt: text('M5.prompt'),
      options: [
        { value: 'good', label: text('M5.options.good'), score: 1 },
        { value: 'light_damage', label: text('M5.options.light_damage'), score: 0.67 },
        { value: 'heavy_damage', label: text('M5.options.heavy_damage'), score: 0.33 },
        { value: 'impassable', label: text('M5.options.impassable'), score: 0 },
      ],
    },
    { id: 'M6', type: 'yesno', audience: 'W', weight: BASE_WEIGHT, prompt: text('M6.prompt') },
    {
      id: 'M7',
      type: 'number',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('M7.prompt'),
      min: 0,
      max: TRAVEL_MINUTES_MAX,
      unit: 'minutes',
      bands: [
        { min: 0, max: 20, score: 1 },
        { min: 21, max: 45, score: 0.67 },
        { min: 46, max: 90, score: 0.33 },
        { min: 91, max: TRAVEL_MINUTES_MAX, score: 0 },
      ],
    },
  ],
};
