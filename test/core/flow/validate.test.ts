import { describe, expect, it } from 'vitest';
import { actions, FLOW_IDS, flows } from '../../../flows/index.js';
import { FlowDefinitionError } from '../../../src/core/errors.js';
import {
  defineFlow,
  END,
  type FlowDefinition,
  goto,
  push,
  type Step,
} from '../../../src/core/flow/types.js';
import { ENGINE_KEYS, textKeysOf, validateFlows } from '../../../src/core/flow/validate.js';
import { t } from '../../../src/core/messages.js';
import { createTranslator } from '../../../src/i18n.js';
import { testAction } from '../engine/chat.js';

const save = testAction('report.save');

const base: Parameters<typeof validateFlows>[1] = {
  requiredFlows: ['menu'],
  actions: [save],
  hasKey: () => true,
};

function flow(id: string, steps: Step[], extra: Partial<FlowDefinition> = {}): FlowDefinition {
  return defineFlow({ id, version: 1, steps, ...extra });
}

const menu = flow(
  'menu',
  [
    {
      id: 'choose',
      kind: 'choice',
      prompt: t('x-menu:prompt'),
      options: [
        { value: 'report', label: t('x-menu:options.report') },
        { value: 'help', label: t('x-menu:options.help') },
      ],
      next: { report: goto('report'), help: push('help') },
    },
  ],
  { commands: ['menu'] },
);

const help = flow('help', [{ id: 'text', kind: 'say', text: t('x-help:text') }], {
  commands: ['bantuan'],
  returns: true,
});

const report = flow(
  'report',
  [
    { id: 'what', kind: 'text', prompt: t('x-report:what'), help: t('x-report:what_help') },
    { id: 'urgent', kind: 'yesno', prompt: t('x-report:urgent'), next: { no: 'save' } },
    {
      id: 'why',
      kind: 'text',
      prompt: (ctx) => t('x-report:why', { what: String(ctx.answers.what) }),
    },
    { id: 'save', kind: 'call', action: save, next: { saved: 'thanks', '*': 'failed' } },
    {
      id: 'thanks',
      kind: 'say',
      text: t('x-report:thanks', { item: t('x-report:item') }),
      next: END,
    },
    { id: 'failed', kind: 'say', text: t('x-report:failed'), next: goto('menu') },
  ],
  { commands: ['lapor'] },
);

const valid = [menu, help, report];

/** The message validateFlows throws for `flows`, or undefined when they pass. */
function problemsOf(flows: FlowDefinition[], options: Partial<typeof base> = {}): string {
  try {
    validateFlows(flows, { ...base, ...options });
  } catch (error) {
    expect(error).toBeInstanceOf(FlowDefinitionError);
    return (error as Error).message;
  }
  return '';
}

