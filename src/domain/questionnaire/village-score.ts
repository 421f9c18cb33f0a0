/**
 * A village's score on one pillar, from its kader's facts (K items) and its residents'
 * answers (W items) (issue 8, part 3).
 */
import { applicableOf } from './applicable.js';
import { itemScore } from './item-score.js';
import { audiencePillarScore, type PillarScore } from './pillar-score.js';
import type { AnswerMap, Bank, PillarId } from './types.js';

/** The W part exists only with at least this many residents over the completeness gate. */
export const MIN_RESIDENTS = 5;
/** Share of the K part when both parts exist (DOMAIN.md 2.3). */
export const K_SHARE = 0.6;
/** Share of the W part when both parts exist. */
export const W_SHARE = 0.4;

/** What a village's pillar score is computed from. */
export interface VillagePillarInput {
  bank: Bank;
  /**
   * The latest answer per K item given by any confirmed kader or perangkat of the village
   * (older answers stay in storage as history), by item id. Other items are ignored.
   */
  kAnswers: AnswerMap;
  /** Each resident's answers, kader and perangkat included; only W items are read. */
  residents: readonly AnswerMap[];
  /**
   * The bank version each resident answered under, by index into `residents`, so each is
   * scored by their own version; `bank` for any not given.
   */
  residentBanks?: readonly Bank[];
}

/** Which parts the village score rests on; `none` means "data belum cukup". */
export type VillageScoreBasis = 'both' | 'k_only' | 'w_only' | 'none';

/** The residents' side of a village score. */
export interface ResidentsPart {
  /** Mean of the counted residents' W scores (0-100, unrounded); null unless `present`. */
  score: number | null;
  /** At least {@link MIN_RESIDENTS} residents are counted. */
  present: boolean;
  /** Residents who answered any applicable W item ("tidak tahu" included). */
  respondents: number;
  /** Residents whose W completeness passes the gate. */
  counted: number;
}

/** A village's score on one pillar, with both parts for /skor and the export. */
export interface VillagePillarScore {
  pillar: PillarId;
  bankVersion: number;
  /** 0-100, unrounded; null when neither part exists ("data belum cukup"). */
  score: number | null;
  /** `score` is not null. */
  shown: boolean;
  /** `k_only` / `w_only` flag a score resting on one part. */
  basis: VillageScoreBasis;
  /** The K items scored over `kAnswers`; the K part exists when `kader.shown`. */
  kader: PillarScore;
  residents: ResidentsPart;
}

/**
 * Scores a village's pillar. K part: the weighted score of the K items over `kAnswers`,
 * present when its own completeness over the applicable K items reaches 60 %. W part: the
 * plain mean of the residents' W-item scores, counting only residents whose W completeness
 * reaches 60 %, present only when at least {@link MIN_RESIDENTS} of them are counted
 * (issue 8; DOMAIN.md's "n ≥ 5" did not say that incomplete residents do not count).
 * Both present: 0.6 K + 0.4 W; one present: that one, flagged in `basis`; none: null.
 */
export function villagePillarScore(input: VillagePillarInput): VillagePillarScore {
  const { bank } = input;
  const kader = audiencePillarScore(bank, input.kAnswers, ['K']);
  const residents = residentsPart(input);
  const k = kader.shown ? kader.score : null;
  const w = residents.score;
  let basis: VillageScoreBasis = 'none';
  let score: number | null = null;
  if (k !== null && w !== null) {
    basis = 'both';
    score = K_SHARE * k + W_SHARE * w;
  } else if (k !== null) {
    basis = 'k_only';
    score = k;
  } else if (w !== null) {
    basis = 'w_only';
    score = w;
  }
  return {
    pillar: bank.pillar,
    bankVersion: bank.version,
    score,
    shown: score !== null,
    basis,
    kader,
    residents,
  };
}

function residentsPart(input: VillagePillarInput): ResidentsPart {
  let respondents = 0;
  const counted: number[] = [];
  for (const [index, answers] of input.residents.entries()) {
    const bank = residentBank(input, index);
    const items = applicableOf(bank.items, ['W'], answers);
    if (items.some((item) => answers[item.id] !== undefined)) respondents += 1;
    const own = audiencePillarScore(bank, answers, ['W']);
    if (own.shown && own.score !== null) counted.push(own.score);
  }
  const present = counted.length >= MIN_RESIDENTS;
  return {
    score: present ? counted.reduce((sum, s) => sum + s, 0) / counted.length : null,
    present,
    respondents,
    counted: counted.length,
  };
}

/**
 * Item scores behind a village score, by item id, for staff ({@link weakestItems}): each
 * applicable K item's score when the K part is present, and each W item's mean over the
 * counted residents who scored it when the W part is present. Items that do not feed the
 * score are left out.
 */
export function villageItemScores(input: VillagePillarInput): Record<string, number> {
  const { bank } = input;
  const result = villagePillarScore(input);
  const scores: Record<string, number> = {};
  if (result.kader.shown) {
    for (const item of applicableOf(bank.items, ['K'], input.kAnswers)) {
      const answer = input.kAnswers[item.id];
      const score = answer ? itemScore(item, answer) : null;
      if (score !== null) scores[item.id] = score;
    }
  }
  if (result.residents.present) {
    const sums = new Map<string, { total: number; count: number }>();
    for (const [index, answers] of input.residents.entries()) {
      const own = residentBank(input, index);
      if (!audiencePillarScore(own, answers, ['W']).shown) continue;
      for (const item of applicableOf(own.items, ['W'], answers)) {
        const answer = answers[item.id];
        const score = answer ? itemScore(item, answer) : null;
        if (score === null) continue;
        const sum = sums.get(item.id) ?? { total: 0, count: 0 };
        sums.set(item.id, { total: sum.total + score, count: sum.count + 1 });
      }
    }
    for (const [id, sum] of sums) scores[id] = sum.total / sum.count;
  }
  return scores;
}

function residentBank(input: VillagePillarInput, index: number): Bank {
  return input.residentBanks?.[index] ?? input.bank;
}
