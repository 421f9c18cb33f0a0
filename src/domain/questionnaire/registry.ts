/**
 * Every version of every bank. A response is scored by the bank version it was given
 * under, so an edited bank never changes what old answers meant: before an edit, the
 * current file is frozen (copied to `flows/questionnaires/banks/frozen/`) and the new one gets
 * the next version; an item whose meaning changes gets a new id.
 */

import { type Bank, type Item, PILLAR_IDS, type PillarId } from './types.js';
import { bankTextKeys, validateBank, validateBanks } from './validate.js';

/** The banks asked now and the frozen versions before them. */
export interface BankRegistry {
  /** The bank of every pillar asked now, in the canonical order. */
  readonly current: readonly Bank[];
  /** Every bank, frozen and current, oldest version first per pillar. */
  readonly all: readonly Bank[];
  /** The bank of `pillar` asked now. */
  currentOf(pillar: PillarId): Bank;
  /** The bank of `pillar` at `version`, current or frozen; undefined when unknown. */
  at(pillar: PillarId, version: number): Bank | undefined;
}

/**
 * Builds the registry. `current` holds one bank per pillar; `frozen` any earlier versions.
 * Check both first with {@link validateBankHistory}.
 * @throws Error when a pillar has no current bank (a programming error).
 */
export function createBankRegistry(
  current: readonly Bank[],
  frozen: readonly Bank[] = [],
): BankRegistry {
  const byPillar = new Map<PillarId, Bank>(current.map((bank) => [bank.pillar, bank]));
  for (const pillar of PILLAR_IDS) {
    if (!byPillar.has(pillar)) throw new Error(`no current question bank for pillar ${pillar}`);
  }
  const all = [...frozen, ...current].sort(
    (a, b) => PILLAR_IDS.indexOf(a.pillar) - PILLAR_IDS.indexOf(b.pillar) || a.version - b.version,
  );
  const byVersion = new Map(all.map((bank) => [`${bank.pillar}@${bank.version}`, bank]));
  return {
    current,
    all,
    currentOf: (pillar) => byPillar.get(pillar) as Bank,
    at: (pillar, version) => byVersion.get(`${pillar}@${version}`),
  };
}

/**
 * Problems of the frozen banks against the current ones, each a sentence; empty when sound.
 * Checks: each frozen bank valid on its own, below its pillar's current version, no
 * version twice, and an item id that appears in several versions keeps its pillar, type
 * and audience there (a change of meaning needs a new id).
 */
export function validateBankHistory(current: readonly Bank[], frozen: readonly Bank[]): string[] {
  const problems = frozen.flatMap(validateBank);
  const seen = new Set<string>();
  for (const bank of frozen) {
    const key = `${bank.pillar}@${bank.version}`;
    if (seen.has(key)) problems.push(`bank ${bank.pillar} version ${bank.version} frozen twice`);
    seen.add(key);
    const now = current.find((b) => b.pillar === bank.pillar);
    if (now && bank.version >= now.version) {
      problems.push(
        `frozen bank ${bank.pillar} version ${bank.version} is not below the current ${now.version}`,
      );
    }
  }
  const first = new Map<string, { bank: Bank; item: Item }>();
  for (const bank of [...current, ...frozen]) {
    for (const item of bank.items) {
      const earlier = first.get(item.id);
      if (!earlier) {
        first.set(item.id, { bank, item });
        continue;
      }
      const where = `item ${item.id} (${bank.pillar} v${bank.version})`;
      if (earlier.bank.pillar !== bank.pillar) problems.push(`${where} moved pillar`);
      if (earlier.item.type !== item.type) problems.push(`${where} changed type: give it a new id`);
      if (earlier.item.audience !== item.audience) {
        problems.push(`${where} changed audience: give it a new id`);
      }
    }
  }
  return problems;
}

/**
 * The bank to score a set of answers given under different versions (a village's latest
 * K answers): the current bank, with each item whose answer came from another version
 * replaced by that version's definition of it (options, bands, weight), so each answer is
 * scored as it was asked. Items of `versions` the current bank no longer has stay out.
 */
export function scoringBank(
  registry: BankRegistry,
  pillar: PillarId,
  versions: Readonly<Record<string, number>>,
): Bank {
  const current = registry.currentOf(pillar);
  const items = current.items.map((item) => {
    const version = versions[item.id];
    if (version === undefined || version === current.version) return item;
    return registry.at(pillar, version)?.items.find((old) => old.id === item.id) ?? item;
  });
  return { ...current, items };
}

/**
 * Everything wrong with the banks before the bot starts, each a sentence: the current
 * banks ({@link validateBanks}), their history ({@link validateBankHistory}) and text keys
 * of any version that `hasKey` does not find in every language.
 */
export function bankProblems(
  current: readonly Bank[],
  frozen: readonly Bank[],
  hasKey: (key: string) => boolean,
): string[] {
  const problems = [...validateBanks(current), ...validateBankHistory(current, frozen)];
  const keys = new Set([...current, ...frozen].flatMap(bankTextKeys));
  for (const key of keys) {
    if (!hasKey(key)) problems.push(`text key "${key}" is missing in a locale`);
  }
  return problems;
}
