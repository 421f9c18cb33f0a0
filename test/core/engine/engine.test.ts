import { describe, expect, it } from 'vitest';
import { defineFlow, END } from '../../../src/core/flow/types.js';
import { t } from '../../../src/core/messages.js';
import { createChat, option, say } from './chat.js';

describe('say and text steps', () => {
  const flow = defineFlow({
    id: 'intro',
    version: 1,
    steps: [
      { id: 'hello', kind: 'say', text: say('Halo') },
      {
        id: 'about',
        kind: 'say',
        text: (ctx) => t('test:Untuk', { role: String(ctx.contact.role) }),
      },
      { id: 'name', kind: 'text', prompt: say('Siapa nama Anda?'), min: 3, max: 10 },
      { id: 'bye', kind: 'say', text: (ctx) => say(`Terima kasih, ${ctx.answers.name}`) },
    ],
  });

  it('sends say steps in order and stops at the first question', () => {
    const chat = createChat([flow]);
    chat.start('intro');
    expect(chat.lines()).toEqual(['Halo', 'Untuk', 'Siapa nama Anda?']);
    expect(chat.messages()).toHaveLength(3);
    expect(chat.messages()[1]?.texts[0]).toEqual(t('test:Untuk', { role: 'warga' }));
    expect(chat.state.frames[0]).toMatchObject({ flow: 'intro', step: 'name' });
  });

  it('re-asks a text too short or too long with the error and the prompt', () => {
    const chat = createChat([flow]);
    chat.start('intro');
    chat.text('ab');
    expect(chat.messages()).toEqual([
      { texts: [t('common:invalid.text_short', { min: 3 }), say('Siapa nama Anda?')] },
    ]);
    chat.text('Siti Aminah Rahma');
    expect(chat.messages()[0]?.texts).toEqual([
      t('common:invalid.text_long', { max: 10, length: 17 }),
      say('Siapa nama Anda?'),
    ]);
    expect(chat.lines()[0]).toBe('Jawabannya terlalu panjang (17 huruf). Paling banyak 10 huruf.');
    expect(chat.answers()).toEqual({});
  });

  it('saves the trimmed text and ends the flow after the last step', () => {
    const chat = createChat([flow]);
    chat.start('intro');
    chat.text('   Siti \n  Ani  ');
    expect(chat.lines()).toEqual(['Terima kasih, Siti Ani']);
    expect(chat.state.frames).toEqual([]);
  });

  it('counts whitespace-only text as too short', () => {
    const chat = createChat([flow]);
    chat.start('intro');
    chat.text('   ');
    expect(chat.keys()[0]).toBe('common:invalid.text_short');
  });
});

describe('number steps', () => {
  const flow = defineFlow({
    id: 'count',
    version: 1,
    steps: [
      { id: 'minutes', kind: 'number', prompt: say('Berapa menit?'), max: 120 },
      { id: 'rating', kind: 'number', prompt: say('Nilai 1 sampai 5?'), min: 1, max: 5 },
      { id: 'done', kind: 'say', text: say('Selesai') },
    ],
  });

  it('reads digits with units, number words and zero', () => {
    const chat = createChat([flow]);
    chat.start('count');
    chat.text('15 menit');
    expect(chat.answers()).toEqual({ minutes: 15 });
    chat.text('kembali');
    chat.text('0');
    expect(chat.answers()).toEqual({ minutes: 0 });
    expect(chat.lines()).toEqual(['Nilai 1 sampai 5?']);
    chat.text('empat');
    expect(chat.lines()).toEqual(['Selesai']);
    expect(chat.state.frames).toEqual([]);
  });

  it('re-asks a non-number with an example, and a number out of range with the range', () => {
    const chat = createChat([flow]);
    chat.start('count');
    chat.text('sebentar saja');
    expect(chat.messages()[0]?.texts).toEqual([
      t('common:invalid.number', { example: 15 }),
      say('Berapa menit?'),
    ]);
    chat.text('1,5');
    expect(chat.keys()).toEqual(['common:invalid.number', 'test:Berapa menit?']);
    chat.text('500');
    expect(chat.messages()[0]?.texts[0]).toEqual(
      t('common:invalid.number_range', { min: 0, max: 120, example: 15 }),
    );
    chat.text('-3');
    expect(chat.keys()[0]).toBe('common:invalid.number_range');
    chat.text('30');
    chat.text('9');
    expect(chat.lines()[0]).toBe('Angkanya harus antara 1 dan 5. Contoh: 2');
  });

  it('treats "0" as the number zero, even below the minimum, not as "back"', () => {
    const chat = createChat([flow]);
    chat.start('count');
    chat.text('30');
    chat.text('0');
    expect(chat.keys()).toEqual(['common:invalid.number_range', 'test:Nilai 1 sampai 5?']);
    expect(chat.state.frames[0]?.step).toBe('rating');
  });
});

