import type { VillageCharts } from '../../../src/charts/village-chart.js';
import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import type { Contact } from '../../../src/db/queries/contacts.js';
import { areaAnswers } from '../../../src/db/queries/questionnaire-area.js';
import { villageAnswers } from '../../../src/db/queries/questionnaire-village.js';
import {
  type BankRegistry,
  band,
  bandText,
  DISCLAIMER,
  NOT_ENOUGH_DATA,
  PILLAR_IDS,
  pillarAverages,
  pillarName,
  pillarScores,
  priorityPillar,
  roundScore,
  type StoredAnswer,
  scoreAreaAnswers,
  scoreVillageAnswers,
  toStoredAnswer,
  type VillagePillarResult,
  weakestItems,
} from '../../../src/domain/questionnaire/index.js';
import { scopeCovers, staffScope } from '../../../src/domain/staff-scope.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { searchVillages } from '../../../src/domain/village-picker.js';
import { placeOf, villageText } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { ActionContext } from '../../../src/runtime/types.js';
import { searchScoreVillage, villageScore } from '../declarations.js';

/** Pillars with a score needed before one is named the priority. */
export const PRIORITY_MIN_PILLARS = 2;

/** The village /skor shows: the one asked for, when the person's staff scope covers it. */
function villageFor(contact: Contact, code: string): { code?: string; refusal?: Text } {
  if (!code)
    return contact.villageCode
      ? { code: contact.villageCode }
      : { refusal: t('village-score:no_village') };
  if (code === contact.villageCode || scopeCovers(staffScope(contact), code)) return { code };
  return { refusal: t('village-score:not_allowed') };
}

/** The line of a pillar's score, by what it rests on. */
const SCORE_KEYS = {
  both: 'village-score:pillar.score',
  k_only: 'village-score:pillar.score_k_only',
  w_only: 'village-score:pillar.score_w_only',
  none: 'village-score:pillar.none',
} as const;

/** A pillar's line and its counts. */
function pillarLines(result: VillagePillarResult): Text[] {
  const pillar = pillarName(result.pillar);
  const line =
    result.score === null
      ? t('village-score:pillar.none', { pillar, not_enough: NOT_ENOUGH_DATA })
      : t(SCORE_KEYS[result.basis], {
          pillar,
          score: roundScore(result.score),
          band: bandText(band(result.score)),
        });
  if (result.people === 0) return [line];
  const detail = t('village-score:pillar.detail', {
    count: result.people,
    kader: result.kaderRespondents,
  });
  return [line, detail];
}

/** For staff: per shown pillar, the items that take the most points. */
function weakText(registry: BankRegistry, results: VillagePillarResult[]): Text {
  const parts = results.flatMap((result) => {
    if (!result.shown) return [];
    const bank = registry.currentOf(result.pillar);
    const lines = weakestItems(bank, result.itemScores).map((weak) =>
      t('village-score:weak.item', {
        question: weak.item.prompt,
        score: roundScore(100 * weak.score),
      }),
    );
    if (lines.length === 0) return [];
    const items = joinTexts(lines, lines[0] as Text);
    return [t('village-score:weak.pillar', { pillar: pillarName(result.pillar), items })];
  });
  const body = joinTexts(parts, t('village-score:weak.none'), 'paragraph');
  return joinTexts([t('village-score:weak.title'), body], body, 'line');
}

async function scoreText(
  ctx: ActionContext,
  deps: { registry: BankRegistry; villages: VillageIndexSource },
  code: string,
): Promise<Text> {
  const chosen = villageFor(ctx.contact, code);
  if (!chosen.code) return chosen.refusal ?? t('village-score:no_village');
  const { directory } = await deps.villages();
  const village = directory.get(chosen.code);
  if (!village) return t('village-score:unknown_village', { code: chosen.code });
  const rows = await villageAnswers(ctx.tx, { villageCode: chosen.code });
  const stored = rows.map(toStoredAnswer).filter((row): row is StoredAnswer => row !== undefined);
  const results = scoreVillageAnswers(deps.registry, stored);
  // A priority among pillars needs at least two to compare.
  const scored = results.filter((result) => result.score !== null).length;
  const priority = scored >= PRIORITY_MIN_PILLARS ? priorityPillar(results) : undefined;
  const parts = [
    t('village-score:title', { village: villageText(placeOf(village)) }),
    joinTexts(results.flatMap(pillarLines), NOT_ENOUGH_DATA),
    ...(priority ? [t('village-score:priority', { pillar: pillarName(priority) })] : []),
    t('village-score:how'),
    DISCLAIMER,
  ];
  if (scopeCovers(staffScope(ctx.contact), chosen.code))
    parts.push(weakText(deps.registry, results));
  return joinTexts(parts, NOT_ENOUGH_DATA, 'paragraph');
}

/** Characters of a village code that name its kabupaten/kota (`PP.KK`). */
const REGENCY_CODE_LENGTH = 5;

/** The radar picture of the village /skor shows, against its kabupaten; null without charts. */
async function chartPhoto(
  ctx: ActionContext,
  deps: { registry: BankRegistry; villages: VillageIndexSource; charts?: VillageCharts },
  code: string,
): Promise<string | null> {
  const chosen = villageFor(ctx.contact, code);
  if (!deps.charts || !chosen.code) return null;
  const village = (await deps.villages()).directory.get(chosen.code);
  if (!village) return null;
  const regency = chosen.code.slice(0, REGENCY_CODE_LENGTH);
  const rows = await areaAnswers(ctx.tx, { areaCode: regency });
  const scores = scoreAreaAnswers(deps.registry, rows);
  const results = scores.get(chosen.code);
  const photo = await deps.charts.radarPhoto(ctx.tx, {
    language: ctx.contact.language,
    villageName: placeOf(village).name,
    village: results ? pillarScores(results) : PILLAR_IDS.map(() => null),
    average: pillarAverages(scores.values()),
  });
  return photo ?? null;
}

/** The /skor actions (its village search and its scores), over a registry of bank versions, the village directory and charts. */
export function createVillageScoreActions(deps: {
  registry: BankRegistry;
  villages: VillageIndexSource;
  charts?: VillageCharts;
}): ActionImplementation[] {
  return [
    implement(searchScoreVillage, async (_ctx, { query }) => searchVillages(deps.villages, query)),
    implement(villageScore, async (ctx, { code }) => ({
      outcome: 'shown',
      text: await scoreText(ctx, deps, code),
      photo: await chartPhoto(ctx, deps, code),
    })),
  ];
}
