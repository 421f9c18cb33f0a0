/**
 * Which items of a bank apply to a person: role filtering, then skip conditions.
 */
import { answerKey } from './answers.js';
import type { AnswerMap, Audience, Bank, Item } from './types.js';

/** Who is answering and what they answered so far. */
export interface ApplicableQuery {
  /**
   * `K`: a confirmed kader or perangkat of the village, asked K and W items. `W`: any
   * other resident, asked W items only.
   */
  audience: Audience;
  answers: AnswerMap;
}

/** The audiences of items a person of `audience` is asked. */
export function audiencesFor(audience: Audience): readonly Audience[] {
  return audience === 'K' ? ['K', 'W'] : ['W'];
}

/**
 * The items that apply, in bank order: those of the person's audiences, minus those whose
 * skip condition holds. A condition holds only when the item it names applies itself and
 * its answer's key equals the condition's value, so an unanswered or skipped earlier item
 * never skips a later one, and an answer left behind by a skipped item is ignored.
 * An item answered "tidak berlaku" still applies (it is counted, unscored, in
 * completeness, as issue 8 defines it).
 */
export function applicableItems(bank: Bank, query: ApplicableQuery): Item[] {
  return applicableOf(bank.items, audiencesFor(query.audience), query.answers);
}

/** {@link applicableItems} over the items of exactly these audiences. */
export function applicableOf(
  items: readonly Item[],
  audiences: readonly Audience[],
  answers: AnswerMap,
): Item[] {
  const applied = new Set<string>();
  const result: Item[] = [];
  for (const item of items) {
    if (!audiences.includes(item.audience)) continue;
    if (item.skipIf && applied.has(item.skipIf.item)) {
      const earlier = answers[item.skipIf.item];
      if (earlier && answerKey(earlier) === item.skipIf.equals) continue;
    }
    applied.add(item.id);
    result.push(item);
  }
  return result;
}
