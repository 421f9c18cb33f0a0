import { describe, expect, it } from 'vitest';
import { questionnaireBanks } from '../../../flows/questionnaires/banks/index.js';
import { createBankRegistry } from '../../../src/domain/questionnaire/registry.js';
import type { Answer, Bank } from '../../../src/domain/questionnaire/types.js';
import {
  type StoredAnswer,
  scoreVillageAnswers,
} from '../../../src/domain/questionnaire/village-answers.js';
import { DK, NO, num, YES, yesno } from './fixtures.js';

// Mobilitas v1: K1 yes/no, K2 number (0 → 0, 1-9 → .5, 10-100 → 1), W1, W2 yes/no.
const v1: Bank = {
  pillar: 'mobilitas',
  version: 1,
  items: [
    yesno('K1', 'K'),
    {
      id: 'K2',
      type: 'number',
      audience: 'K',
      weight: 1,
      prompt: { key: 'test:K2' },
      min: 0,
      max: 100,
      bands: [
        { min: 0, max: 0, score: 0 },
        { min: 1, max: 9, score: 0.5 },
        { min: 10, max: 100, score: 1 },
      ],
    },
    yesno('W1'),
    yesno('W2'),
  ],
};
// v2: K2's bands are stricter (anything under 50 scores 0) and W2 is gone, W3 is new.
const v2: Bank = {
  ...v1,
  version: 2,
  items: [
    v1.items[0] as Bank['items'][number],
    {
      ...(v1.items[1] as Extract<Bank['items'][number], { type: 'number' }>),
      bands: [
        { min: 0, max: 49, score: 0 },
        { min: 50, max: 100, score: 1 },
      ],
    },
    yesno('W1'),
    yesno('W3'),
  ],
};
const registry = createBankRegistry(
  questionnaireBanks.map((b) => (b.pillar === 'mobilitas' ? v2 : b)),
  [v1],
);

const at = (minute: number) => new Date(Date.UTC(2026, 2, 2, 8, minute));
function row(
  respondentId: string,
  bankVersion: number,
  itemId: string,
  answer: Answer,
  minute = 0,
  audience: 'K' | 'W' = 'W',
): StoredAnswer {
  return {
    respondentId,
    pillar: 'mobilitas',
    bankVersion,
    itemId,
    answer,
    audience,
    answeredAt: at(minute),
  };
}
const mobilitas = (rows: StoredAnswer[]) => scoreVillageAnswers(registry, rows)[5];

describe('scoreVillageAnswers', () => {
  it('scores every pillar in the canonical order, none shown without answers', () => {
    const results = scoreVillageAnswers(registry, []);
    expect(results.map((r) => r.pillar)).toEqual([
      'tata_kelola',
      'masyarakat',
      'lingkungan',
      'hidup',
      'ekonomi',
      'mobilitas',
    ]);
    expect(results.every((r) => !r.shown && r.basis === 'none')).toBe(true);
  });

  it('scores old K answers by the version they were given under', () => {
    // 5 trained under v1 scores 0.5; under v2 it would score 0.
    const result = mobilitas([
      row('kader', 1, 'K1', YES, 0, 'K'),
      row('kader', 1, 'K2', num(5), 1, 'K'),
    ]);
    expect(result).toMatchObject({ basis: 'k_only', score: 75, kaderRespondents: 1 });
    expect(result?.itemScores).toEqual({ K1: 1, K2: 0.5 });
    const now = mobilitas([
      row('kader', 2, 'K1', YES, 0, 'K'),
      row('kader', 2, 'K2', num(5), 1, 'K'),
    ]);
    expect(now).toMatchObject({ score: 50 });
  });

  it('takes the latest K answer per item from any kader, and ignores W-audience answers to K items', () => {
    const result = mobilitas([
      row('a', 1, 'K1', NO, 0, 'K'),
      row('b', 2, 'K1', YES, 5, 'K'),
      row('a', 1, 'K2', num(60), 0, 'K'),
      row('warga', 2, 'K2', num(0), 9, 'W'),
    ]);
    expect(result?.kader.score).toBe(100);
    expect(result?.kaderRespondents).toBe(2);
  });

  it('scores each resident by their newest response, on that version', () => {
    const rows: StoredAnswer[] = [];
    // Residents r1-r4 answered v1 (W1 yes, W2 no: 50); r5 answered v1 then v2 (W1, W3 yes: 100).
    for (const id of ['r1', 'r2', 'r3', 'r4', 'r5']) {
      rows.push(row(id, 1, 'W1', YES), row(id, 1, 'W2', NO));
    }
    rows.push(row('r5', 2, 'W1', YES), row('r5', 2, 'W3', YES));
    const result = mobilitas(rows);
    expect(result?.residents).toEqual({ score: 60, present: true, respondents: 5, counted: 5 });
    expect(result).toMatchObject({ basis: 'w_only', score: 60 });
    expect(result?.itemScores).toEqual({ W1: 1, W2: 0, W3: 1 });
  });

  it('leaves out answers that do not fit their item or name an unknown version', () => {
    const result = mobilitas([
      row('kader', 1, 'K1', num(3), 0, 'K'),
      row('kader', 7, 'K2', num(3), 0, 'K'),
      row('kader', 1, 'K2', DK, 0, 'K'),
    ]);
    expect(result?.kader).toMatchObject({ scoredCount: 0, shown: false });
    expect(result?.kaderRespondents).toBe(1);
  });
});
