/** Village scores of an area, and one village against its kabupaten: the same scoring as /skor. */
import { areaAnswers } from '../../../db/queries/questionnaire-area.js';
import {
  pillarAverages,
  scoreAreaAnswers,
  type VillagePillarResult,
} from '../../../domain/questionnaire/index.js';
import type { StaffScope } from '../../../domain/staff-scope.js';
import type { WebDeps } from '../types.js';

/** Characters of a village code that name its kabupaten/kota (`PP.KK`). */
const REGENCY_CODE_LENGTH = 5;

/** Every village of the scope's area with answers, and its pillar results. */
export async function areaScores(
  deps: Pick<WebDeps, 'db' | 'registry'>,
  scope: Exclude<StaffScope, { type: 'none' }>,
): Promise<Map<string, VillagePillarResult[]>> {
  const areaCode = scope.type === 'everywhere' ? undefined : scope.areaCode;
  return scoreAreaAnswers(deps.registry, await areaAnswers(deps.db, { areaCode }));
}

/** One village's results (none when it has no answers) and its kabupaten's averages. */
export async function villageAgainstRegency(
  deps: Pick<WebDeps, 'db' | 'registry'>,
  code: string,
): Promise<{ results: VillagePillarResult[] | undefined; average: (number | null)[] }> {
  const regency = code.slice(0, REGENCY_CODE_LENGTH);
  const scores = scoreAreaAnswers(deps.registry, await areaAnswers(deps.db, { areaCode: regency }));
  return { results: scores.get(code), average: pillarAverages(scores.values()) };
}
