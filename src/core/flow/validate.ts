import { FlowDefinitionError } from '../errors.js';
import type { Text, TextKey, UnsupportedKind } from '../messages.js';
import type { ActionDeclaration } from './action.js';
import { END, type FlowDefinition, flowTarget, type Step } from './types.js';

/** Keys the engine itself sends, whatever the flows (checked by the compiler too). */
export const ENGINE_KEYS: readonly TextKey[] = [
  'common:yes',
  'common:no',
  'common:list',
  'common:cancelled',
  'common:stuck',
  'common:back.first',
  'common:back.previous',
  'common:choice.next_page',
  'common:choice.stale',
  'common:choice.hint',
  'common:choice.hint_two',
  'common:multi.hint',
  'common:command.unknown',
  'common:flow.restarted',
  'common:photo.more',
  'common:photo.optional',
  'common:location.optional',
  'common:location.outside_indonesia',
  'common:answer.photos',
  'common:answer.location',
  'common:unexpected.photo',
  'common:unexpected.location',
  'common:invalid.generic',
  'common:invalid.text_short',
  'common:invalid.text_long',
  'common:invalid.number',
  'common:invalid.number_range',
  'common:number.alternatives',
  'common:invalid.yesno',
  'common:invalid.clear_yes',
  'common:draft.leave',
  'common:draft.keep',
  'common:draft.stay',
  'common:draft.discard',
  'common:draft.resume',
  'common:draft.continue',
  'common:draft.new',
  'common:invalid.choice',
  'common:invalid.choice_one',
  'common:invalid.choice_two',
  'common:invalid.multi',
  'common:invalid.multi_min',
  'common:invalid.photo',
  'common:invalid.photo_optional',
  'common:invalid.photo_min',
  'common:invalid.location',
  'common:invalid.location_text',
  'common:invalid.location_range',
  ...(
    [
      'sticker',
      'voice',
      'audio',
      'video',
      'document',
      'contact',
      'poll',
      'other',
    ] as const satisfies readonly UnsupportedKind[]
  ).map((kind) => `common:unsupported.${kind}` as const),
];

/**
 * Checks flow definitions before the bot starts: unique ids, every target known,
 * every step reachable, commands unique, every action a flow calls implemented (`actions`:
 * the declarations the runtime has implementations of), and every fixed text key present
 * in every language (computed keys are checked by the compiler: see `t`). Throws one
 * {@link FlowDefinitionError} listing every problem found.
 */
export function validateFlows(
  flows: FlowDefinition[],
  options: {
    requiredFlows: string[];
    actions: readonly ActionDeclaration[];
    hasKey: (key: string) => boolean;
  },
): void {
  const problems: string[] = [];
  const ids = new Set<string>();
  const commands = new Set<string>();
  for (const flow of flows) {
    if (ids.has(flow.id)) problems.push(`flow "${flow.id}" is defined twice`);
    ids.add(flow.id);
    for (const command of flow.commands ?? []) {
      if (commands.has(command)) problems.push(`command /${command} is used by two flows`);
      commands.add(command);
    }
  }
  for (const id of options.requiredFlows) {
    if (!ids.has(id)) problems.push(`flow "${id}" is required but not defined`);
  }
  for (const flow of flows) problems.push(...checkFlow(flow, ids));
  problems.push(...actionProblems(flows, options.actions));
  const keys = new Set([...ENGINE_KEYS, ...flows.flatMap(textKeysOf)]);
  for (const key of keys) {
    if (!options.hasKey(key)) problems.push(`text key "${key}" is missing in a locale`);
  }
  if (problems.length > 0) {
    throw new FlowDefinitionError(`flow definitions are invalid:\n- ${problems.join('\n- ')}`);
  }
}

/** Calls of actions without an implementation, or of another action under the same name. */
function actionProblems(
  flows: FlowDefinition[],
  implemented: readonly ActionDeclaration[],
): string[] {
  const byName = new Map(implemented.map((declaration) => [declaration.name, declaration]));
  const problems: string[] = [];
  for (const flow of flows) {
    for (const step of flow.steps) {
      if (step.kind !== 'call') continue;
      const where = `flow "${flow.id}" step "${step.id}"`;
      const found = byName.get(step.action.name);
      if (!found)
        problems.push(`${where} calls action "${step.action.name}", which has no implementation`);
      else if (found !== step.action) {
        problems.push(
          `${where} calls action "${step.action.name}", declared twice under that name`,
        );
      }
    }
  }
  return problems;
}