describe('validateFlows', () => {
  it('passes a consistent set of flows', () => {
    expect(() => validateFlows(valid, base)).not.toThrow();
  });

  it('names a next step that does not exist', () => {
    const broken = flow('broken', [
      { id: 'a', kind: 'text', prompt: t('x:a'), next: 'nowhere' },
      { id: 'b', kind: 'yesno', prompt: t('x:b'), next: { yes: 'a', no: 'missing' } },
    ]);
    const message = problemsOf([...valid, broken]);
    expect(message).toContain('flow "broken" step "a" goes to unknown step "nowhere"');
    expect(message).toContain('flow "broken" step "b" goes to unknown step "missing"');
  });

  it('names goto and push targets that are not flows', () => {
    const broken = flow('broken', [
      {
        id: 'a',
        kind: 'yesno',
        prompt: t('x:a'),
        next: { yes: goto('ghost'), no: push('phantom') },
      },
    ]);
    const message = problemsOf([...valid, broken]);
    expect(message).toContain('flow "broken" step "a" goes to unknown flow "ghost"');
    expect(message).toContain('flow "broken" step "a" goes to unknown flow "phantom"');
  });

  it('names unreachable steps', () => {
    const broken = flow('broken', [
      { id: 'a', kind: 'text', prompt: t('x:a'), next: END },
      { id: 'orphan', kind: 'say', text: t('x:orphan') },
    ]);
    expect(problemsOf([...valid, broken])).toContain('flow "broken" step "orphan" is unreachable');
  });

  it('counts the following step as reachable from a map without a fallback', () => {
    const mapped = flow('mapped', [
      { id: 'a', kind: 'yesno', prompt: t('x:a'), next: { yes: END } },
      { id: 'b', kind: 'say', text: t('x:b') },
    ]);
    expect(problemsOf([...valid, mapped])).toBe('');
  });

  it('names a flow defined twice, and a command used twice', () => {
    const twin = flow('report', [{ id: 'x', kind: 'say', text: t('x:x') }], {
      commands: ['lapor'],
    });
    const message = problemsOf([...valid, twin]);
    expect(message).toContain('flow "report" is defined twice');
    expect(message).toContain('command /lapor is used by two flows');
  });

  it('names a required flow that is missing', () => {
    expect(problemsOf([help, report], { requiredFlows: ['menu'] })).toContain(
      'flow "menu" is required but not defined',
    );
  });

  it('names a call to an action that has no implementation', () => {
    expect(problemsOf(valid, { actions: [testAction('other.action')] })).toContain(
      'flow "report" step "save" calls action "report.save", which has no implementation',
    );
  });

  it('names a call to another declaration under the name of an implemented one', () => {
    expect(problemsOf(valid, { actions: [testAction('report.save')] })).toContain(
      'flow "report" step "save" calls action "report.save", declared twice under that name',
    );
  });

  it('names every text key some locale lacks, including nested and engine keys', () => {
    const missing = new Set(['x-report:item', 'x-menu:options.help', 'common:stuck']);
    const message = problemsOf(valid, { hasKey: (key) => !missing.has(key) });
    for (const key of missing)
      expect(message).toContain(`text key "${key}" is missing in a locale`);
    expect(message).not.toContain('"report:thanks"');
  });

  it('names empty flows, duplicate step ids and multi choices over 9 options', () => {
    const empty = flow('empty', []);
    const doubled = flow('doubled', [
      { id: 'a', kind: 'text', prompt: t('x:a') },
      { id: 'a', kind: 'text', prompt: t('x:b') },
    ]);
    const options = Array.from({ length: 10 }, (_, i) => ({ value: `${i}`, label: t('x:o') }));
    const wide = flow('wide', [{ id: 'pick', kind: 'multi', prompt: t('x:p'), options }]);
    const message = problemsOf([...valid, empty, doubled, wide]);
    expect(message).toContain('flow "empty" has no steps');
    expect(message).toContain('flow "doubled" has two steps "a"');
    expect(message).toContain('flow "wide" step "pick" offers more than 9 options');
  });

  it('refuses a say step that pushes a flow, which would repeat forever', () => {
    const looping = flow('looping', [
      { id: 'intro', kind: 'say', text: t('x:intro'), next: push('help') },
    ]);
    expect(problemsOf([...valid, looping])).toContain('flow "looping" step "intro"');
  });

  it('lists every problem in one error', () => {
    const broken = flow('broken', [
      { id: 'a', kind: 'call', action: testAction('nope'), next: 'gone' },
      { id: 'b', kind: 'say', text: t('x:b') },
    ]);
    const lines = problemsOf([...valid, broken]).split('\n- ');
    expect(lines[0]).toBe('flow definitions are invalid:');
    expect(lines.length).toBe(4);
  });
});

describe('textKeysOf', () => {
  it('collects prompts, help, option labels and nested params, not computed texts', () => {
    expect(textKeysOf(report).sort()).toEqual(
      [
        'x-report:what',
        'x-report:what_help',
        'x-report:urgent',
        'x-report:thanks',
        'x-report:item',
        'x-report:failed',
      ].sort(),
    );
    expect(textKeysOf(menu)).toEqual([
      'x-menu:prompt',
      'x-menu:options.report',
      'x-menu:options.help',
    ]);
  });

  it('collects the fixed alternatives of yes/no and number steps', () => {
    const asked = flow('asked', [
      {
        id: 'a',
        kind: 'yesno',
        prompt: t('x:a'),
        alternatives: [{ value: 'dont_know', label: t('x:dont_know') }],
      },
      {
        id: 'b',
        kind: 'number',
        prompt: t('x:b'),
        alternatives: [{ value: 'none', label: t('x:none') }],
      },
    ]);
    expect(textKeysOf(asked)).toEqual(['x:a', 'x:dont_know', 'x:b', 'x:none']);
  });
});

describe('back targets', () => {
  it('are checked like next targets and make their step reachable', () => {
    const looped = flow('looped', [
      { id: 'ask', kind: 'text', prompt: t('x:ask'), back: 'before', next: END },
      { id: 'before', kind: 'call', action: save, next: 'ask' },
    ]);
    expect(problemsOf([...valid, looped])).toBe('');
    const broken = flow('broken', [
      { id: 'ask', kind: 'text', prompt: t('x:ask'), back: 'nowhere', next: END },
    ]);
    expect(problemsOf([...valid, broken])).toContain(
      'flow "broken" step "ask" goes to unknown step "nowhere"',
    );
  });
});

describe('the app flows', () => {
  it('pass validation against the real locales', async () => {
    const translator = await createTranslator('id');
    expect(() =>
      validateFlows(flows, {
        requiredFlows: Object.values(FLOW_IDS),
        actions: actions.map((action) => action.declaration),
        hasKey: translator.hasKey,
      }),
    ).not.toThrow();
  });

  it('have every engine key in every language', async () => {
    const translator = await createTranslator('id');
    expect(ENGINE_KEYS.filter((key) => !translator.hasKey(key))).toEqual([]);
  });
});
