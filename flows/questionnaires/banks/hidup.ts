import { type KeysUnder, t } from '../../../src/core/messages.js';
import { scaleLabels } from '../../../src/domain/questionnaire/texts.js';
import { BASE_WEIGHT, type Bank, STAR_WEIGHT } from '../../../src/domain/questionnaire/types.js';

const text = (path: KeysUnder<'questionnaire:hidup.'>) => t(`questionnaire:hidup.${path}`);

/** Longest travel time accepted, in minutes (a day): more is surely a typo. */
const TRAVEL_MINUTES_MAX = 24 * 60;

/**
 * Hidup Cerdas (smart living): health access and records, online learning and services,
 * safety, social assistance. Items L1-L7 of DOMAIN.md 2.3. L3 is DOMAIN's "1 Ya 2 Tidak
 * 3 Tidak ada anak sekolah": a yes/no item whose "tidak berlaku" reads "no school children".
 */
export const hidupBank: Bank = {
  pillar: 'hidup',
  version: 1,
  items: [
    {
      id: 'L1',
      type: 'number',
      audience: 'W',
      weight: STAR_WEIGHT,
      prompt: text('L1.prompt'),
      min: 0,
      max: TRAVEL_MINUTES_MAX,
      unit: 'minutes',
      bands: [
        { min: 0, max: 15, score: 1 },
        { min: 16, max: 30, score: 0.67 },
        { min: 31, max: 60, score: 0.33 },
        { min: 61, max: TRAVEL_MINUTES_MAX, score: 0 },
      ],
    },
    { id: 'L2', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('L2.prompt') },
    {
      id: 'L3',
      type: 'yesno',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('L3.prompt'),
      notApplicable: true,
      notApplicableLabel: text('L3.not_applicable'),
    },
    { id: 'L4', type: 'yesno', audience: 'W', weight: BASE_WEIGHT, prompt: text('L4.prompt') },
    {
      id: 'L5',
      type: 'scale',
      audience: 'W',
      weight: BASE_WEIGHT,
      prompt: text('L5.prompt'),
      labels: scaleLabels('safety'),
    },
    { id: 'L6', type: 'yesno', audience: 'K', weight: BASE_WEIGHT, prompt: text('L6.prompt') },
    { id: 'L7', type: 'yesno', audience: 'K', weight: STAR_WEIGHT, prompt: text('L7.prompt') },
  ],
};
