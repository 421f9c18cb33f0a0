import { defineFlow, type StepContext } from '../src/core/flow/types.js';
import { type Text, t } from '../src/core/messages.js';
import type { Contact } from '../src/db/queries/contacts.js';
import { villageAnswers } from '../src/db/queries/questionnaire-village.js';
import {
  type BankRegistry,
  band,
  bandText,
  DISCLAIMER,
  NOT_ENOUGH_DATA,
  PILLAR_IDS,
  pillarName,
  priorityPillar,
  roundScore,
  type StoredAnswer,
  scoreVillageAnswers,
  toStoredAnswer,
  type VillagePillarResult,
  weakestItems,
} from '../src/domain/questionnaire/index.js';
import { scopeCovers, staffScope } from '../src/domain/staff-scope.js';
import type { VillageIndexSource } from '../src/domain/village-index.js';
import { placeOf } from '../src/domain/village-place.js';
import type { ActionContext, ActionHandler } from '../src/runtime/types.js';
import { PROFILE_TEXT_KEYS, villageText } from './profile-text.js';
import { VILLAGE_SCORE_FLOW } from './questionnaire.js';
import { JOIN_KEYS, joinTexts, textAsJson } from './text-lines.js';

const KEYS = [
  'title',
  'pillar.score',
  'pillar.score_k_only',
  'pillar.score_w_only',
  'pillar.none',
  'pillar.detail',
  'priority',
  'priority_none',
  'how',
  'weak.title',
  'weak.pillar',
  'weak.item',
  'weak.none',
  'no_village',
  'unknown_village',
  'not_allowed',
].map((key) => `village-score:${key}`);

/**
 * /skor: the six pillar scores of the person's village with completeness and respondent
 * counts, the pilar prioritas and the disclaimer; staff also see the items that pull each
 * score down. Staff may add the code of another village in their area (`/skor 32.03.03.2013`).
 */
export const villageScoreFlow = defineFlow({
  id: VILLAGE_SCORE_FLOW,
  version: 1,
  commands: ['skor', 'score'],
  extraKeys: [
    ...KEYS,
    ...JOIN_KEYS,
    ...PROFILE_TEXT_KEYS,
    DISCLAIMER.key,
    NOT_ENOUGH_DATA.key,
    ...PILLAR_IDS.map((pillar) => pillarName(pillar).key),
  ],
  steps: [
    {
      id: 'score',
      kind: 'call',
      action: 'questionnaire.village_score',
      input: (ctx) => ({ code: ctx.args.trim() }),
    },
    { id: 'show', kind: 'say', text: (ctx: StepContext) => shownText(ctx) },
  ],
});

function shownText(ctx: StepContext): Text {
  const score = ctx.answers.score as { text?: Text } | undefined;
  return score?.text ?? t('village-score:no_village');
}

/** The village /skor shows: the one asked for, when the person's staff scope covers it. */
function villageFor(contact: Contact, code: string): { code?: string; refusal?: Text } {
  if (!code)
    return contact.villageCode
      ? { code: contact.villageCode }
      : { refusal: t('village-score:no_village') };
  if (code === contact.villageCode || scopeCovers(staffScope(contact), code)) return { code };
  return { refusal: t('village-score:not_allowed') };
}

/** A pillar's line and its counts. */
function pillarLines(result: VillagePillarResult): Text[] {
  const pillar = pillarName(result.pillar);
  const line =
    result.score === null
      ? t('village-score:pillar.none', { pillar, not_enough: NOT_ENOUGH_DATA })
      : t(`village-score:pillar.${result.basis === 'both' ? 'score' : `score_${result.basis}`}`, {
          pillar,
          score: roundScore(result.score),
          band: bandText(band(result.score)),
        });
  const detail = t('village-score:pillar.detail', {
    kScored: result.kader.scoredCount,
    kTotal: result.kader.applicableCount,
    kader: result.kaderRespondents,
    respondents: result.residents.respondents,
    counted: result.residents.counted,
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
        id: weak.item.id,
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

async function villageScore(
  ctx: ActionContext,
  deps: { registry: BankRegistry; villages: VillageIndexSource },
): Promise<Text> {
  const code =
    typeof ctx.input === 'object' && ctx.input !== null && 'code' in ctx.input
      ? String(ctx.input.code ?? '')
      : '';
  const chosen = villageFor(ctx.contact, code);
  if (!chosen.code) return chosen.refusal ?? t('village-score:no_village');
  const { directory } = await deps.villages();
  const village = directory.get(chosen.code);
  if (!village) return t('village-score:unknown_village', { code: chosen.code });
  const rows = await villageAnswers(ctx.tx, { villageCode: chosen.code });
  const stored = rows.map(toStoredAnswer).filter((row): row is StoredAnswer => row !== undefined);
  const results = scoreVillageAnswers(deps.registry, stored);
  const priority = priorityPillar(results);
  const parts = [
    t('village-score:title', { village: villageText(placeOf(village)) }),
    joinTexts(results.flatMap(pillarLines), NOT_ENOUGH_DATA),
    priority
      ? t('village-score:priority', { pillar: pillarName(priority) })
      : t('village-score:priority_none'),
    t('village-score:how'),
    DISCLAIMER,
  ];
  if (scopeCovers(staffScope(ctx.contact), chosen.code))
    parts.push(weakText(deps.registry, results));
  return joinTexts(parts, NOT_ENOUGH_DATA, 'paragraph');
}

/** The /skor action, over a registry of bank versions and the village directory. */
export function createVillageScoreActions(deps: {
  registry: BankRegistry;
  villages: VillageIndexSource;
}): Record<string, ActionHandler> {
  return {
    'questionnaire.village_score': async (ctx) => ({
      outcome: 'shown',
      text: textAsJson(await villageScore(ctx, deps)),
    }),
  };
}
