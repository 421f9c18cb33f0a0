import { describe, expect, it } from 'vitest';
import { readGlobalWord } from '../../../src/core/engine/globals.js';
import { defineFlow } from '../../../src/core/flow/types.js';
import { t } from '../../../src/core/messages.js';
import { createChat, option, say } from './chat.js';

const survey = defineFlow({
  id: 'survey',
  version: 1,
  commands: ['survei'],
  steps: [
    { id: 'name', kind: 'text', prompt: say('Nama?') },
    {
      id: 'need',
      kind: 'choice',
      prompt: say('Kebutuhan?'),
      help: say('Pilih yang paling penting'),
      options: [option('water', 'Air bersih'), option('road', 'Jalan desa')],
    },
    { id: 'urgent', kind: 'yesno', prompt: say('Mendesak?') },
    { id: 'count', kind: 'number', prompt: say('Berapa keluarga?') },
  ],
});

const info = defineFlow({
  id: 'info',
  version: 1,
  commands: ['info'],
  returns: true,
  steps: [
    { id: 'text', kind: 'say', text: (ctx) => say(`Info ${ctx.args}`) },
    { id: 'ok', kind: 'yesno', prompt: say('Paham?') },
  ],
});

/** A chat at the survey's second question, after answering "Siti". */
function atNeed() {
  const chat = createChat([survey, info]);
  chat.start('survey');
  chat.text('Siti');
  return chat;
}

describe('readGlobalWord', () => {
  it.each([
    ['menu', 'menu'],
    ['Menu utama', 'menu'],
    ['home', 'menu'],
    ['batal', 'cancel'],
    ['Cancel!', 'cancel'],
    ['/batal', 'cancel'],
    ['stop', 'cancel'],
    ['kembali', 'back'],
    ['back', 'back'],
    ['0', 'back'],
    ['bantuan', 'help'],
    ['help', 'help'],
    ['?', 'help'],
    ['bahasa', 'language'],
    ['language', 'language'],
  ])('reads %j as %s', (input, word) => {
    expect(readGlobalWord(input, false)).toBe(word);
  });

  it('leaves "0" alone at number questions and ignores longer sentences', () => {
    expect(readGlobalWord('0', true)).toBeUndefined();
    expect(readGlobalWord('menu makan siang', false)).toBeUndefined();
  });
});

describe('global words at a question', () => {
  it.each(['menu', 'MENU', 'home'])('%j starts the entry flow afresh', (word) => {
    const chat = atNeed();
    chat.text(word);
    expect(chat.stack()).toEqual(['menu']);
    expect(chat.lines()).toEqual(['Menu utama']);
    expect(chat.answers()).toEqual({});
  });

  it.each(['batal', 'cancel', 'Batal.'])('%j empties the conversation', (word) => {
    const chat = atNeed();
    chat.text('bahasa');
    chat.text(word);
    expect(chat.state.frames).toEqual([]);
    expect(chat.messages()).toEqual([{ texts: [t('common:cancelled')] }]);
  });

  it('cancels even where free text is expected', () => {
    const chat = createChat([survey]);
    chat.start('survey');
    chat.text('batal');
    expect(chat.state.frames).toEqual([]);
  });

  it.each(['kembali', 'back', '0'])('%j asks the previous question with its answer', (word) => {
    const chat = atNeed();
    chat.text(word);
    expect(chat.messages()).toEqual([
      { texts: [t('common:back.previous', { answer: 'Siti' }), say('Nama?')] },
    ]);
    expect(chat.lines()[0]).toBe('Jawaban Anda sebelumnya: Siti. Kirim jawaban baru di bawah ini.');
    chat.text(word);
    expect(chat.keys()).toEqual(['common:back.first', 'test:Nama?']);
  });

  it('shows a chosen option by its label and yes/no by its word', () => {
    const chat = atNeed();
    chat.text('2');
    chat.text('ya');
    chat.text('kembali');
    expect(chat.lines()[0]).toBe('Jawaban Anda sebelumnya: Ya. Kirim jawaban baru di bawah ini.');
    chat.text('back');
    expect(chat.messages()[0]?.texts[0]).toEqual(
      t('common:back.previous', { answer: say('Jalan desa') }),
    );
    expect(chat.options()).toEqual(['1. Air bersih', '2. Jalan desa']);
    expect(chat.answers()).toEqual({ name: 'Siti', need: 'road' });
    chat.text('1');
    chat.text('tidak');
    expect(chat.answers()).toEqual({ name: 'Siti', need: 'water', urgent: false });
  });

  it('goes back from a number question with "kembali" though not with "0"', () => {
    const chat = atNeed();
    chat.text('1');
    chat.text('ya');
    chat.text('kembali');
    expect(chat.state.frames[0]?.step).toBe('urgent');
    chat.text('ya');
    chat.text('0');
    expect(chat.state.frames).toEqual([]);
  });

  it.each(['bantuan', 'help', '?'])('%j shows help, then asks the same question again', (word) => {
    const chat = atNeed();
    const token = chat.token();
    chat.text(word);
    expect(chat.lines()).toEqual(['Pilih yang paling penting', 'Teks bantuan', 'Kebutuhan?']);
    expect(chat.stack()).toEqual(['survey']);
    expect(chat.token()).not.toBe(token);
    chat.text('2');
    expect(chat.answers()).toMatchObject({ need: 'road' });
  });

  it('shows only the help flow where the step has no help of its own', () => {
    const chat = createChat([survey]);
    chat.start('survey');
    chat.text('help');
    expect(chat.lines()).toEqual(['Teks bantuan', 'Nama?']);
  });

  it.each(['bahasa', 'language'])('%j opens the language flow over the question', (word) => {
    const chat = atNeed();
    chat.text(word);
    expect(chat.stack()).toEqual(['survey', 'language']);
    expect(chat.options()).toEqual(['1. Bahasa Indonesia', '2. English']);
    chat.text('english');
    expect(chat.stack()).toEqual(['survey']);
    expect(chat.lines()).toEqual(['Kebutuhan?']);
    expect(chat.answers()).toEqual({ name: 'Siti' });
  });
});

