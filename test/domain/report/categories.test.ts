import { describe, expect, it } from 'vitest';
import { PILLAR_IDS } from '../../../src/domain/questionnaire/types.js';
import {
  EMERGENCY_CATEGORY,
  pillarOf,
  REPORT_CATEGORY_IDS,
} from '../../../src/domain/report/categories.js';

describe('report categories', () => {
  it('are eight and "lainnya", one list of nine', () => {
    expect(REPORT_CATEGORY_IDS).toHaveLength(9);
    expect(REPORT_CATEGORY_IDS.at(-1)).toBe('lainnya');
    expect(REPORT_CATEGORY_IDS).toContain(EMERGENCY_CATEGORY);
  });

  it('each map to a pillar, and every pillar has a category', () => {
    const pillars = REPORT_CATEGORY_IDS.map(pillarOf);
    for (const pillar of pillars) expect(PILLAR_IDS).toContain(pillar);
    expect(new Set(pillars)).toEqual(new Set(PILLAR_IDS));
  });
});
