import type { Bank, PillarId } from '../../src/domain/questionnaire/types.js';
import { ekonomiBank } from './ekonomi.js';
import { hidupBank } from './hidup.js';
import { lingkunganBank } from './lingkungan.js';
import { masyarakatBank } from './masyarakat.js';
import { mobilitasBank } from './mobilitas.js';
import { tataKelolaBank } from './tata-kelola.js';

/**
 * The current question bank of every pillar, in the canonical order (PILLAR_IDS):
 * tata kelola, masyarakat, lingkungan, hidup, ekonomi, mobilitas. Check them at start-up
 * with `validateBanks` and `bankTextKeys`.
 */
export const questionnaireBanks: readonly Bank[] = [
  tataKelolaBank,
  masyarakatBank,
  lingkunganBank,
  hidupBank,
  ekonomiBank,
  mobilitasBank,
];

/** The current bank of a pillar. */
export function bankOf(pillar: PillarId): Bank {
  const bank = questionnaireBanks.find((b) => b.pillar === pillar);
  if (!bank) throw new Error(`no question bank for pillar ${pillar}`);
  return bank;
}
