import { describe, expect, it } from 'vitest';
import { type ChoiceOption, defineFlow, END } from '../../../src/core/flow/types.js';
import { t } from '../../../src/core/messages.js';
import { createChat, option, say, testAction } from './chat.js';

const DONT_KNOW: ChoiceOption = { ...option('dont_know', 'Tidak tahu'), unsure: true };
const NOT_APPLICABLE = option('not_applicable', 'Tidak berlaku');

describe('number steps with alternatives and computed bounds', () => {
  const flow = defineFlow({
    id: 'minutes',
    version: 1,
    steps: [
      {
        id: 'minutes',
        kind: 'number',
        prompt: say('Berapa menit ke pasar?'),
        // Bounds from the words after the command: "/minutes 5 30".
        min: (ctx) => Number(ctx.args.split(' ')[0] || 0),
        max: (ctx) => Number(ctx.args.split(' ')[1] || 60),
        alternatives: [NOT_APPLICABLE, DONT_KNOW],
      },
      { id: 'after', kind: 'text', prompt: say('Lalu?'), next: END },
    ],
  });

  it('lists the alternatives under the question as words to type, not numbered options', () => {
    const chat = createChat([flow]);
    chat.start('minutes');
    expect(chat.messages()).toEqual([
      {
        texts: [
          say('Berapa menit ke pasar?'),
          t('common:number.alternatives', { options: [NOT_APPLICABLE.label, DONT_KNOW.label] }),
        ],
      },
    ]);
    expect(chat.lines()[1]).toContain('Atau ketik: ');
  });

  it('reads a digit as the number, never as an alternative', () => {
    const chat = createChat([flow]);
    chat.start('minutes');
    chat.text('1');
    expect(chat.answers()).toMatchObject({ minutes: 1 });
  });

  it('takes an alternative by its label, with a typo, or by typed doubt', () => {
    for (const [typed, value] of [
      ['Tidak berlaku', 'not_applicable'],
      ['tidak brlaku', 'not_applicable'],
      ['tidak tahu', 'dont_know'],
      ['gak tau', 'dont_know'],
      ["don't know", 'dont_know'],
    ] as const) {
      const chat = createChat([flow]);
      chat.start('minutes');
      chat.text(typed);
      expect(chat.answers(), typed).toMatchObject({ minutes: value });
      expect(chat.lines()).toEqual(['Lalu?']);
    }
  });

  it('takes an alternative from a button press', () => {
    const chat = createChat([flow]);
    chat.start('minutes');
    chat.press(2, chat.state.frames[0] ? `1.${chat.state.frames[0].asked}` : '');
    expect(chat.answers()).toMatchObject({ minutes: 'dont_know' });
  });

  it('enforces bounds computed from the context, with a re-ask', () => {
    const chat = createChat([flow]);
    chat.start('minutes', '5 30');
    chat.text('45 menit');
    expect(chat.keys()).toEqual([
      'common:invalid.number_range',
      'test:Berapa menit ke pasar?',
      'common:number.alternatives',
    ]);
    expect(chat.lines()[0]).toBe('Angkanya harus antara 5 dan 30. Contoh: 6');
    chat.text('dua puluh');
    expect(chat.answers()).toMatchObject({ minutes: 20 });
  });

  it('still refuses words that are neither a number nor an alternative', () => {
    const chat = createChat([flow]);
    chat.start('minutes');
    chat.text('jauh sekali');
    expect(chat.keys()[0]).toBe('common:invalid.number');
  });
});

