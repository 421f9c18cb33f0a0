import { describe, expect, it } from 'vitest';
import { flows } from '../../../flows/index.js';
import { createChat } from './chat.js';

describe('the app flows on the bare engine', () => {
  it('walk the feedback flow forwards and backwards to its saving call', () => {
    const chat = createChat(flows);
    chat.text('halo');
    expect(chat.stack()).toEqual(['menu']);
    chat.text('enam');
    expect(chat.stack()).toEqual(['feedback']);
    chat.text('ide fitur bru');
    expect(chat.answers()).toEqual({ topic: 'idea' });
    chat.text('pendek');
    expect(chat.keys()[0]).toBe('common:invalid.text_short');
    chat.text('kembali');
    expect(chat.lines()[0]).toBe(
      'Jawaban Anda sebelumnya: Ide fitur baru. Kirim jawaban baru di bawah ini.',
    );
    chat.text('4');
    chat.text('Menu laporan belum ada di aplikasi');
    chat.text('9');
    expect(chat.lines()[0]).toBe('Angkanya harus antara 1 dan 5. Contoh: 2');
    chat.text('empat');
    expect(chat.keys()).toEqual(['feedback:photos.prompt', 'common:photo.optional']);
    chat.text('lewati');
    chat.text('iya');
    expect(chat.lines()[0]).toContain('Menu laporan belum ada di aplikasi');
    chat.press(1);
    expect(chat.effects).toEqual([
      {
        type: 'call',
        action: 'feedback.save',
        input: {
          topic: 'problem',
          message: 'Menu laporan belum ada di aplikasi',
          rating: 4,
          photos: [],
          wants_reply: true,
        },
      },
    ]);
    chat.result({ outcome: 'saved' });
    expect(chat.keys()).toEqual(['feedback:thanks', 'menu:prompt']);
    expect(chat.stack()).toEqual(['menu']);
  });

  it('open help and return to the menu question', () => {
    const chat = createChat(flows);
    chat.command('menu');
    chat.text('8');
    expect(chat.keys()).toEqual(['help:text', 'menu:prompt']);
    expect(chat.stack()).toEqual(['menu']);
  });
});
