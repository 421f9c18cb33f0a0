import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flows as appFlows } from '../../../flows/index.js';
import { defineFlow } from '../../../src/core/flow/types.js';
import { t as text } from '../../../src/core/messages.js';
import { buttons } from './conversation.js';
import { eventually, startTelegramTest, type TelegramTest } from './setup.js';

/** A flow with a location step followed by a question with buttons. */
const placeFlow = defineFlow({
  id: 'place',
  version: 1,
  steps: [
    { id: 'where', kind: 'location', prompt: text('common:invalid.location') },
    { id: 'sure', kind: 'yesno', prompt: text('feedback:wants_reply.prompt') },
    { id: 'bye', kind: 'say', text: text('feedback:discarded') },
  ],
});

describe('Telegram location steps', () => {
  let t: TelegramTest;
  beforeAll(async () => {
    t = await startTelegramTest({ flows: [...appFlows, placeFlow], entryFlow: 'place' });
  });
  afterAll(() => t.close());

  it('offers the share-location button, takes the pin, then takes the button away', async () => {
    const chat = t.fake.chat(4001);
    chat.say('halo');
    const [ask] = await chat.next();
    expect(ask?.text).toContain('Mohon bagikan lokasi');
    expect(ask?.replyMarkup).toEqual({
      keyboard: [[{ text: '📍 Kirim lokasi saya', request_location: true }]],
      resize_keyboard: true,
      one_time_keyboard: true,
    });

    chat.send({ location: { latitude: -6.2, longitude: 106.8 } });
    const [next] = await chat.next();
    expect(next?.text).toContain('ingin dihubungi');
    expect(next?.replyMarkup).toEqual({ remove_keyboard: true });
    await eventually(
      () => t.fake.keyboardOf(4001, next?.messageId ?? 0) !== undefined,
      'the buttons',
    );
    expect(
      t.fake
        .keyboardOf(4001, next?.messageId ?? 0)
        ?.inline_keyboard.flat()
        .map((b) => b.text),
    ).toEqual(['1. Ya', '2. Tidak']);

    chat.press(2);
    const [bye] = await chat.next();
    expect(bye?.text).toContain('Baik, saran tidak dikirim.');
    expect(buttons(bye)).toEqual([]);
    expect(bye?.replyMarkup).toBeUndefined();
  });
});
