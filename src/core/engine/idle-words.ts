/**
 * Words that start a flow when they are the whole message of a person in no flow, such as
 * BERHENTI (stop announcements). Inside a flow the word keeps its meaning there (a cancel
 * word still cancels), and the entry's note is said after, so the person learns how to
 * reach that flow. An engine wrapper, like the consent gate: the engine itself is unchanged.
 */
import { normalize } from '../flow/parse.js';
import type { Text } from '../messages.js';
import type { Engine } from './engine.js';
import { readGlobalWord } from './globals.js';
import { topFrame } from './state.js';

/** Whole messages that start `flow` while no flow runs. */
export interface IdleWords {
  words: readonly string[];
  flow: string;
  /** Said after the word cancelled a flow the person was in. */
  noteInFlow?: Text;
}

/** Wraps `engine` so that the given idle words start their flows. */
export function withIdleWords(engine: Engine, entries: readonly IdleWords[]): Engine {
  const byWord = new Map(
    entries.flatMap((entry) => entry.words.map((word) => [normalize(word), entry] as const)),
  );
  if (byWord.size === 0) return engine;
  return {
    ...engine,
    handle(state, event, env) {
      const text =
        event.type === 'input' && event.payload.type === 'text' ? event.payload.text : '';
      const entry = text ? byWord.get(normalize(text)) : undefined;
      if (!entry) return engine.handle(state, event, env);
      if (!topFrame(state)) return engine.handle(state, { type: 'start', flow: entry.flow }, env);
      const result = engine.handle(state, event, env);
      if (!entry.noteInFlow || readGlobalWord(text, false) !== 'cancel') return result;
      const note = { type: 'send' as const, message: { texts: [entry.noteInFlow] } };
      return { state: result.state, effects: [...result.effects, note] };
    },
  };
}
