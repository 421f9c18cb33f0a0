import { describe, expect, it } from 'vitest';
import {
  neutraliseFormatting,
  renderWhatsappMessage,
  WHATSAPP_MAX_TEXT_CHARS,
} from '../../../src/channels/whatsapp/render.js';

describe('WhatsApp rendering', () => {
  it('renders numbered options, keeps the locale formatting, neutralises it in labels', () => {
    const [text, ...rest] = renderWhatsappMessage({
      texts: ['Selamat datang di *Sapa Desa*'],
      choices: {
        token: 't1',
        options: [
          { number: 1, label: 'Desa *Suka_Maju*' },
          { number: 2, label: 'Bantuan' },
        ],
      },
      choiceHint: 'Balas dengan angka pilihan Anda.',
    });
    expect(rest).toEqual([]);
    expect(text).toBe(
      [
        'Selamat datang di *Sapa Desa*',
        '',
        '1. Desa \u2217Suka\u02cdMaju\u2217',
        '2. Bantuan',
        '',
        '_Balas dengan angka pilihan Anda._',
      ].join('\n'),
    );
  });

  it('replaces every formatting character with a look-alike', () => {
    expect(neutraliseFormatting('*a* _b_ ~c~ `d` ```e```')).not.toMatch(/[*_~`]/);
  });

  it('splits long texts into parts WhatsApp shows comfortably', () => {
    const paragraph = 'Kata '.repeat(300).trim();
    const parts = renderWhatsappMessage({ texts: Array(8).fill(paragraph) });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(WHATSAPP_MAX_TEXT_CHARS);
    expect(parts.join(' ').replace(/\s+/g, ' ')).toBe(Array(8).fill(paragraph).join(' '));
  });

  it('sends nothing for an empty message', () => {
    expect(renderWhatsappMessage({ texts: [] })).toEqual([]);
  });
});
