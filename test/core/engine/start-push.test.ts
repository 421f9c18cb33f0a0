import { describe, expect, it } from 'vitest';
import { defineFlow } from '../../../src/core/flow/types.js';
import { createChat, say } from './chat.js';

/** A flow the person is busy with: two questions and a photo step. */
const busyFlow = defineFlow({
  id: 'busy',
  version: 1,
  steps: [
    { id: 'what', kind: 'text', prompt: say('Apa masalahnya?') },
    { id: 'photos', kind: 'photo', prompt: say('Kirim foto'), min: 0, max: 3 },
    { id: 'done', kind: 'say', text: (ctx) => say(`Tercatat: ${ctx.answers.what}`) },
  ],
});

/** A question started on the person's behalf. */
const askFlow = defineFlow({
  id: 'ask',
  version: 1,
  steps: [
    { id: 'fixed', kind: 'yesno', prompt: (ctx) => say(`Sudah beres ${ctx.args}?`) },
    { id: 'thanks', kind: 'say', text: say('Terima kasih') },
  ],
});

describe('starting a flow for the person', () => {
  it('by default (reset) replaces whatever was running', () => {
    const chat = createChat([busyFlow, askFlow]);
    chat.start('busy');
    chat.handle({ type: 'start', flow: 'ask', args: 'LP-7KQ3M' });
    expect(chat.stack()).toEqual(['ask']);
  });

  it('with push, asks on top and then resumes the question below, answers and photos kept', () => {
    const chat = createChat([busyFlow, askFlow]);
    chat.start('busy');
    chat.text('Jalan berlubang');
    chat.photo('media-1');
    expect(chat.answers()).toEqual({ what: 'Jalan berlubang', photos: ['media-1'] });

    chat.handle({ type: 'start', flow: 'ask', args: 'LP-7KQ3M', mode: 'push' });
    expect(chat.stack()).toEqual(['busy', 'ask']);
    expect(chat.lines()).toEqual(['Sudah beres LP-7KQ3M?']);

    chat.text('ya');
    expect(chat.stack()).toEqual(['busy']);
    expect(chat.lines()).toEqual([
      'Terima kasih',
      'Kirim foto',
      'Foto 1 dari 3 diterima. Kirim foto lagi, atau ketik *selesai*.',
    ]);
    chat.photo('media-2');
    chat.text('selesai');
    expect(chat.lines()).toEqual(['Tercatat: Jalan berlubang']);
    expect(chat.stack()).toEqual([]);
  });

  it('with push on an idle person, just starts', () => {
    const chat = createChat([busyFlow, askFlow]);
    chat.handle({ type: 'start', flow: 'ask', args: 'LP-7KQ3M', mode: 'push' });
    expect(chat.stack()).toEqual(['ask']);
    chat.text('tidak');
    expect(chat.stack()).toEqual([]);
  });

  it('makes the buttons of the question below stale until it is asked again', () => {
    const chat = createChat([askFlow]);
    chat.start('ask', 'A');
    const below = chat.token();
    chat.handle({ type: 'start', flow: 'ask', args: 'B', mode: 'push' });
    chat.press(1, below);
    expect(chat.keys()).toEqual(['common:choice.stale']);
    chat.press(1);
    expect(chat.lines()).toEqual(['Terima kasih', 'Sudah beres A?']);
  });

  it('lets "kembali" at the first question of a pushed flow return below', () => {
    const chat = createChat([busyFlow, askFlow]);
    chat.start('busy');
    chat.handle({ type: 'start', flow: 'ask', args: 'X', mode: 'push' });
    chat.text('kembali');
    expect(chat.stack()).toEqual(['busy']);
    expect(chat.lines()).toEqual(['Apa masalahnya?']);
  });
});
