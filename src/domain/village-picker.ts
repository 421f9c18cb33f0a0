/**
 * Picking a village in a chat: a typed name, a search, a pick among at most 8 hits (or
 * "cari lagi"). Shared by the capabilities that ask for a village (a person's own in
 * account/, a report's in reports/); each adds what happens after the pick and names its
 * own search action, answered by {@link searchVillages}.
 */
import { z } from 'zod';
import { type ActionDeclaration, call, resultOf } from '../core/flow/action.js';
import type { Step, StepContext } from '../core/flow/types.js';
import { type Text, t } from '../core/messages.js';
import type { VillageIndexSource } from './village-index.js';
import { placeOf, type VillagePlace } from './village-place.js';

/** Longest village query accepted, in characters. */
export const VILLAGE_QUERY_MAX_CHARS = 120;

/** A hit of a village search, ready to show. */
export type VillageOption = VillagePlace & { code: string };

/** The input of a village search action. */
export const VILLAGE_SEARCH_INPUT = z.object({ query: z.string() });

/** What a village search answers: hits, or why there are none. */
export type VillageSearchAnswer =
  | {
      outcome: 'found';
      query: string;
      total: number;
      narrowing: 'none' | 'applied' | 'partial' | 'unmatched';
      /** What the person typed after a comma that matched none of the hits' areas. */
      unmatched?: string[];
      hits: VillageOption[];
    }
  | { outcome: 'too_short' | 'none'; query: string };

/** Searches the village index for what the person typed. */
export async function searchVillages(
  villages: VillageIndexSource,
  query: string,
): Promise<VillageSearchAnswer> {
  const { search } = await villages();
  const result = search.search(query);
  if (result.type !== 'found') return { outcome: result.type, query };
  const hits = result.hits.map((hit) => ({ code: hit.code, ...placeOf(hit) }));
  const { total, narrowing, unmatched } = result;
  return { outcome: 'found', query, total, narrowing, unmatched, hits };
}

/** What the picker steps are built with. */
export interface VillagePickerOptions {
  /** The question; defaults to "where do you live?". */
  prompt?: Text;
  /** The capability's action that runs {@link searchVillages}. */
  search: ActionDeclaration<typeof VILLAGE_SEARCH_INPUT, VillageSearchAnswer>;
  /** The step that takes the pick (saved as `village_pick`, a village code). */
  picked: string;
  /**
   * What the person already typed for the search (a command's words: `/skor sukamaju`):
   * searched at once instead of asking, the first time only.
   */
  initialQuery?: (ctx: StepContext) => string;
  /** The village searched is not the person's own (a report's, a score's): "Pilih desanya". */
  other?: boolean;
}

/** The steps `village_query`, `village_search`, `village_retry` and `village_pick`. */
export function villagePickerSteps(options: VillagePickerOptions): Step[] {
  const initial = options.initialQuery ?? (() => '');
  const search = call('village_search', options.search, {
    input: (ctx) => ({ query: ctx.answers.village_query ?? initial(ctx) }),
    next: { found: 'village_pick', '*': 'village_retry' },
  });
  const hitsOf = (ctx: StepContext): VillageOption[] => {
    const found = resultOf(ctx, search);
    return found?.outcome === 'found' ? found.hits : [];
  };
  return [
    {
      id: 'village_query',
      kind: 'text',
      skipIf: (ctx) => initial(ctx) !== '' && resultOf(ctx, search) === undefined,
      prompt: options.prompt ?? t('profile:village.prompt'),
      help: t('profile:village.help'),
      max: VILLAGE_QUERY_MAX_CHARS,
    },
    search,
    {
      id: 'village_retry',
      kind: 'say',
      text: (ctx) => {
        const result = resultOf(ctx, search);
        if (result?.outcome === 'too_short') return t('profile:village.too_short');
        return t('profile:village.not_found', { query: result?.query ?? '' });
      },
      next: 'village_query',
    },
    {
      id: 'village_pick',
      kind: 'choice',
      prompt: (ctx) => pickPrompt(resultOf(ctx, search), options.other === true),
      options: (ctx) => [
        ...hitsOf(ctx).map((hit) => ({ value: hit.code, label: hitLabel(hit) })),
        { value: 'again', label: t('profile:village.again') },
      ],
      next: { again: 'village_query', '*': options.picked },
      typed: { save: 'village_query', next: 'village_search' },
    },
  ];
}

function hitLabel(hit: VillageOption): Text {
  const { name, district, regency, province } = hit;
  return t('profile:village.hit', { name, district, regency, province });
}

function pickPrompt(result: VillageSearchAnswer | undefined, other: boolean): Text {
  const pick = t(other ? 'profile:village.pick_other' : 'profile:village.pick');
  if (result?.outcome !== 'found') return pick;
  const count = result.hits.length;
  const unmatched = (result.unmatched ?? []).map((part) => `“${part}”`).join(', ');
  if (result.narrowing === 'unmatched' || result.narrowing === 'partial') {
    return t(`profile:village.pick_${result.narrowing}`, { count, unmatched, pick });
  }
  return result.total > count
    ? t('profile:village.pick_more', { count, total: result.total })
    : pick;
}