function checkFlow(flow: FlowDefinition, flowIds: Set<string>): string[] {
  const problems: string[] = [];
  const where = `flow "${flow.id}"`;
  if (flow.steps.length === 0) return [`${where} has no steps`];
  const stepIds = new Set<string>();
  for (const step of flow.steps) {
    if (stepIds.has(step.id)) problems.push(`${where} has two steps "${step.id}"`);
    stepIds.add(step.id);
  }
  for (const step of flow.steps) {
    for (const target of targetsOf(flow, step)) {
      if (target === END) continue;
      const other = flowTarget(target);
      if (other) {
        if (!flowIds.has(other.flow)) {
          problems.push(`${where} step "${step.id}" goes to unknown flow "${other.flow}"`);
        }
      } else if (!stepIds.has(target)) {
        problems.push(`${where} step "${step.id}" goes to unknown step "${target}"`);
      }
    }
    // A pushed flow resumes the step that pushed it: a say step would say and push again, forever.
    if (step.kind === 'say' && targetsOf(flow, step).some((t) => flowTarget(t)?.mode === 'push')) {
      problems.push(`${where} step "${step.id}" is a say step that pushes a flow; use goto`);
    }
    if (step.kind === 'multi' && Array.isArray(step.options) && step.options.length > 9) {
      problems.push(`${where} step "${step.id}" offers more than 9 options to pick several from`);
    }
  }
  const reachable = reachableSteps(flow);
  for (const step of flow.steps) {
    if (!reachable.has(step.id)) problems.push(`${where} step "${step.id}" is unreachable`);
  }
  return problems;
}

function targetsOf(flow: FlowDefinition, step: Step): string[] {
  const back = [
    ...('back' in step && step.back !== undefined ? [step.back] : []),
    ...(step.kind === 'choice' && step.typed ? [step.typed.next] : []),
  ];
  const following = flow.steps[flow.steps.indexOf(step) + 1]?.id ?? END;
  if (step.next === undefined) return [following, ...back];
  if (typeof step.next === 'string') return [step.next, ...back];
  const mapped = Object.values(step.next);
  return '*' in step.next ? [...mapped, ...back] : [...mapped, following, ...back];
}

function reachableSteps(flow: FlowDefinition): Set<string> {
  const byId = new Map(flow.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const queue = [flow.steps[0]?.id ?? END];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    const step = byId.get(id);
    if (!step || seen.has(id)) continue;
    seen.add(id);
    queue.push(...targetsOf(flow, step));
  }
  return seen;
}

/** Every fixed text key a flow uses (computed ones are checked by the compiler). */
export function textKeysOf(flow: FlowDefinition): string[] {
  const keys: string[] = flow.cancelled ? [flow.cancelled.key] : [];
  const add = (source: Text | ((...args: never[]) => Text) | undefined) => {
    if (source && typeof source !== 'function') keys.push(...keysOfText(source));
  };
  for (const step of flow.steps) {
    add(step.help);
    if (step.kind === 'say') add(step.text);
    if ('prompt' in step) add(step.prompt);
    if ((step.kind === 'choice' || step.kind === 'multi') && Array.isArray(step.options)) {
      for (const option of step.options) add(option.label);
    }
    if ((step.kind === 'yesno' || step.kind === 'number') && Array.isArray(step.alternatives)) {
      for (const option of step.alternatives) add(option.label);
    }
  }
  return keys;
}

function keysOfText(text: Text): string[] {
  const nested = Object.values(text.params ?? {}).flatMap((p) => {
    if (Array.isArray(p)) return p.flatMap(keysOfText);
    if (typeof p === 'object' && 'link' in p) return keysOfText(p.link.label);
    return typeof p === 'object' ? keysOfText(p) : [];
  });
  return [text.key, ...nested];
}
