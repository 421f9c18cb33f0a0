import { describe, expect, it } from 'vitest';
import { renderForTelegram, shorten } from '../../../src/channels/telegram/render.js';
import type { RenderedMessage } from '../../../src/core/messages.js';

const encode = ({ token, number }: { token: string; number: number }) => `c|${token}|${number}|x`;
const options = { encode, locationButton: '📍 Kirim lokasi saya', locationKeyboardOpen: false };
const question: RenderedMessage = {
  texts: ['Saran Anda tentang apa?'],
  choices: {
    token: '1.2',
    options: [
      { number: 1, label: 'Ya' },
      { number: 2, label: 'Tidak' },
    ],
  },
  choiceHint: 'Balas dengan angka pilihan Anda.',
};

describe('rendering for Telegram', () => {
  it('keeps the numbered text and adds buttons, two short ones to a row', () => {
    const { parts } = renderForTelegram(question, options);
    expect(parts).toHaveLength(1);
    expect(parts[0]?.text).toContain('1. Ya\n2. Tidak');
    expect(parts[0]?.text).toContain('_Balas dengan angka pilihan Anda._');
    expect(parts[0]?.replyMarkup).toEqual({
      inline_keyboard: [
        [
          { text: '1. Ya', callback_data: 'c|1.2|1|x' },
          { text: '2. Tidak', callback_data: 'c|1.2|2|x' },
        ],
      ],
    });
  });

  it('puts long labels one to a row, shortened', () => {
    const long = 'Cara memakai Sapa Desa dengan sangat rinci sekali';
    const message: RenderedMessage = {
      texts: ['?'],
      choices: { token: 't', options: [{ number: 1, label: long }] },
    };
    const markup = renderForTelegram(message, options).parts[0]?.replyMarkup as {
      inline_keyboard: { text: string }[][];
    };
    expect(markup.inline_keyboard[0]?.[0]?.text).toBe(shorten(`1. ${long}`, 32));
    expect(Array.from(markup.inline_keyboard[0]?.[0]?.text ?? '')).toHaveLength(32);
  });

  it('gives multiple-answer questions no buttons (they are typed)', () => {
    const multi = {
      ...question,
      choices: { ...question.choices, multiple: true },
    } as RenderedMessage;
    expect(renderForTelegram(multi, options).parts[0]?.replyMarkup).toBeUndefined();
  });

  it('splits long texts at 4096 characters, buttons under the last part', () => {
    const message: RenderedMessage = { ...question, texts: ['kata '.repeat(2000)] };
    const { parts } = renderForTelegram(message, options);
    expect(parts.length).toBe(3);
    for (const part of parts) expect(part.text.length).toBeLessThanOrEqual(4096);
    expect(parts[0]?.replyMarkup).toBeUndefined();
    expect(parts[2]?.replyMarkup).toHaveProperty('inline_keyboard');
  });

  it('offers the share-location button, then removes it', () => {
    const asked = renderForTelegram({ texts: ['Di mana?'], expect: 'location' }, options);
    expect(asked.locationKeyboardOpen).toBe(true);
    expect(asked.parts[0]?.replyMarkup).toEqual({
      keyboard: [[{ text: '📍 Kirim lokasi saya', request_location: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });
    const open = { ...options, locationKeyboardOpen: true };
    const thanks = renderForTelegram({ texts: ['Terima kasih'] }, open);
    expect(thanks.parts[0]?.replyMarkup).toEqual({ remove_keyboard: true });
    expect(thanks.locationKeyboardOpen).toBe(false);
    const next = renderForTelegram(question, open);
    expect(next.parts[0]?.replyMarkup).toEqual({ remove_keyboard: true });
    expect(next.inlineAfter?.inline_keyboard[0]).toHaveLength(2);
  });
});
