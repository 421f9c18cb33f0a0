/**
 * A village's pillar scores from its stored answers, each scored by the bank version it
 * was given under (see {@link BankRegistry}).
 */
import { answerFits, parseAnswer } from './answers.js';
import { type BankRegistry, scoringBank } from './registry.js';
import type { Answer, AnswerMap, Audience, Bank, PillarId } from './types.js';
import { AUDIENCES, PILLAR_IDS } from './types.js';
import { type VillagePillarScore, villageItemScores, villagePillarScore } from './village-score.js';

/** One stored answer of a village, as scoring needs it. */
export interface StoredAnswer {
  /** The anonymous key of the person who answered (kept after they delete their data). */
  respondentId: string;
  pillar: PillarId;
  bankVersion: number;
  itemId: string;
  answer: Answer;
  /** `K` when the person was a confirmed kader or perangkat of the village when answering. */
  audience: Audience;
  /** When the answer was last given. */
  answeredAt: Date;
}

/**
 * Reads a stored row (pillar, audience and answer as plain strings and JSON) as a
 * {@link StoredAnswer}; undefined when any of them is unknown.
 */
export function toStoredAnswer(row: {
  respondentId: string;
  pillar: string;
  bankVersion: number;
  itemId: string;
  answer: unknown;
  audience: string;
  answeredAt: Date;
}): StoredAnswer | undefined {
  const answer = parseAnswer(row.answer);
  const pillar = PILLAR_IDS.find((p) => p === row.pillar);
  const audience = AUDIENCES.find((a) => a === row.audience);
  if (!answer || !pillar || !audience) return undefined;
  return { ...row, pillar, audience, answer };
}

/** A village's pillar score with what /skor and the export show besides it. */
export interface VillagePillarResult extends VillagePillarScore {
  /** Kader and perangkat whose answers are among the K answers used. */
  kaderRespondents: number;
  /** Everyone with an answer in the pillar, each counted once (a kader who answered as warga too). */
  people: number;
  /** Item scores behind the score, by item id (see {@link villageItemScores}). */
  itemScores: Record<string, number>;
}

/**
 * Scores every pillar of one village, in the canonical order. Each respondent counts
 * with their response on the newest bank version, scored by that version; the K part
 * takes the latest K-audience answer per item, each scored by its own version's item.
 * Answers on a version the registry does not know, or that do not fit their item, are
 * left out.
 */
export function scoreVillageAnswers(
  registry: BankRegistry,
  rows: readonly StoredAnswer[],
): VillagePillarResult[] {
  return PILLAR_IDS.map((pillar) =>
    scorePillar(
      registry,
      pillar,
      rows.filter((row) => row.pillar === pillar),
    ),
  );
}

function scorePillar(
  registry: BankRegistry,
  pillar: PillarId,
  rows: readonly StoredAnswer[],
): VillagePillarResult {
  const usable = rows.filter((row) => fits(registry, row));
  const latest = latestKAnswers(usable);
  const versions = Object.fromEntries([...latest].map(([id, row]) => [id, row.bankVersion]));
  const kAnswers = Object.fromEntries([...latest].map(([id, row]) => [id, row.answer]));
  const residents = newestResponses(registry, pillar, usable);
  const input = {
    bank: scoringBank(registry, pillar, versions),
    kAnswers,
    residents: residents.map((r) => r.answers),
    residentBanks: residents.map((r) => r.bank),
  };
  return {
    ...villagePillarScore(input),
    kaderRespondents: new Set([...latest.values()].map((row) => row.respondentId)).size,
    people: new Set(usable.map((row) => row.respondentId)).size,
    itemScores: villageItemScores(input),
  };
}

function fits(registry: BankRegistry, row: StoredAnswer): boolean {
  const item = registry.at(row.pillar, row.bankVersion)?.items.find((i) => i.id === row.itemId);
  return item !== undefined && answerFits(item, row.answer);
}

/** The latest answer per item among K-audience answers to K items; ties go to the newer version. */
function latestKAnswers(rows: readonly StoredAnswer[]): Map<string, StoredAnswer> {
  const latest = new Map<string, StoredAnswer>();
  for (const row of rows) {
    if (row.audience !== 'K') continue;
    const seen = latest.get(row.itemId);
    const newer =
      !seen ||
      row.answeredAt.getTime() > seen.answeredAt.getTime() ||
      (row.answeredAt.getTime() === seen.answeredAt.getTime() &&
        row.bankVersion > seen.bankVersion);
    if (newer) latest.set(row.itemId, row);
  }
  return latest;
}

/** Each respondent's answers on the newest bank version they answered, with that bank. */
function newestResponses(
  registry: BankRegistry,
  pillar: PillarId,
  rows: readonly StoredAnswer[],
): { bank: Bank; answers: AnswerMap }[] {
  const newest = new Map<string, number>();
  for (const row of rows) {
    newest.set(row.respondentId, Math.max(newest.get(row.respondentId) ?? 0, row.bankVersion));
  }
  const answers = new Map<string, Record<string, Answer>>();
  for (const row of rows) {
    if (row.bankVersion !== newest.get(row.respondentId)) continue;
    const own = answers.get(row.respondentId) ?? {};
    own[row.itemId] = row.answer;
    answers.set(row.respondentId, own);
  }
  return [...answers].map(([respondentId, own]) => ({
    bank: registry.at(pillar, newest.get(respondentId) ?? 0) as Bank,
    answers: own,
  }));
}
