import { beforeAll, describe, expect, it } from 'vitest';
import { bankOf, questionnaireBanks } from '../../../flows/questionnaires/banks/index.js';
import { answerOptions } from '../../../src/domain/questionnaire/answers.js';
import { band, roundScore } from '../../../src/domain/questionnaire/bands.js';
import { personPillarScore } from '../../../src/domain/questionnaire/pillar-score.js';
import { SHARED_KEYS } from '../../../src/domain/questionnaire/texts.js';
import { PILLAR_IDS } from '../../../src/domain/questionnaire/types.js';
import { bankTextKeys, validateBanks } from '../../../src/domain/questionnaire/validate.js';
import { villagePillarScore } from '../../../src/domain/questionnaire/village-score.js';
import { createTranslator, type Translator } from '../../../src/i18n.js';
import { DK, NO, num, pick, rate, YES } from './fixtures.js';

let translator: Translator;

beforeAll(async () => {
  translator = await createTranslator('id');
});

const allItems = () => questionnaireBanks.flatMap((bank) => bank.items);

describe('the six question banks', () => {
  it('are valid, in the canonical order', () => {
    expect(validateBanks(questionnaireBanks)).toEqual([]);
    expect(questionnaireBanks.map((b) => b.pillar)).toEqual([...PILLAR_IDS]);
  });

  it('hold the 42 items of DOMAIN.md 2.3, ★ items weighted 2', () => {
    expect(questionnaireBanks.map((b) => b.items.map((i) => i.id).join(' '))).toEqual([
      'G1 G2 G3 G4 G5 G6 G7',
      'P1 P2 P3 P4 P5 P6 P7',
      'E1 E2 E3 E4 E5 E6 E7',
      'L1 L2 L3 L4 L5 L6 L7',
      'C1 C2 C3 C4 C5 C6 C7',
      'M1 M2 M3 M4 M5 M6 M7',
    ]);
    const starred = allItems().filter((i) => i.weight === 2);
    expect(starred.map((i) => i.id).join(' ')).toBe('G1 G2 P1 P4 E1 E3 L1 L7 C1 C2 M1 M4');
    expect(allItems().every((i) => i.weight === 1 || i.weight === 2)).toBe(true);
    const kader = allItems().filter((i) => i.audience === 'K');
    expect(kader.map((i) => i.id).join(' ')).toBe(
      'G1 G2 G3 G4 G5 P4 P5 P6 E3 E4 E5 E6 L2 L6 L7 C1 C2 C4 C6 M2 M3 M5',
    );
  });

  it('are plain JSON data', () => {
    for (const bank of questionnaireBanks) {
      expect(JSON.parse(JSON.stringify(bank))).toEqual(bank);
    }
  });

  it('have every text in both languages', () => {
    const keys = questionnaireBanks.flatMap(bankTextKeys);
    expect(keys.filter((key) => !translator.hasKey(key))).toEqual([]);
  });

  it('have no questionnaire text that no bank uses, and the same keys in both languages', () => {
    const own = (keys: string[]) => keys.filter((k) => k.startsWith('questionnaire:'));
    const used = new Set([...SHARED_KEYS, ...questionnaireBanks.flatMap(bankTextKeys)]);
    expect(own(translator.keysOf('id'))).toEqual([...used].sort());
    expect(own(translator.keysOf('en'))).toEqual(own(translator.keysOf('id')));
  });

  it('leave the numbering of options to the engine and fit one bubble', () => {
    for (const language of ['id', 'en']) {
      for (const item of allItems()) {
        const prompt = translator.translate(item.prompt, language);
        expect(prompt, item.id).not.toMatch(/(^|\s)1[.)]?\s+\S.*\s2[.)]?\s+\S/);
        expect(prompt.length, item.id).toBeLessThanOrEqual(200);
        for (const option of answerOptions(item)) {
          expect(translator.translate(option.label, language).length, item.id).toBeLessThan(45);
        }
      }
    }
  });
});

describe('scoring with a real bank (masyarakat)', () => {
  const bank = bankOf('masyarakat');

  it('skips P3 for a household without mobile internet', () => {
    const result = personPillarScore(bank, { P1: pick('none'), P2: NO, P7: YES }, 'W');
    expect(result).toMatchObject({ applicableCount: 3, scoredCount: 3, score: 25 });
  });

  it('skips P6 when the kader trained nobody, and combines with five residents', () => {
    const kAnswers = { P4: num(0), P5: YES, P6: NO };
    const resident = { P1: pick('all_adults'), P2: YES, P3: rate(4), P7: NO };
    const residents = [resident, resident, resident, resident, resident, { P1: DK }];
    const result = villagePillarScore({ bank, kAnswers, residents });
    // K: (2 × 0 + 1 × 1) / 3 over P4 and P5; W: (2 × 1 + 1 + 0.75 + 0) / 5 = 75.
    expect(result.kader).toMatchObject({ applicableCount: 2, scoredCount: 2 });
    expect(result.kader.score).toBeCloseTo(100 / 3, 10);
    expect(result.residents).toEqual({ score: 75, present: true, respondents: 6, counted: 5 });
    expect(result.basis).toBe('both');
    expect(roundScore(result.score ?? Number.NaN)).toBe(50);
    expect(band(result.score ?? Number.NaN)).toBe('berkembang');
  });
});
