/**
 * Questionnaire answers of every village in an area (a kabupaten, a kecamatan, or all of
 * Indonesia), for the admin web's village table and the kabupaten averages of the charts.
 * The same rows as /skor reads for one village (questionnaire-village.ts).
 */
import { eq, like, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.js';
import { questionnaireResponses } from '../schema/index.js';
import { selectAnswers, type VillageAnswerRow } from './questionnaire-village.js';

/** Every answer about the villages in `areaCode` (a code prefix; undefined: everywhere). */
export async function areaAnswers(
  db: Db,
  params: { areaCode?: string },
): Promise<VillageAnswerRow[]> {
  const code = questionnaireResponses.villageCode;
  const where: SQL | undefined = params.areaCode
    ? or(eq(code, params.areaCode), like(code, `${params.areaCode}.%`))
    : undefined;
  return selectAnswers(db).where(where);
}
