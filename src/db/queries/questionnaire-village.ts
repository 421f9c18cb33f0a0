/**
 * Questionnaire answers across people: one village's for /skor, everyone's for the
 * programme export. Rows carry the anonymous respondent key, never the person.
 */
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { questionnaireAnswers, questionnaireResponses } from '../schema/index.js';

/** One answer as scoring and the export read it. */
export interface VillageAnswerRow {
  respondentId: string;
  responseId: string;
  villageCode: string;
  pillar: string;
  bankVersion: number;
  itemId: string;
  /** The stored Answer JSON; read it with `parseAnswer`. */
  answer: unknown;
  /** K or W, when answered. */
  audience: string;
  /** The person's role when answered. */
  role: string;
  createdAt: Date;
  answeredAt: Date;
  responseCompletedAt: Date | null;
}

const columns = {
  respondentId: questionnaireResponses.respondentId,
  responseId: questionnaireResponses.id,
  villageCode: questionnaireResponses.villageCode,
  pillar: questionnaireResponses.pillar,
  bankVersion: questionnaireResponses.bankVersion,
  itemId: questionnaireAnswers.itemId,
  answer: questionnaireAnswers.answer,
  audience: questionnaireAnswers.audience,
  role: questionnaireAnswers.role,
  createdAt: questionnaireAnswers.createdAt,
  answeredAt: questionnaireAnswers.answeredAt,
  responseCompletedAt: questionnaireResponses.completedAt,
};

/**
 * Every answer joined to its response, as {@link VillageAnswerRow}s: the query /skor, the
 * export and the admin web's area tables narrow.
 */
export function selectAnswers(db: Db) {
  return db
    .select(columns)
    .from(questionnaireAnswers)
    .innerJoin(
      questionnaireResponses,
      eq(questionnaireResponses.id, questionnaireAnswers.responseId),
    );
}

/** Every answer about one village, all pillars and versions. */
export async function villageAnswers(
  db: Db,
  params: { villageCode: string },
): Promise<VillageAnswerRow[]> {
  return selectAnswers(db).where(eq(questionnaireResponses.villageCode, params.villageCode));
}

/**
 * Every answer about every village, ordered by village, pillar, response and item: what
 * the export writes. Held in memory at once (about 200 bytes a row).
 */
export async function allAnswers(db: Db): Promise<VillageAnswerRow[]> {
  return selectAnswers(db).orderBy(
    asc(questionnaireResponses.villageCode),
    asc(questionnaireResponses.pillar),
    asc(questionnaireResponses.id),
    asc(questionnaireAnswers.itemId),
  );
}