describe('yes/no steps with alternatives', () => {
  const flow = defineFlow({
    id: 'wifi',
    version: 1,
    steps: [
      {
        id: 'wifi',
        kind: 'yesno',
        prompt: say('Ada wifi desa?'),
        alternatives: [DONT_KNOW],
        next: { yes: 'which', dont_know: 'unsure', '*': END },
      },
      { id: 'which', kind: 'text', prompt: say('Di mana?'), next: END },
      { id: 'unsure', kind: 'say', text: say('Tidak apa-apa'), next: END },
    ],
  });

  it('numbers them after ya and tidak', () => {
    const chat = createChat([flow]);
    chat.start('wifi');
    expect(chat.options()).toEqual(['1. Ya', '2. Tidak', '3. Tidak tahu']);
  });

  it('still reads ya and tidak in their tolerant forms', () => {
    for (const [typed, lines] of [
      ['iya', ['Di mana?']],
      ['gak', []],
      ['2', []],
    ] as const) {
      const chat = createChat([flow]);
      chat.start('wifi');
      chat.text(typed);
      expect(chat.lines(), typed).toEqual(lines);
    }
  });

  it('takes an alternative by number, label or doubt, and branches on its value', () => {
    for (const typed of ['3', 'tiga', 'Tidak tahu', 'nggak tau']) {
      const chat = createChat([flow]);
      chat.start('wifi');
      chat.text(typed);
      expect(chat.lines(), typed).toEqual(['Tidak apa-apa']);
    }
  });

  it('reads an alternative whose label starts with ya or tidak as that alternative', () => {
    const school = defineFlow({
      id: 'school',
      version: 1,
      steps: [
        {
          id: 'school',
          kind: 'yesno',
          prompt: say('Anak sekolah bisa belajar online?'),
          alternatives: [option('not_applicable', 'Tidak ada anak sekolah')],
          next: { not_applicable: 'none', '*': END },
        },
        { id: 'none', kind: 'say', text: say('Baik'), next: END },
      ],
    });
    const chat = createChat([school]);
    chat.start('school');
    chat.text('tidak ada anak sekolah');
    expect(chat.lines()).toEqual(['Baik']);
    chat.start('school');
    chat.text('tidak');
    expect(chat.lines()).toEqual([]);
  });

  it('refuses a number past the alternatives', () => {
    const chat = createChat([flow]);
    chat.start('wifi');
    chat.text('4');
    expect(chat.messages()[0]?.texts[0]).toEqual(t('common:invalid.choice', { count: 3 }));
  });

  it('without alternatives, doubt is still no answer', () => {
    const plain = defineFlow({
      id: 'plain',
      version: 1,
      steps: [{ id: 'q', kind: 'yesno', prompt: say('Setuju?') }],
    });
    const chat = createChat([plain]);
    chat.start('plain');
    chat.text('tidak tahu');
    expect(chat.keys()[0]).toBe('common:invalid.yesno');
    chat.text('3');
    expect(chat.keys()[0]).toBe('common:invalid.yesno');
  });
});

describe('choice options chosen by doubt', () => {
  it('picks the option marked unsure when the person types doubt', () => {
    const flow = defineFlow({
      id: 'signal',
      version: 1,
      steps: [
        {
          id: 'signal',
          kind: 'choice',
          prompt: say('Sinyal di rumah?'),
          options: [option('good', 'Stabil'), option('none', 'Tidak ada'), DONT_KNOW],
        },
      ],
    });
    const chat = createChat([flow]);
    chat.start('signal');
    chat.text('ga tahu');
    expect(chat.state.frames).toEqual([]);
    chat.start('signal');
    chat.text('tidak ada');
    expect(chat.state.frames).toEqual([]);
  });
});

describe('a step with its own back target', () => {
  const flow = defineFlow({
    id: 'loop',
    version: 1,
    steps: [
      { id: 'first', kind: 'text', prompt: say('Nama?') },
      { id: 'ask', kind: 'text', prompt: say('Pertanyaan berulang'), back: 'before' },
      { id: 'again', kind: 'say', text: say('Lagi'), next: 'ask' },
      {
        id: 'before',
        kind: 'call',
        action: testAction('loop.previous'),
        next: { first: 'first', '*': 'ask' },
      },
    ],
  });

  it('goes to the back target on kembali, not to the question answered before', () => {
    const chat = createChat([flow]);
    chat.start('loop');
    chat.text('Siti');
    chat.text('satu');
    expect(chat.lines()).toEqual(['Lagi', 'Pertanyaan berulang']);
    const effects = chat.text('kembali');
    expect(effects).toEqual([{ type: 'call', action: 'loop.previous', input: null }]);
    chat.result({ outcome: 'ask' });
    expect(chat.lines()).toEqual(['Pertanyaan berulang']);
    chat.text('kembali');
    chat.result({ outcome: 'first' });
    expect(chat.lines()).toEqual(['Nama?']);
  });
});

describe('a flow with its own cancel text', () => {
  it('says it instead of "nothing was saved" when the person cancels in it', () => {
    const saving = defineFlow({
      id: 'saving',
      version: 1,
      cancelled: say('Jawaban tersimpan'),
      steps: [{ id: 'q', kind: 'text', prompt: say('Pertanyaan') }],
    });
    const chat = createChat([saving]);
    chat.start('saving');
    chat.text('batal');
    expect(chat.lines()).toEqual(['Jawaban tersimpan']);
    expect(chat.state.frames).toEqual([]);
    chat.start('menu');
    chat.text('batal');
    expect(chat.keys()).toEqual(['common:cancelled']);
  });
});
