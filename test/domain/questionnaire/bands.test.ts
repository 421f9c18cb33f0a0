import { describe, expect, it } from 'vitest';
import {
  band,
  priorityPillar,
  roundScore,
  type ShownScore,
} from '../../../src/domain/questionnaire/bands.js';
import { PILLAR_IDS, type PillarId } from '../../../src/domain/questionnaire/types.js';

describe('roundScore', () => {
  it('rounds halves up', () => {
    expect(roundScore(0.5)).toBe(1);
    expect(roundScore(39.5)).toBe(40);
    expect(roundScore(59.5)).toBe(60);
    expect(roundScore(79.5)).toBe(80);
    expect(roundScore(99.5)).toBe(100);
  });

  it('rounds everything else to the nearest whole number', () => {
    expect(roundScore(0)).toBe(0);
    expect(roundScore(0.49)).toBe(0);
    expect(roundScore(59.49)).toBe(59);
    expect(roundScore(200 / 3)).toBe(67);
    expect(roundScore(100)).toBe(100);
  });

  it('rounds up a half that floating point left a hair below', () => {
    const combined = 0.6 * 59.5 + 0.4 * 9.5; // exactly 39.5, computed 39.49999999999999
    expect(combined).toBeLessThan(39.5);
    expect(roundScore(combined)).toBe(40);
    expect(roundScore(0.6 * 9 + 0.4 * 0.25)).toBe(6);
  });
});

describe('band', () => {
  it('puts each edge in the band above it', () => {
    expect(band(0)).toBe('rintisan');
    expect(band(39)).toBe('rintisan');
    expect(band(40)).toBe('berkembang');
    expect(band(59)).toBe('berkembang');
    expect(band(60)).toBe('maju');
    expect(band(79)).toBe('maju');
    expect(band(80)).toBe('cerdas');
    expect(band(100)).toBe('cerdas');
  });

  it('judges the shown (rounded) score, so the name matches the number', () => {
    expect(band(39.49)).toBe('rintisan');
    expect(band(39.5)).toBe('berkembang');
    expect(band(59.5)).toBe('maju');
    expect(band(79.5)).toBe('cerdas');
    expect(band(0.6 * 59.5 + 0.4 * 9.5)).toBe('berkembang');
  });
});

describe('priorityPillar', () => {
  const scores = (values: (number | null)[]): ShownScore[] =>
    values.map((score, i) => ({
      pillar: PILLAR_IDS[i] as PillarId,
      score,
      shown: score !== null,
    }));

  it('is the weakest shown pillar', () => {
    expect(priorityPillar(scores([70, 55, 80, 30, 90, 65]))).toBe('hidup');
  });

  it('breaks ties by the canonical order', () => {
    expect(priorityPillar(scores([70, 40, 80, 40, 90, 40]))).toBe('masyarakat');
    expect(priorityPillar(scores([70, 40, 80, 40, 90, 40]).reverse())).toBe('masyarakat');
  });

  it('treats scores that show the same number as a tie', () => {
    expect(priorityPillar(scores([70, 45.4, 80, 44.6, 90, 65]))).toBe('masyarakat');
    expect(priorityPillar(scores([70, 45.4, 80, 44.4, 90, 65]))).toBe('hidup');
  });

  it('ignores pillars that are not shown', () => {
    const results = scores([70, null, 80, 60, 90, 65]);
    expect(priorityPillar(results)).toBe('hidup');
    const hidden = results.map((r) => (r.pillar === 'hidup' ? { ...r, shown: false } : r));
    expect(priorityPillar(hidden)).toBe('mobilitas');
    expect(priorityPillar(scores([null, null, null, null, null, null]))).toBeUndefined();
  });
});
