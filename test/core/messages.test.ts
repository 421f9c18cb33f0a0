import { describe, expect, it } from 'vitest';
import { appendMessage, type Outbound, t } from '../../src/core/messages.js';

const said: Outbound = { texts: [t('common:cancelled')] };
const question: Outbound = {
  texts: [t('common:list', { items: 'Q' })],
  choices: { token: 'q1', options: [{ number: 1, label: t('common:list', { items: 'A' }) }] },
};
const photo: Outbound = {
  texts: [t('common:list', { items: 'P' })],
  attachments: [{ type: 'photo', mediaId: 'm1' }],
};
const progress: Outbound = { texts: [t('common:list', { items: '1/2' })], inPlace: { key: 'b1' } };

function reply(...messages: Outbound[]): Outbound[] {
  const out: Outbound[] = [];
  for (const message of messages) appendMessage(out, message);
  return out;
}

describe('the messages of one reply', () => {
  it('join a text alone to what follows it, question and all', () => {
    expect(reply(said, said, question)).toEqual([
      { ...question, texts: [...said.texts, ...said.texts, ...question.texts] },
    ]);
  });

  it('keep a question, a picture or an in-place message apart from what follows', () => {
    expect(reply(question, said)).toHaveLength(2);
    expect(reply(photo, question)).toHaveLength(2);
    expect(reply(progress, said)).toHaveLength(2);
    expect(reply(said, progress)).toEqual([said, progress]);
  });

  it('put a text alone before a picture, which is shown after all the text', () => {
    expect(reply(said, photo)).toEqual([{ ...photo, texts: [...said.texts, ...photo.texts] }]);
  });
});
