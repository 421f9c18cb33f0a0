import { describe, expect, it } from 'vitest';
import { defineFlow, goto } from '../../../src/core/flow/types.js';
import { t } from '../../../src/core/messages.js';
import { createChat, option, say } from './chat.js';

describe('photo steps', () => {
  const flow = defineFlow({
    id: 'photos',
    version: 1,
    steps: [
      { id: 'one', kind: 'photo', prompt: say('Kirim satu foto') },
      { id: 'many', kind: 'photo', prompt: say('Kirim sampai 3 foto'), max: 3 },
      { id: 'maybe', kind: 'photo', prompt: say('Foto tambahan?'), min: 0, max: 2 },
      { id: 'end', kind: 'text', prompt: say('Catatan?') },
    ],
  });

  it('takes a single photo and moves on', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    expect(chat.messages()).toEqual([{ texts: [say('Kirim satu foto')], expect: 'photo' }]);
    chat.photo('m1');
    expect(chat.answers()).toEqual({ one: ['m1'] });
    expect(chat.lines()).toEqual(['Kirim sampai 3 foto']);
  });

  it('collects several photos up to the maximum', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    chat.photo('m1');
    chat.photo('m2');
    expect(chat.messages()).toEqual([
      { texts: [t('common:photo.more', { count: 1, max: 3 })], expect: 'photo' },
    ]);
    chat.photo('m3');
    expect(chat.lines()).toEqual([
      'Foto 2 dari 3 diterima. Kirim foto lagi, atau ketik *selesai*.',
    ]);
    chat.photo('m4');
    expect(chat.answers()).toMatchObject({ many: ['m2', 'm3', 'm4'] });
    expect(chat.lines()[0]).toBe('Foto tambahan?');
  });

  it('finishes with "selesai" after at least one photo', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    chat.photo('m1');
    chat.text('selesai');
    expect(chat.messages()[0]?.texts).toEqual([
      t('common:invalid.photo_min', { min: 1 }),
      say('Kirim sampai 3 foto'),
    ]);
    chat.photo('m2');
    chat.text('Selesai.');
    expect(chat.answers()).toMatchObject({ many: ['m2'] });
    expect(chat.lines()).toEqual(['Foto tambahan?', 'Tidak ada foto? Ketik *lewati*.']);
  });

  it('skips an optional photo question with "lewati"', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    chat.photo('m1');
    chat.photo('m2');
    chat.text('selesai');
    chat.text('lewati');
    expect(chat.answers()).toEqual({ one: ['m1'], many: ['m2'], maybe: [] });
    expect(chat.lines()).toEqual(['Catatan?']);
  });

  it('re-asks when text arrives at a photo question', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    chat.text('fotonya nanti');
    expect(chat.messages()).toEqual([
      { texts: [t('common:invalid.photo'), say('Kirim satu foto')], expect: 'photo' },
    ]);
    chat.photo('m1');
    chat.photo('m2');
    chat.text('selesai');
    chat.text('belum ada');
    expect(chat.keys()).toEqual([
      'common:invalid.photo_optional',
      'test:Foto tambahan?',
      'common:photo.optional',
    ]);
  });

  it('keeps the photos collected so far across help', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    chat.photo('m1');
    chat.photo('m2');
    chat.text('bantuan');
    expect(chat.keys()).toEqual([
      'test:Teks bantuan',
      'test:Kirim sampai 3 foto',
      'common:photo.more',
    ]);
    chat.photo('m3');
    chat.text('selesai');
    expect(chat.answers()).toMatchObject({ many: ['m2', 'm3'] });
  });

  it('starts a photo question afresh after "kembali", so new photos replace the old', () => {
    const chat = createChat([flow]);
    chat.start('photos');
    chat.photo('m1');
    chat.text('kembali');
    expect(chat.messages()[0]?.texts).toEqual([
      t('common:back.previous', { answer: t('common:answer.photos', { count: 1 }) }),
      say('Kirim satu foto'),
    ]);
    chat.photo('m2');
    expect(chat.answers()).toEqual({ one: ['m2'] });
  });
});

