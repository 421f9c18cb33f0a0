/**
 * What the program takes from the list of capabilities: their actions, the flows open
 * before consent, the main menu's entries, and the start-up check of it all.
 */
import { FlowDefinitionError } from '../core/errors.js';
import { type MenuEntry, sortMenu } from '../core/flow/menu.js';
import { type FlowDefinition, flowTarget } from '../core/flow/types.js';
import { validateFlows } from '../core/flow/validate.js';
import type { ActionImplementation } from './action.js';
import type { Capability, CapabilityServices } from './capability.js';

/** Every capability's action implementations, bound to `services`; one per name. */
export function actionsOf(
  capabilities: readonly Capability[],
  services: CapabilityServices,
): ActionImplementation[] {
  const all = capabilities.flatMap((capability) => capability.actions(services));
  const twice = duplicates(
    'action',
    all.map((action) => action.declaration.name),
  );
  if (twice.length > 0)
    throw new FlowDefinitionError(`actions are invalid:\n- ${twice.join('\n- ')}`);
  return all;
}

/** Ids of the flows open before consent. */
export function openFlowsOf(capabilities: readonly Capability[]): ReadonlySet<string> {
  return new Set(capabilities.flatMap((capability) => capability.openBeforeConsent ?? []));
}

/** Every entry of the main menu, in order. */
export function menuOf(capabilities: readonly Capability[]): MenuEntry[] {
  return sortMenu(capabilities.flatMap((capability) => capability.menu ?? []));
}

/** The namespaces of `namespace:path` keys. */
export function namespacesIn(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => key.slice(0, key.indexOf(':'))))];
}

/** What start-up checks the capabilities against. */
export interface CapabilityCheck {
  /** Every flow the engine runs: the capabilities' and the main menu. */
  flows: FlowDefinition[];
  /** Flows the engine and the runtime open by name. */
  requiredFlows: string[];
  actions: readonly ActionImplementation[];
  hasKey(key: string): boolean;
  /** The locale namespaces there are files for. */
  namespaces: readonly string[];
}

/**
 * Checks the capabilities and their flows before the bot starts: unique ids and locale
 * namespaces (each with its files), menu entries that go to known flows, open flows that
 * are their own, each capability's own checks, then every flow (see validateFlows).
 * Throws one {@link FlowDefinitionError} listing every problem found.
 */
export function validateCapabilities(
  capabilities: readonly Capability[],
  check: CapabilityCheck,
): void {
  const problems = capabilities.flatMap((capability) => [
    ...ownProblems(capability, check),
    ...(capability.problems?.(check) ?? []),
  ]);
  problems.push(
    ...duplicates(
      'capability',
      capabilities.map((c) => c.id),
    ),
  );
  problems.push(
    ...duplicates(
      'namespace',
      capabilities.flatMap((c) => c.namespaces),
    ),
  );
  problems.push(
    ...duplicates(
      'menu value',
      menuOf(capabilities).map((e) => e.value),
    ),
  );
  if (problems.length > 0) {
    throw new FlowDefinitionError(`capabilities are invalid:\n- ${problems.join('\n- ')}`);
  }
  validateFlows(check.flows, {
    requiredFlows: check.requiredFlows,
    actions: check.actions.map((action) => action.declaration),
    hasKey: check.hasKey,
  });
}

function ownProblems(capability: Capability, check: CapabilityCheck): string[] {
  const where = `capability "${capability.id}"`;
  const own = new Set(capability.flows.map((flow) => flow.id));
  const known = new Set(check.flows.map((flow) => flow.id));
  const problems: string[] = [];
  for (const namespace of capability.namespaces) {
    if (!check.namespaces.includes(namespace)) {
      problems.push(`${where} names locale namespace "${namespace}", which has no file`);
    }
  }
  for (const entry of capability.menu ?? []) {
    const flow = flowTarget(entry.target)?.flow;
    if (!flow || !known.has(flow)) {
      problems.push(`${where} menu entry "${entry.value}" goes to no known flow`);
    }
  }
  for (const id of capability.openBeforeConsent ?? []) {
    if (!own.has(id)) problems.push(`${where} opens flow "${id}" before consent, not its own`);
  }
  return problems;
}

function duplicates(what: string, values: string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set(values.filter((value) => seen.size === seen.add(value).size));
  return [...twice].map((value) => `${what} "${value}" is used twice`);
}
