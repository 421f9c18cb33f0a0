import {
  type BankRegistry,
  createBankRegistry,
} from '../../../src/domain/questionnaire/registry.js';
import type { Bank, PillarId } from '../../../src/domain/questionnaire/types.js';
import { ekonomiBank } from './ekonomi.js';
import { frozenBanks } from './frozen/index.js';
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

/**
 * The current banks and every frozen earlier version: responses are scored by the
 * version they were given under. Check it at start-up with `validateBankHistory`.
 */
export const questionnaireRegistry: BankRegistry = createBankRegistry(
  questionnaireBanks,
  frozenBanks,
);
