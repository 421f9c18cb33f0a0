import { describe, expect, it } from 'vitest';
import { createEngine } from '../../../src/core/engine/engine.js';
import {
  type ConversationState,
  idleState,
  questionToken,
  readState,
  STATE_VERSION,
  topFrame,
} from '../../../src/core/engine/state.js';
import { FlowDefinitionError } from '../../../src/core/errors.js';
import { defineFlow, push } from '../../../src/core/flow/types.js';
import { t } from '../../../src/core/messages.js';
import {
  createChat,
  helpFlow,
  languageFlow,
  menuFlow,
  option,
  say,
  testAction,
  translate,
} from './chat.js';

const report = defineFlow({
  id: 'report',
  version: 1,
  steps: [
    {
      id: 'what',
      kind: 'choice',
      prompt: say('Apa?'),
      options: [option('road', 'Jalan'), option('water', 'Air')],
    },
    {
      id: 'tags',
      kind: 'multi',
      prompt: say('Label?'),
      options: [option('a', 'Lama'), option('b', 'Bahaya')],
    },
    { id: 'size', kind: 'number', prompt: say('Berapa meter?') },
    { id: 'urgent', kind: 'yesno', prompt: say('Mendesak?') },
    { id: 'photos', kind: 'photo', prompt: say('Foto?'), max: 2 },
    { id: 'place', kind: 'location', prompt: say('Lokasi?'), allowText: true },
    { id: 'note', kind: 'text', prompt: say('Catatan?') },
    { id: 'save', kind: 'call', action: testAction('report.save'), input: (ctx) => ctx.answers },
    { id: 'done', kind: 'say', text: (ctx) => say(`Nomor ${JSON.stringify(ctx.answers.save)}`) },
  ],
});