describe('choice steps', () => {
  const flow = defineFlow({
    id: 'need',
    version: 1,
    steps: [
      {
        id: 'need',
        kind: 'choice',
        prompt: say('Apa kebutuhan desa?'),
        options: [
          option('water', 'Air bersih'),
          option('road', 'Jalan desa'),
          option('power', 'Listrik'),
        ],
      },
      { id: 'more', kind: 'text', prompt: say('Ada lagi?') },
    ],
  });

  it('asks with numbered options tied to a token', () => {
    const chat = createChat([flow]);
    chat.start('need');
    expect(chat.options()).toEqual(['1. Air bersih', '2. Jalan desa', '3. Listrik']);
    expect(chat.messages()[0]?.choices?.token).toBe(chat.token());
    expect(chat.messages()[0]?.choices?.multiple).toBeUndefined();
  });

  it.each([
    ['2', 'road'],
    ['2.', 'road'],
    ['(2)', 'road'],
    ['2️⃣', 'road'],
    ['dua', 'road'],
    ['nomor 2', 'road'],
    ['jalan desa', 'road'],
    ['JALAN DESA!', 'road'],
    ['jalan dsa', 'road'],
    ['1', 'water'],
    ['air bersih', 'water'],
    ['listrk', 'power'],
  ])('reads %j as %j', (input, value) => {
    const chat = createChat([flow]);
    chat.start('need');
    chat.text(input);
    expect(chat.answers()).toEqual({ need: value });
    expect(chat.lines()).toEqual(['Ada lagi?']);
  });

  it('saves the label with the value', () => {
    const chat = createChat([flow]);
    chat.start('need');
    chat.text('2');
    expect(chat.state.frames[0]?.labels).toEqual({ need: say('Jalan desa') });
    expect(chat.state.frames[0]?.history).toEqual(['need']);
  });

  it('re-asks a number that is not an option, and text that matches no label', () => {
    const chat = createChat([flow]);
    chat.start('need');
    chat.text('5');
    expect(chat.messages()[0]?.texts).toEqual([
      t('common:invalid.choice', { count: 3 }),
      say('Apa kebutuhan desa?'),
    ]);
    expect(chat.options()).toHaveLength(3);
    chat.text('sekolah');
    expect(chat.keys()[0]).toBe('common:invalid.choice');
    expect(chat.lines()[0]).toBe('Pilihan itu tidak ada. Ketik angka 1 sampai 3.');
  });
});

describe('computed options', () => {
  const flow = defineFlow({
    id: 'where',
    version: 1,
    steps: [
      {
        id: 'area',
        kind: 'choice',
        prompt: say('Wilayah?'),
        options: [option('north', 'Utara'), option('south', 'Selatan')],
      },
      {
        id: 'village',
        kind: 'choice',
        prompt: say('Desa?'),
        options: (ctx) =>
          ctx.answers.area === 'north'
            ? [option('n1', 'Sukamaju'), option('n2', 'Sukadamai')]
            : [option('s1', 'Mekarsari')],
      },
    ],
  });

  it('offers options computed from earlier answers and reads them', () => {
    const chat = createChat([flow]);
    chat.start('where');
    chat.text('utara');
    expect(chat.options()).toEqual(['1. Sukamaju', '2. Sukadamai']);
    chat.text('sukadamai');
    expect(chat.state.frames).toEqual([]);

    chat.start('where');
    chat.text('2');
    expect(chat.options()).toEqual(['1. Mekarsari']);
    chat.text('2');
    expect(chat.keys()[0]).toBe('common:invalid.choice_one');
  });
});

