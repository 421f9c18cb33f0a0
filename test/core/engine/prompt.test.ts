import { describe, expect, it } from 'vitest';
import { MAX_OPTIONS_SHOWN, PAGE_SIZE, pageOf } from '../../../src/core/engine/prompt.js';
import { defineFlow } from '../../../src/core/flow/types.js';
import { t } from '../../../src/core/messages.js';
import { createChat, option, say } from './chat.js';

const VILLAGES = [
  'Sukamaju',
  'Sukadamai',
  'Mekarsari',
  'Cibodas',
  'Cikole',
  'Sindangsari',
  'Margahayu',
  'Pasirjaya',
  'Karangsari',
  'Tanjungsari',
  'Cipanas',
  'Ciherang',
  'Sirnagalih',
  'Girimukti',
  'Jayamekar',
  'Mulyasari',
  'Bojongsari',
  'Cimenyan',
  'Lembang',
  'Parongpong',
];

function villageFlow(count: number) {
  return defineFlow({
    id: 'village',
    version: 1,
    steps: [
      {
        id: 'village',
        kind: 'choice',
        prompt: say('Desa Anda?'),
        options: VILLAGES.slice(0, count).map((name, i) => option(`v${i + 1}`, name)),
      },
      { id: 'next', kind: 'text', prompt: say('Lanjut') },
    ],
  });
}

const numbered = (names: string[]) => names.map((name, i) => `${i + 1}. ${name}`);

describe('pageOf', () => {
  const options = VILLAGES.map((name, i) => option(`v${i}`, name));

  it('shows up to 9 options whole, and longer lists 8 at a time, wrapping', () => {
    expect(MAX_OPTIONS_SHOWN).toBe(9);
    expect(PAGE_SIZE).toBe(8);
    expect(pageOf(options.slice(0, 9), 3)).toEqual({ shown: options.slice(0, 9), paged: false });
    expect(pageOf(options, 0)).toEqual({ shown: options.slice(0, 8), paged: true });
    expect(pageOf(options, 2).shown).toEqual(options.slice(16, 20));
    expect(pageOf(options, 3).shown).toEqual(options.slice(0, 8));
    expect(pageOf(options.slice(0, 10), 1).shown).toEqual(options.slice(8, 10));
  });
});

describe('a long list of options', () => {
  it('shows 8 options and "9. Berikutnya" on the first page', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    expect(chat.options()).toEqual([...numbered(VILLAGES.slice(0, 8)), '9. Berikutnya ➡️']);
    expect(chat.messages()[0]?.choices?.options[8]).toEqual({
      number: 9,
      label: t('common:choice.next_page'),
    });
  });

  it('turns the page with 9 and wraps after the last page', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    chat.text('9');
    expect(chat.messages()).toHaveLength(1);
    expect(chat.keys()).toEqual(['test:Desa Anda?']);
    expect(chat.options()).toEqual([...numbered(VILLAGES.slice(8, 16)), '9. Berikutnya ➡️']);
    chat.press(9);
    expect(chat.options()).toEqual([...numbered(VILLAGES.slice(16, 20)), '9. Berikutnya ➡️']);
    chat.text('sembilan');
    expect(chat.options()).toEqual([...numbered(VILLAGES.slice(0, 8)), '9. Berikutnya ➡️']);
    expect(chat.state.frames[0]?.invalid).toBe(0);
  });

  it('reads a number on the page shown', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    chat.text('9');
    chat.text('3');
    expect(chat.answers()).toEqual({ village: 'v11' });
    expect(chat.state.frames[0]?.labels.village).toEqual(say('Cipanas'));
  });

  it('reads a button pressed on a later page', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    chat.press(9);
    chat.press(9);
    chat.press(4);
    expect(chat.answers()).toEqual({ village: 'v20' });
  });

  it('accepts a label from another page', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    chat.text('lembang');
    expect(chat.answers()).toEqual({ village: 'v19' });

    const other = createChat([villageFlow(20)]);
    other.start('village');
    other.text('9');
    other.text('9');
    other.text('sukamaju');
    expect(other.answers()).toEqual({ village: 'v1' });
  });

  it('re-asks a number missing from the last page, on that page', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    chat.text('9');
    chat.text('9');
    chat.text('6');
    expect(chat.messages()[0]?.texts[0]).toEqual(t('common:invalid.choice', { count: 9 }));
    expect(chat.options()).toEqual([...numbered(VILLAGES.slice(16, 20)), '9. Berikutnya ➡️']);
  });

  it('starts again on the first page when the question is asked anew', () => {
    const chat = createChat([villageFlow(20)]);
    chat.start('village');
    chat.text('9');
    chat.text('2');
    chat.text('kembali');
    expect(chat.options()[0]).toBe('1. Sukamaju');
  });

  it('pages 10 options as 8 and 2', () => {
    const chat = createChat([villageFlow(10)]);
    chat.start('village');
    expect(chat.options()).toHaveLength(9);
    chat.text('9');
    expect(chat.options()).toEqual(['1. Karangsari', '2. Tanjungsari', '9. Berikutnya ➡️']);
  });
});

describe('a list of exactly 9 options', () => {
  it('is shown whole, and 9 is its ninth option', () => {
    const chat = createChat([villageFlow(9)]);
    chat.start('village');
    expect(chat.options()).toEqual(numbered(VILLAGES.slice(0, 9)));
    chat.text('9');
    expect(chat.answers()).toEqual({ village: 'v9' });
  });
});
