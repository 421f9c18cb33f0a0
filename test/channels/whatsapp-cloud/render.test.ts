import { describe, expect, it } from 'vitest';
import { choiceId, parseCloudMessage } from '../../../src/channels/whatsapp-cloud/parse.js';
import { renderCloudMessage } from '../../../src/channels/whatsapp-cloud/render.js';
import type { RenderedMessage } from '../../../src/core/messages.js';

const options = (...labels: string[]) =>
  labels.map((label, index) => ({ number: index + 1, label }));
const question = (...labels: string[]): RenderedMessage => ({
  texts: ['Pilih satu:'],
  choices: { token: 'q1', options: options(...labels) },
  choiceHint: 'Balas dengan angka pilihan Anda.',
});
const kindOf = (message: RenderedMessage) => {
  const last = renderCloudMessage(message, 'Lihat pilihan').at(-1);
  const body =
    last?.type === 'body'
      ? (last.body as { type: string; interactive?: { type: string } })
      : undefined;
  return body?.type === 'interactive' ? body.interactive?.type : body?.type;
};

describe('Cloud API rendering', () => {
  it('uses reply buttons for up to 3 options of at most 20 characters, with the numbered text', () => {
    const [part] = renderCloudMessage(question('Ya', 'Tidak', 'Dua puluh karakter!!'), 'Lihat');
    expect(part).toEqual({
      type: 'body',
      body: {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: {
            text: 'Pilih satu:\n\n1. Ya\n2. Tidak\n3. Dua puluh karakter!!\n\n_Balas dengan angka pilihan Anda._',
          },
          action: {
            buttons: [
              { type: 'reply', reply: { id: choiceId('q1', 1), title: 'Ya' } },
              { type: 'reply', reply: { id: choiceId('q1', 2), title: 'Tidak' } },
              { type: 'reply', reply: { id: choiceId('q1', 3), title: 'Dua puluh karakter!!' } },
            ],
          },
        },
      },
    });
  });

  it('uses a list for up to 10 rows of at most 24 characters, else text alone', () => {
    expect(kindOf(question('Ya', 'Tidak', 'Dua puluh satu karakter'))).toBe('list');
    expect(kindOf(question('1', '2', '3', '4'))).toBe('list');
    const ten = Array.from({ length: 10 }, (_, i) => `Pilihan nomor ${i + 1}`);
    expect(kindOf(question(...ten))).toBe('list');
    expect(kindOf(question(...ten, 'Pilihan sebelas'))).toBe('text');
    expect(kindOf(question('Ya', 'Dua puluh lima karakter!!'))).toBe('text');
    expect(
      kindOf({
        ...question('Ya', 'Tidak'),
        choices: { token: 'q', options: options('Ya', 'Tidak'), multiple: true },
      }),
    ).toBe('text');
    expect(
      kindOf({ texts: ['x'.repeat(1_100)], choices: { token: 'q', options: options('Ya') } }),
    ).toBe('text');
  });

  it('reads button and list replies as the choice they name, and titles as text', () => {
    const reply = (type: 'button_reply' | 'list_reply', id: string, title: string) =>
      parseCloudMessage({
        from: '6281234567890',
        id: 'wamid.1',
        type: 'interactive',
        interactive: { type, [type]: { id, title } },
      });
    expect(reply('button_reply', choiceId('q:1', 2), 'Tidak')).toEqual({
      type: 'payload',
      payload: { type: 'choice', token: 'q:1', number: 2 },
    });
    expect(reply('list_reply', 'other', 'Jalan rusak')).toEqual({
      type: 'payload',
      payload: { type: 'text', text: 'Jalan rusak' },
    });
  });
});
