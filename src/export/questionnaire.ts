/**
 * The questionnaire export for programme staff: every answer, and every village's score
 * per pillar, as CSV with Kemendagri codes and names. Respondents appear only under
 * their anonymous key. Village names are © idn-area-data contributors (ODbL-1.0).
 */
import type { Db } from '../db/client.js';
import { allAnswers, type VillageAnswerRow } from '../db/queries/questionnaire-village.js';
import {
  type BankRegistry,
  band,
  itemScore,
  priorityPillar,
  roundScore,
  type StoredAnswer,
  scoreVillageAnswers,
  toStoredAnswer,
  type VillagePillarResult,
} from '../domain/questionnaire/index.js';
import { displayName, type Village, type VillageDirectory } from '../domain/villages.js';
import { type CsvCell, toCsv } from './csv.js';

/** The two CSV documents of an export. */
export interface QuestionnaireExport {
  /** One row per answer. */
  answers: string;
  /** One row per village that has answers and pillar. */
  villages: string;
  /** Row counts, for the command line to report. */
  counts: { answers: number; villages: number };
}

const PLACE_HEADER = [
  'province_code',
  'province',
  'regency_code',
  'regency',
  'district_code',
  'district',
  'village_code',
  'village',
];

/** Columns of the answers file. */
export const ANSWER_COLUMNS = [
  'respondent_key',
  'response_id',
  ...PLACE_HEADER,
  'pillar',
  'bank_version',
  'item_id',
  'item_type',
  'item_audience',
  'respondent_audience',
  'respondent_role',
  'answer_type',
  'answer_value',
  'item_score',
  'first_answered_at',
  'answered_at',
  'response_completed_at',
];

/** Columns of the villages file. */
export const VILLAGE_COLUMNS = [
  ...PLACE_HEADER,
  'pillar',
  'bank_version',
  'score',
  'score_exact',
  'band',
  'basis',
  'priority_pillar',
  'k_score',
  'k_scored_items',
  'k_applicable_items',
  'k_respondents',
  'w_score',
  'w_respondents',
  'w_complete_respondents',
];

/** Reads every answer and scores every village that has any. */
export async function exportQuestionnaire(
  db: Db,
  deps: { registry: BankRegistry; directory: VillageDirectory },
): Promise<QuestionnaireExport> {
  const rows = await allAnswers(db);
  const answerRows = rows.map((row) => answerLine(row, deps));
  const byVillage = new Map<string, StoredAnswer[]>();
  for (const row of rows) {
    const stored = toStoredAnswer(row);
    if (!stored) continue;
    const list = byVillage.get(row.villageCode) ?? [];
    list.push(stored);
    byVillage.set(row.villageCode, list);
  }
  const villageRows = [...byVillage].flatMap(([code, stored]) =>
    villageLines(code, scoreVillageAnswers(deps.registry, stored), deps.directory),
  );
  return {
    answers: toCsv(ANSWER_COLUMNS, answerRows),
    villages: toCsv(VILLAGE_COLUMNS, villageRows),
    counts: { answers: answerRows.length, villages: byVillage.size },
  };
}

function placeCells(code: string, directory: VillageDirectory): CsvCell[] {
  const village: Village | undefined = directory.get(code);
  if (!village) return ['', '', '', '', '', '', code, ''];
  return [
    village.province.code,
    displayName(village.province.name),
    village.regency.code,
    displayName(village.regency.name),
    village.district.code,
    displayName(village.district.name),
    village.code,
    displayName(village.name),
  ];
}

function answerLine(
  row: VillageAnswerRow,
  deps: { registry: BankRegistry; directory: VillageDirectory },
): CsvCell[] {
  const stored = toStoredAnswer(row);
  const item = stored
    ? deps.registry.at(stored.pillar, stored.bankVersion)?.items.find((i) => i.id === row.itemId)
    : undefined;
  const answer = stored?.answer;
  const value = answer && 'value' in answer ? answer.value : '';
  return [
    row.respondentId,
    row.responseId,
    ...placeCells(row.villageCode, deps.directory),
    row.pillar,
    row.bankVersion,
    row.itemId,
    item?.type ?? '',
    item?.audience ?? '',
    row.audience,
    row.role,
    answer?.type ?? 'unreadable',
    value,
    item && answer ? itemScore(item, answer) : null,
    row.createdAt.toISOString(),
    row.answeredAt.toISOString(),
    row.responseCompletedAt?.toISOString() ?? '',
  ];
}

function villageLines(
  code: string,
  results: VillagePillarResult[],
  directory: VillageDirectory,
): CsvCell[][] {
  const place = placeCells(code, directory);
  const priority = priorityPillar(results);
  return results.map((result) => [
    ...place,
    result.pillar,
    result.bankVersion,
    result.score === null ? null : roundScore(result.score),
    result.score,
    result.score === null ? null : band(result.score),
    result.basis,
    result.pillar === priority,
    result.kader.shown ? result.kader.score : null,
    result.kader.scoredCount,
    result.kader.applicableCount,
    result.kaderRespondents,
    result.residents.score,
    result.residents.respondents,
    result.residents.counted,
  ]);
}
