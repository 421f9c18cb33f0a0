import { expect } from 'vitest';
import { z } from 'zod';
import {
  createEngine,
  type Effect,
  type Engine,
  type EngineEnv,
  type EngineEvent,
} from '../../../src/core/engine/engine.js';
import { type ConversationState, idleState, topFrame } from '../../../src/core/engine/state.js';
import { type ActionDeclaration, defineAction, returns } from '../../../src/core/flow/action.js';
import {
  type Answers,
  type ChoiceOption,
  type ContactSnapshot,
  defineFlow,
  type FlowDefinition,
} from '../../../src/core/flow/types.js';
import type { InboundPayload, Json, Outbound, Text } from '../../../src/core/messages.js';
import { t } from '../../../src/core/messages.js';
import { createTranslator } from '../../../src/i18n.js';

const translator = await createTranslator('id');

/**
 * Test texts carry their words in the key (`test:Air bersih` reads "Air bersih"), so a
 * test shows the label it types; every other key is resolved by the real translator.
 */
export function translate(text: Text): string {
  if (text.key.startsWith('test:')) return text.key.slice('test:'.length);
  return translator.translate(text, 'id');
}

/** A test text that reads `words`. */
export function say(words: string): Text {
  return t(`test:${words}`);
}

/** An action the engine only names in its effects (the tests hand its result back). */
export function testAction(name: string): ActionDeclaration {
  return defineAction(name, { input: z.unknown(), result: returns<Json>() });
}

/** An option whose label reads `label`. */
export function option(value: string, label: string): ChoiceOption {
  return { value, label: say(label) };
}

/** Entry flow of every test chat: one question with two options. */
export const menuFlow = defineFlow({
  id: 'menu',
  version: 1,
  commands: ['menu'],
  steps: [
    {
      id: 'choose',
      kind: 'choice',
      prompt: say('Menu utama'),
      options: [option('a', 'Pilihan A'), option('b', 'Pilihan B')],
    },
  ],
});

/** Help flow: a text that ends at once. */
export const helpFlow = defineFlow({
  id: 'help',
  version: 1,
  returns: true,
  steps: [{ id: 'text', kind: 'say', text: say('Teks bantuan') }],
});

/** Language flow: a question, then the flow below resumes. */
export const languageFlow = defineFlow({
  id: 'language',
  version: 1,
  returns: true,
  steps: [
    {
      id: 'language',
      kind: 'choice',
      prompt: say('Pilih bahasa'),
      options: [option('id', 'Bahasa Indonesia'), option('en', 'English')],
    },
  ],
});

/** A conversation with the engine, event by event, as the runtime would hold it. */
export interface Chat {
  engine: Engine;
  state: ConversationState;
  /** Effects of the last event. */
  effects: Effect[];
  handle(event: EngineEvent): Effect[];
  input(payload: InboundPayload): Effect[];
  start(flow: string, args?: string): Effect[];
  text(text: string): Effect[];
  /** Presses button `number` of the last question asked (or under `token`). */
  press(number: number, token?: string): Effect[];
  photo(mediaId: string): Effect[];
  location(latitude: number, longitude: number): Effect[];
  command(name: string, args?: string): Effect[];
  result(value: Json): Effect[];
  /** Messages sent by the last event. */
  messages(): Outbound[];
  /** Keys of every paragraph sent by the last event, in order. */
  keys(): string[];
  /** Every paragraph sent by the last event, in words. */
  lines(): string[];
  /** Numbered options of the last question of the last event, in words. */
  options(): string[];
  /** Token of the last question asked with options. */
  token(): string;
  /** Answers of the talking flow. */
  answers(): Answers;
  /** Ids of the flows on the stack, bottom first. */
  stack(): string[];
}

/** The time of every event unless a test brings its own clock. */
export const CHAT_NOW = new Date('2026-03-02T08:00:00Z');

/** Options of {@link createChat}. */
export interface ChatOptions {
  contact?: Partial<ContactSnapshot>;
  state?: ConversationState;
  /** The engine's clock; move `now` to let time pass between events. */
  clock?: { now: Date };
}

/**
 * Runs `flows` (plus the test menu, help and language flows) on a fresh engine. Every
 * event checks that the engine left its input state alone, and stores the new state
 * through JSON as the runtime does.
 */
export function createChat(flows: FlowDefinition[], options: ChatOptions = {}): Chat {
  const known = new Set(flows.map((f) => f.id));
  const base = [menuFlow, helpFlow, languageFlow].filter((f) => !known.has(f.id));
  const engine = createEngine({
    flows: [...base, ...flows],
    helpFlow: 'help',
    languageFlow: 'language',
  });
  const env: EngineEnv = {
    contact: {
      id: 'contact-1',
      role: 'warga',
      language: 'id',
      villageCode: null,
      displayName: null,
      ...options.contact,
    },
    entryFlow: 'menu',
    translate,
    get now() {
      return options.clock?.now ?? CHAT_NOW;
    },
  };
  let lastToken = '';
  const sent = (): Outbound[] =>
    chat.effects.flatMap((e) => (e.type === 'send' ? [e.message] : []));

  const chat: Chat = {
    engine,
    state: options.state ?? idleState(),
    effects: [],
    handle(event) {
      const before = JSON.stringify(chat.state);
      const result = engine.handle(chat.state, event, env);
      expect(JSON.stringify(chat.state), 'the input state was mutated').toBe(before);
      const stored = JSON.parse(JSON.stringify(result.state)) as ConversationState;
      expect(stored).toEqual(result.state);
      chat.state = stored;
      chat.effects = result.effects;
      for (const message of sent()) if (message.choices) lastToken = message.choices.token;
      return result.effects;
    },
    input: (payload) => chat.handle({ type: 'input', payload }),
    start: (flow, args) => chat.handle({ type: 'start', flow, args }),
    text: (text) => chat.input({ type: 'text', text }),
    press: (number, token) => chat.input({ type: 'choice', token: token ?? lastToken, number }),
    photo: (mediaId) => chat.input({ type: 'photo', mediaId }),
    location: (latitude, longitude) => chat.input({ type: 'location', latitude, longitude }),
    command: (name, args = '') => chat.input({ type: 'command', name, args }),
    result: (value) => chat.handle({ type: 'call_result', value }),
    messages: sent,
    keys: () => sent().flatMap((m) => m.texts.map((text) => text.key)),
    lines: () => sent().flatMap((m) => m.texts.map(translate)),
    options: () => {
      const asked = sent().filter((m) => m.choices);
      const last = asked[asked.length - 1];
      return (last?.choices?.options ?? []).map((o) => `${o.number}. ${translate(o.label)}`);
    },
    token: () => lastToken,
    answers: () => topFrame(chat.state)?.answers ?? {},
    stack: () => chat.state.frames.map((f) => f.flow),
  };
  return chat;
}
