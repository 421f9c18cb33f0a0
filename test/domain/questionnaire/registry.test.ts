import { describe, expect, it } from 'vitest';
import { frozenBanks } from '../../../flows/questionnaires/banks/frozen/index.js';
import { questionnaireBanks } from '../../../flows/questionnaires/banks/index.js';
import {
  bankProblems,
  createBankRegistry,
  scoringBank,
  validateBankHistory,
} from '../../../src/domain/questionnaire/registry.js';
import type { Bank, PillarId } from '../../../src/domain/questionnaire/types.js';
import { createTranslator } from '../../../src/i18n.js';
import { choice, number, yesno } from './fixtures.js';

/** The real current banks with mobilitas replaced by `bank`. */
function withMobilitas(bank: Bank): Bank[] {
  return questionnaireBanks.map((b) => (b.pillar === 'mobilitas' ? bank : b));
}

const v1: Bank = { pillar: 'mobilitas', version: 1, items: [yesno('T1'), number('T2')] };
const v2: Bank = {
  pillar: 'mobilitas',
  version: 2,
  items: [
    yesno('T1', 'W', { weight: 2 }),
    { ...number('T2'), bands: [{ min: 0, max: 100, score: 1 }] },
  ],
};

describe('createBankRegistry', () => {
  it('finds the current bank of each pillar and any version by number', () => {
    const registry = createBankRegistry(withMobilitas(v2), [v1]);
    expect(registry.currentOf('mobilitas')).toBe(v2);
    expect(registry.at('mobilitas', 1)).toBe(v1);
    expect(registry.at('mobilitas', 2)).toBe(v2);
    expect(registry.at('mobilitas', 3)).toBeUndefined();
    expect(registry.all.filter((b) => b.pillar === 'mobilitas')).toEqual([v1, v2]);
  });

  it('refuses a pillar without a current bank', () => {
    const five = questionnaireBanks.filter((b) => b.pillar !== 'hidup');
    expect(() => createBankRegistry(five)).toThrow('no current question bank for pillar hidup');
  });

  it('holds the shipped banks with no frozen versions yet', () => {
    expect(frozenBanks).toEqual([]);
    expect(validateBankHistory(questionnaireBanks, frozenBanks)).toEqual([]);
  });
});

describe('validateBankHistory', () => {
  it('passes a frozen version below the current one', () => {
    expect(validateBankHistory(withMobilitas(v2), [v1])).toEqual([]);
  });

  it('names a frozen version not below the current one, and one frozen twice', () => {
    const problems = validateBankHistory(withMobilitas(v1), [v2, v2]);
    expect(problems).toContain('frozen bank mobilitas version 2 is not below the current 1');
    expect(problems).toContain('bank mobilitas version 2 frozen twice');
  });

  it('names an item id that changed type, audience or pillar between versions', () => {
    const changed: Bank = { ...v1, items: [choice('T1', [1, 0]), number('T2', 'W')] };
    const moved: Bank = { pillar: 'hidup', version: 1, items: [yesno('T1')] };
    const problems = validateBankHistory(withMobilitas(v2), [changed, moved]);
    expect(problems).toContain('item T1 (mobilitas v1) changed type: give it a new id');
    expect(problems).toContain('item T2 (mobilitas v1) changed audience: give it a new id');
    expect(problems).toContain('item T1 (hidup v1) moved pillar');
  });

  it('checks each frozen bank on its own too', () => {
    const broken: Bank = { ...v1, items: [] };
    expect(validateBankHistory(withMobilitas(v2), [broken])).toContain(
      'bank mobilitas: has no items',
    );
  });
});

describe('scoringBank', () => {
  it('takes each item from the version its answer was given under', () => {
    const registry = createBankRegistry(withMobilitas(v2), [v1]);
    const pillar: PillarId = 'mobilitas';
    const bank = scoringBank(registry, pillar, { T1: 2, T2: 1 });
    expect(bank.version).toBe(2);
    expect(bank.items[0]).toBe(v2.items[0]);
    expect(bank.items[1]).toBe(v1.items[1]);
    expect(scoringBank(registry, pillar, {}).items).toEqual(v2.items);
  });
});

describe('bankProblems', () => {
  it('passes the shipped banks against the real locales', async () => {
    const translator = await createTranslator('id');
    expect(bankProblems(questionnaireBanks, frozenBanks, translator.hasKey)).toEqual([]);
  });

  it('names missing text keys of any version, invalid banks and a broken history', () => {
    const problems = bankProblems(withMobilitas(v1), [v2], (key) => key !== 'test:T2');
    expect(problems).toContain('text key "test:T2" is missing in a locale');
    expect(problems).toContain('frozen bank mobilitas version 2 is not below the current 1');
    expect(bankProblems([...questionnaireBanks].reverse(), [], () => true)[0]).toMatch(
      /^banks must be tata_kelola, masyarakat/,
    );
  });
});