describe('multi choice steps', () => {
  const flow = defineFlow({
    id: 'multi',
    version: 1,
    steps: [
      {
        id: 'needs',
        kind: 'multi',
        prompt: say('Apa saja?'),
        minSelected: 2,
        options: [
          option('water', 'Air bersih'),
          option('road', 'Jalan desa'),
          option('power', 'Listrik'),
          option('school', 'Sekolah'),
        ],
      },
      { id: 'more', kind: 'text', prompt: say('Ada lagi?') },
    ],
  });

  it('marks the question as multiple and reads several numbers', () => {
    const chat = createChat([flow]);
    chat.start('multi');
    expect(chat.messages()[0]?.choices?.multiple).toBe(true);
    chat.text('1,3');
    expect(chat.answers()).toEqual({ needs: ['water', 'power'] });
    expect(chat.state.frames[0]?.labels.needs).toEqual(
      t('common:list', { items: [say('Air bersih'), say('Listrik')] }),
    );
  });

  it.each([
    ['1 dan 4', ['water', 'school']],
    ['4 2', ['school', 'road']],
    ['satu, dua', ['water', 'road']],
    ['air bersih, sekolah', ['water', 'school']],
    ['Listrik dan jalan desa', ['power', 'road']],
  ])('reads %j', (input, values) => {
    const chat = createChat([flow]);
    chat.start('multi');
    chat.text(input);
    expect(chat.answers()).toEqual({ needs: values });
  });

  it('re-asks too few picks, unknown numbers and unknown labels', () => {
    const chat = createChat([flow]);
    chat.start('multi');
    chat.text('2');
    expect(chat.messages()[0]?.texts[0]).toEqual(t('common:invalid.multi_min', { min: 2 }));
    chat.text('1,7');
    expect(chat.messages()[0]?.texts[0]).toEqual(t('common:invalid.multi', { count: 4 }));
    chat.text('air, pasar');
    expect(chat.keys()[0]).toBe('common:invalid.multi');
    expect(chat.answers()).toEqual({});
  });

  it('holds a single button press to the minimum too', () => {
    const chat = createChat([flow]);
    chat.start('multi');
    chat.press(1);
    expect(chat.keys()[0]).toBe('common:invalid.multi_min');
    expect(chat.answers()).toEqual({});
  });
});

describe('yes/no steps', () => {
  const flow = defineFlow({
    id: 'yn',
    version: 1,
    steps: [
      {
        id: 'agree',
        kind: 'yesno',
        prompt: say('Setuju?'),
        next: { yes: 'yes_text', no: 'no_text' },
      },
      { id: 'yes_text', kind: 'say', text: say('Terima kasih'), next: END },
      { id: 'no_text', kind: 'say', text: say('Sayang sekali'), next: END },
    ],
  });

  it('offers Ya and Tidak as options 1 and 2', () => {
    const chat = createChat([flow]);
    chat.start('yn');
    expect(chat.options()).toEqual(['1. Ya', '2. Tidak']);
  });

  it.each([
    ['iya', 'Terima kasih'],
    ['ok', 'Terima kasih'],
    ['1', 'Terima kasih'],
    ['ya, benar', 'Terima kasih'],
    ['gak', 'Sayang sekali'],
    ['nggak', 'Sayang sekali'],
    ['2', 'Sayang sekali'],
  ])('branches on %j', (input, reply) => {
    const chat = createChat([flow]);
    chat.start('yn');
    chat.text(input);
    expect(chat.lines()).toEqual([reply]);
  });

  it('branches on buttons, saves a boolean and re-asks anything else', () => {
    const chat = createChat([flow]);
    chat.start('yn');
    chat.text('mungkin');
    expect(chat.keys()).toEqual(['common:invalid.yesno', 'test:Setuju?']);
    chat.press(3);
    expect(chat.messages()[0]?.texts[0]).toEqual(t('common:invalid.choice_two'));
    chat.press(2);
    expect(chat.lines()).toEqual(['Sayang sekali']);
  });
});