describe('location steps', () => {
  const flow = defineFlow({
    id: 'where',
    version: 1,
    steps: [
      { id: 'pin', kind: 'location', prompt: say('Bagikan lokasi') },
      { id: 'place', kind: 'location', prompt: say('Di mana?'), allowText: true, optional: true },
      { id: 'end', kind: 'text', prompt: say('Catatan?') },
    ],
  });

  it('takes a shared pin', () => {
    const chat = createChat([flow]);
    chat.start('where');
    expect(chat.messages()).toEqual([{ texts: [say('Bagikan lokasi')], expect: 'location' }]);
    chat.location(-6.2, 106.8);
    expect(chat.answers()).toEqual({ pin: { latitude: -6.2, longitude: 106.8 } });
    expect(chat.messages()).toEqual([
      { texts: [say('Di mana?'), t('common:location.optional')], expect: 'location' },
    ]);
  });

  it('keeps the pin label when the platform gives one', () => {
    const chat = createChat([flow]);
    chat.start('where');
    chat.input({ type: 'location', latitude: 1, longitude: 2, label: 'Balai desa' });
    expect(chat.answers()).toEqual({ pin: { latitude: 1, longitude: 2, label: 'Balai desa' } });
  });

  it('asks again for a pin that cannot be on the map, and saves nothing', () => {
    const chat = createChat([flow]);
    chat.start('where');
    for (const [latitude, longitude] of [
      [999, 999],
      [-91, 106.8],
      [-6.2, 180.5],
      [Number.NaN, 106.8],
      [-6.2, Number.POSITIVE_INFINITY],
    ] as const) {
      chat.input({ type: 'location', latitude, longitude });
      const keys = chat.keys();
      expect(keys[0]).toBe('common:invalid.location_range');
      expect(keys.at(-1)).toBe('test:Bagikan lokasi');
    }
    expect(chat.answers()).toEqual({});
  });

  it('keeps a pin outside Indonesia and says so; a pin at its edges passes silently', () => {
    const chat = createChat([flow]);
    chat.start('where');
    chat.location(51.5, -0.12);
    expect(chat.answers()).toEqual({ pin: { latitude: 51.5, longitude: -0.12 } });
    expect(chat.keys()).toEqual([
      'common:location.outside_indonesia',
      'test:Di mana?',
      'common:location.optional',
    ]);
    chat.text('kembali');
    chat.keys();
    chat.location(-10.9, 140.9);
    expect(chat.answers()).toEqual({ pin: { latitude: -10.9, longitude: 140.9 } });
    expect(chat.keys()).toEqual(['test:Di mana?', 'common:location.optional']);
  });

  it('refuses typed text when text is not allowed', () => {
    const chat = createChat([flow]);
    chat.start('where');
    chat.text('dekat masjid');
    expect(chat.keys()).toEqual(['common:invalid.location', 'test:Bagikan lokasi']);
    chat.text('lewati');
    expect(chat.keys()[0]).toBe('common:invalid.location');
  });

  it('takes typed text when allowed, and "lewati" when optional', () => {
    const chat = createChat([flow]);
    chat.start('where');
    chat.location(1, 2);
    chat.text('  Dekat masjid Al-Ikhlas ');
    expect(chat.answers()).toMatchObject({ place: { text: 'Dekat masjid Al-Ikhlas' } });
    chat.text('kembali');
    chat.text('ab');
    expect(chat.keys()[0]).toBe('common:invalid.location_text');
    chat.text('lewati');
    expect(chat.answers()).toMatchObject({ place: null });
    expect(chat.lines()).toEqual(['Catatan?']);
  });
});

describe('what does not fit the question', () => {
  const flow = defineFlow({
    id: 'ask',
    version: 1,
    steps: [
      { id: 'name', kind: 'text', prompt: say('Nama?') },
      {
        id: 'pick',
        kind: 'choice',
        prompt: say('Pilih'),
        options: [option('a', 'Apel'), option('b', 'Jeruk')],
      },
    ],
  });

  it('thanks for a photo it does not need and asks again', () => {
    const chat = createChat([flow]);
    chat.start('ask');
    chat.photo('m1');
    expect(chat.messages()).toEqual([{ texts: [t('common:unexpected.photo'), say('Nama?')] }]);
    chat.location(1, 2);
    expect(chat.keys()).toEqual(['common:unexpected.location', 'test:Nama?']);
    expect(chat.answers()).toEqual({});
  });

  it('names a sticker or voice note it cannot read and asks again', () => {
    const chat = createChat([flow]);
    chat.start('ask');
    chat.input({ type: 'unsupported', kind: 'sticker' });
    expect(chat.messages()).toEqual([{ texts: [t('common:unsupported.sticker'), say('Nama?')] }]);
    chat.text('Siti');
    chat.input({ type: 'unsupported', kind: 'voice' });
    expect(chat.keys()).toEqual(['common:unsupported.voice', 'test:Pilih']);
    expect(chat.options()).toEqual(['1. Apel', '2. Jeruk']);
  });
});

describe('button presses', () => {
  const flow = defineFlow({
    id: 'fruit',
    version: 1,
    steps: [
      {
        id: 'pick',
        kind: 'choice',
        prompt: say('Pilih buah'),
        options: [option('a', 'Apel'), option('b', 'Jeruk')],
      },
      { id: 'more', kind: 'yesno', prompt: say('Lagi?') },
    ],
  });

  it('answers the question the button belongs to', () => {
    const chat = createChat([flow]);
    chat.start('fruit');
    chat.press(2);
    expect(chat.answers()).toEqual({ pick: 'b' });
    chat.press(1);
    expect(chat.state.frames).toEqual([]);
  });

  it('ignores a button of a question already answered', () => {
    const chat = createChat([flow]);
    chat.start('fruit');
    const old = chat.token();
    chat.press(1);
    const before = chat.state;
    chat.press(2, old);
    expect(chat.messages()).toEqual([{ texts: [t('common:choice.stale')] }]);
    expect(chat.state).toEqual(before);
  });

  it('ignores a button of the same question asked before a re-ask', () => {
    const chat = createChat([flow]);
    chat.start('fruit');
    const old = chat.token();
    chat.text('9');
    expect(chat.token()).not.toBe(old);
    chat.press(1, old);
    expect(chat.keys()).toEqual(['common:choice.stale']);
  });

  it('ignores a button from another flow, even at the same depth and count', () => {
    const hub = defineFlow({
      id: 'hub',
      version: 1,
      steps: [
        {
          id: 'go',
          kind: 'choice',
          prompt: say('Ke mana?'),
          options: [option('fruit', 'Buah'), option('stay', 'Di sini')],
          next: { fruit: goto('fruit') },
        },
      ],
    });
    const chat = createChat([hub, flow]);
    chat.start('hub');
    const hubToken = chat.token();
    chat.press(1);
    expect(chat.lines()).toEqual(['Pilih buah']);
    chat.press(2, hubToken);
    expect(chat.keys()).toEqual(['common:choice.stale']);
    expect(chat.answers()).toEqual({});
  });

  it('ignores an old button after the conversation starts over', () => {
    const chat = createChat([flow]);
    chat.start('fruit');
    const first = chat.token();
    chat.text('batal');
    chat.start('fruit');
    expect(chat.token()).not.toBe(first);
  });
});
