import { beforeAll, describe, expect, it } from 'vitest';
import { actions, CAPABILITIES, FLOW_IDS, flowsOf } from '../../flows/index.js';
import { FlowDefinitionError } from '../../src/core/errors.js';
import { defineFlow, goto } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { createTranslator, type Translator } from '../../src/i18n.js';
import { type Capability, defineCapability } from '../../src/runtime/capability.js';
import {
  type CapabilityCheck,
  menuOf,
  namespacesIn,
  openFlowsOf,
  validateCapabilities,
} from '../../src/runtime/registry.js';
import { SHARED_NAMESPACES } from '../../src/text-resources.js';

let translator: Translator;
beforeAll(async () => {
  translator = await createTranslator('id');
});

function checkOf(capabilities: readonly Capability[]): CapabilityCheck {
  return {
    flows: flowsOf(capabilities),
    requiredFlows: Object.values(FLOW_IDS),
    actions,
    hasKey: translator.hasKey,
    namespaces: namespacesIn(translator.keysOf('id')),
  };
}

function problemsOf(capabilities: readonly Capability[]): string {
  try {
    validateCapabilities(capabilities, checkOf(capabilities));
    return '';
  } catch (error) {
    if (error instanceof FlowDefinitionError) return error.message;
    throw error;
  }
}

const notesFlow = defineFlow({
  id: 'notes',
  version: 1,
  steps: [{ id: 'hello', kind: 'say', text: t('help:text') }],
});

describe('the registry of capabilities', () => {
  it('passes the start-up check with the real locales', () => {
    expect(problemsOf(CAPABILITIES)).toBe('');
  });

  it('puts what a villager comes for first in the menu, and the inbox only for staff', () => {
    expect(menuOf(CAPABILITIES).map((entry) => entry.value)).toEqual([
      'report',
      'my_reports',
      'report_inbox',
      'questionnaire',
      'score',
      'training',
      'feedback',
      'broadcast',
      'language',
      'help',
    ]);
    const inbox = menuOf(CAPABILITIES).find((entry) => entry.value === 'report_inbox');
    expect(inbox?.roles).not.toContain('warga');
  });

  it('own every locale namespace but the shared ones, each once', () => {
    const owned = CAPABILITIES.flatMap((capability) => capability.namespaces);
    expect([...owned, ...SHARED_NAMESPACES].sort()).toEqual(
      namespacesIn(translator.keysOf('id')).sort(),
    );
  });

  it('opens onboarding and the rights before consent, nothing else', () => {
    expect([...openFlowsOf(CAPABILITIES)].sort()).toEqual([
      'broadcast-resume',
      'broadcast-stop',
      'delete-data',
      'help',
      'language',
      'my-data',
      'onboarding',
      'privacy',
      'withdraw-consent',
    ]);
  });

  it('names every problem of a capability at once', () => {
    const broken = defineCapability({
      id: 'feedback',
      flows: [notesFlow],
      actions: () => [],
      menu: [
        { value: 'help', label: t('help:text'), order: 1, target: goto('nowhere') },
        { value: 'notes', label: t('help:text'), order: 2, target: goto('notes') },
      ],
      openBeforeConsent: ['privacy'],
      // @ts-expect-error: `notes` has no locale file, so the compiler knows no such namespace.
      namespaces: ['notes', 'feedback'],
      problems: () => ['its own check failed'],
    });
    const message = problemsOf([...CAPABILITIES, broken]);
    for (const expected of [
      'capability "feedback" names locale namespace "notes", which has no file',
      'capability "feedback" menu entry "help" goes to no known flow',
      'capability "feedback" opens flow "privacy" before consent, not its own',
      'its own check failed',
      'capability "feedback" is used twice',
      'namespace "feedback" is used twice',
      'menu value "help" is used twice',
    ]) {
      expect(message).toContain(expected);
    }
  });
});