describe('global words inside a flow opened on top', () => {
  it('"bahasa" at the language question asks it again instead of stacking a second one', () => {
    const chat = atNeed();
    chat.text('bahasa');
    chat.text('bahasa');
    expect(chat.stack()).toEqual(['survey', 'language']);
    expect(chat.options()).toEqual(['1. Bahasa Indonesia', '2. English']);
  });

  it('"kembali" at its first question returns to the question below', () => {
    const chat = atNeed();
    chat.text('bahasa');
    chat.text('kembali');
    expect(chat.stack()).toEqual(['survey']);
    expect(chat.lines()).toEqual(['Kebutuhan?']);
    expect(chat.answers()).toEqual({ name: 'Siti' });
  });
});

describe('an idle person', () => {
  it('opens the entry flow with any message', () => {
    const chat = createChat([]);
    chat.text('halo');
    expect(chat.stack()).toEqual(['menu']);
    expect(chat.options()).toEqual(['1. Pilihan A', '2. Pilihan B']);
    chat.text('batal');
    chat.photo('m1');
    expect(chat.stack()).toEqual(['menu']);
    chat.text('batal');
    chat.press(1, 'stale');
    expect(chat.stack()).toEqual(['menu']);
  });

  it('gets help or the language question when asking for them', () => {
    const chat = createChat([]);
    chat.text('bantuan');
    expect(chat.lines()).toEqual(['Teks bantuan']);
    expect(chat.state.frames).toEqual([]);
    chat.text('bahasa');
    expect(chat.stack()).toEqual(['language']);
  });
});

describe('commands', () => {
  it('start their flow afresh, with the words after them', () => {
    const chat = atNeed();
    expect(chat.engine.commandFlow('survei')?.id).toBe('survey');
    chat.command('survei');
    expect(chat.stack()).toEqual(['survey']);
    expect(chat.answers()).toEqual({});
    expect(chat.lines()).toEqual(['Nama?']);
  });

  it('push a returning flow over the question, which resumes after it', () => {
    const chat = atNeed();
    chat.command('info', 'air');
    expect(chat.stack()).toEqual(['survey', 'info']);
    expect(chat.lines()).toEqual(['Info air', 'Paham?']);
    chat.text('ya');
    expect(chat.stack()).toEqual(['survey']);
    expect(chat.lines()).toEqual(['Kebutuhan?']);
    expect(chat.answers()).toEqual({ name: 'Siti' });
  });

  it('start a returning flow alone when idle', () => {
    const chat = createChat([survey, info]);
    chat.command('info');
    expect(chat.stack()).toEqual(['info']);
    chat.text('ya');
    expect(chat.state.frames).toEqual([]);
  });

  it('name an unknown command and ask the question again', () => {
    const chat = atNeed();
    chat.command('xyz');
    expect(chat.messages()[0]?.texts).toEqual([
      t('common:command.unknown', { command: '/xyz' }),
      say('Kebutuhan?'),
    ]);
    expect(chat.stack()).toEqual(['survey']);
  });

  it('name an unknown command and open the entry flow when idle', () => {
    const chat = createChat([survey]);
    chat.command('xyz');
    expect(chat.keys()).toEqual(['common:command.unknown', 'test:Menu utama']);
    expect(chat.stack()).toEqual(['menu']);
  });
});

describe('a person who is stuck', () => {
  it('is pointed to help and cancel from the third wrong answer on', () => {
    const chat = atNeed();
    chat.text('x');
    chat.text('y');
    expect(chat.keys()).toEqual(['common:invalid.choice_two', 'test:Kebutuhan?']);
    chat.text('z');
    expect(chat.keys()).toEqual(['common:invalid.choice_two', 'common:stuck', 'test:Kebutuhan?']);
    chat.press(7);
    expect(chat.keys()).toContain('common:stuck');
    chat.text('1');
    chat.text('mungkin');
    expect(chat.keys()).toEqual(['common:invalid.yesno', 'test:Mendesak?']);
  });
});