/** Freezes `value` and everything in it, so any write to it throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const env = {
  contact: { id: 'c1', role: 'warga', language: 'id', villageCode: null, displayName: null },
  entryFlow: 'menu',
  translate,
  now: new Date('2026-03-02T08:00:00Z'),
};

describe('conversation state', () => {
  it('is plain JSON at every step, and a new engine continues from it', () => {
    const chat = createChat([report]);
    chat.start('report');
    for (const input of ['2', '1,2', '15 meter', 'ya']) chat.text(input);
    chat.photo('m1');
    const stored = JSON.stringify(chat.state);

    const later = createChat([report], { state: JSON.parse(stored) as ConversationState });
    later.photo('m2');
    later.location(-6.9, 107.6);
    later.text('Dekat sekolah');
    expect(later.effects).toEqual([
      {
        type: 'call',
        action: 'report.save',
        input: {
          what: 'water',
          tags: ['a', 'b'],
          size: 15,
          urgent: true,
          photos: ['m1', 'm2'],
          place: { latitude: -6.9, longitude: 107.6 },
          note: 'Dekat sekolah',
        },
      },
    ]);
    const resumed = createChat([report], {
      state: JSON.parse(JSON.stringify(later.state)) as ConversationState,
    });
    resumed.result({ outcome: 'saved', ticket: 'LAP-7' });
    expect(resumed.lines()).toEqual(['Nomor {"outcome":"saved","ticket":"LAP-7"}']);
    expect(resumed.state).toEqual({ v: STATE_VERSION, frames: [], asked: expect.any(Number) });
  });

  it('is never written to by the engine', () => {
    const engine = createEngine({
      flows: [menuFlow, helpFlow, languageFlow, report],
      helpFlow: 'help',
      languageFlow: 'language',
    });
    let state = deepFreeze(
      engine.handle(idleState(), { type: 'start', flow: 'report' }, env).state,
    );
    for (const text of ['1', '1', 'kembali', 'bantuan', 'bahasa', '1', '2', 'x', 'menu', 'batal']) {
      const before = JSON.stringify(state);
      const result = engine.handle(state, { type: 'input', payload: { type: 'text', text } }, env);
      expect(JSON.stringify(state)).toBe(before);
      state = deepFreeze(result.state);
    }
  });

  it('is read back only when it has the current shape', () => {
    const state: ConversationState = { v: STATE_VERSION, frames: [] };
    expect(readState(state)).toBe(state);
    expect(readState(undefined)).toEqual(idleState());
    expect(readState(null)).toEqual(idleState());
    expect(readState('frames')).toEqual(idleState());
    expect(readState({ v: STATE_VERSION + 1, frames: [] })).toEqual(idleState());
    expect(readState({ v: STATE_VERSION })).toEqual(idleState());
  });

  it('numbers questions after those of a state saved before the counter existed', () => {
    const chat = createChat([report]);
    chat.start('report');
    const saved = JSON.parse(JSON.stringify(chat.state)) as ConversationState;
    delete saved.asked;
    const frame = topFrame(saved);
    if (!frame) throw new Error('no frame');
    frame.asked = 5;
    const later = createChat([report], { state: saved });
    later.text('x');
    expect(later.token()).toBe(questionToken(later.state, later.state.frames[0] ?? frame));
    expect(later.state.frames[0]?.asked).toBe(6);
  });
});

describe('a saved conversation after its flow changed', () => {
  const v1 = defineFlow({
    id: 'survey',
    version: 1,
    steps: [
      { id: 'name', kind: 'text', prompt: say('Nama?') },
      { id: 'age', kind: 'number', prompt: say('Umur?') },
    ],
  });
  const v2 = defineFlow({
    id: 'survey',
    version: 2,
    steps: [
      { id: 'name', kind: 'text', prompt: say('Nama lengkap?') },
      { id: 'birth_year', kind: 'number', prompt: say('Tahun lahir?') },
    ],
  });

  it('restarts the flow, saying so, when its step is gone', () => {
    const old = createChat([v1]);
    old.start('survey');
    old.text('Siti');
    const chat = createChat([v2], { state: old.state });
    chat.text('40');
    expect(chat.keys()).toEqual(['common:flow.restarted', 'test:Nama lengkap?']);
    expect(chat.state.frames).toMatchObject([
      { flow: 'survey', version: 2, step: 'name', answers: {} },
    ]);
  });

  it('continues where the step still exists', () => {
    const old = createChat([v1]);
    old.start('survey');
    const chat = createChat([v2], { state: old.state });
    chat.text('Siti');
    expect(chat.lines()).toEqual(['Tahun lahir?']);
    expect(chat.state.frames[0]).toMatchObject({ version: 1, answers: { name: 'Siti' } });
  });

  it('opens the entry flow when the whole flow is gone', () => {
    const old = createChat([v1]);
    old.start('survey');
    const chat = createChat([], { state: old.state });
    chat.text('Siti');
    expect(chat.keys()).toEqual(['common:flow.restarted', 'test:Menu utama']);
    expect(chat.stack()).toEqual(['menu']);
  });
});

describe('broken flow definitions', () => {
  it('throw FlowDefinitionError when a flow loops without waiting', () => {
    const loop = defineFlow({
      id: 'loop',
      version: 1,
      steps: [
        { id: 'a', kind: 'say', text: say('A'), next: 'b' },
        { id: 'b', kind: 'say', text: say('B'), next: 'a' },
      ],
    });
    const chat = createChat([loop]);
    expect(() => chat.start('loop')).toThrow(FlowDefinitionError);
    expect(() => chat.start('loop')).toThrow('flow "loop" loops without waiting');
  });

  it('throw when skipped steps loop, or a say step pushes a flow', () => {
    const skipping = defineFlow({
      id: 'skipping',
      version: 1,
      steps: [
        { id: 'a', kind: 'text', prompt: say('A'), skipIf: () => true, next: 'b' },
        { id: 'b', kind: 'text', prompt: say('B'), skipIf: () => true, next: 'a' },
      ],
    });
    const pushing = defineFlow({
      id: 'pushing',
      version: 1,
      steps: [{ id: 'a', kind: 'say', text: say('A'), next: push('help') }],
    });
    const chat = createChat([skipping, pushing]);
    expect(() => chat.start('skipping')).toThrow(FlowDefinitionError);
    expect(() => chat.start('pushing')).toThrow(FlowDefinitionError);
  });

  it('throw when asked to start a flow that does not exist', () => {
    const chat = createChat([]);
    expect(() => chat.start('ghost')).toThrow('unknown flow "ghost"');
  });

  it('do not stop a long flow that waits in time', () => {
    const long = defineFlow({
      id: 'long',
      version: 1,
      steps: [
        ...Array.from({ length: 150 }, (_, i) => ({
          id: `s${i}`,
          kind: 'say' as const,
          text: t('test:.'),
        })),
        { id: 'q', kind: 'text', prompt: say('Q') },
      ],
    });
    const chat = createChat([long]);
    chat.start('long');
    expect(chat.messages()).toHaveLength(151);
  });
});
