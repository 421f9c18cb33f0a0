import { Bot } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallbackSigner } from '../../../src/channels/telegram/callback-data.js';
import { createPace } from '../../../src/channels/telegram/pace.js';
import {
  createTelegramSender,
  type TelegramSender,
} from '../../../src/channels/telegram/sender.js';
import type { RenderedMessage } from '../../../src/core/messages.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { silentLogger } from '../../support/harness.js';
import { jpeg } from './setup.js';

const REPORT: RenderedMessage = {
  texts: ['*LP-7KQ3M* · Pengaduan'],
  attachments: [
    { type: 'photo', mediaId: 'from-telegram' },
    { type: 'photo', mediaId: 'from-whatsapp' },
    { type: 'photo', mediaId: 'erased' },
    { type: 'location', latitude: -6.2, longitude: 106.8 },
  ],
};

describe('Telegram attachments', () => {
  let fake: FakeBotApi;
  let sender: TelegramSender;
  let picture: Buffer;
  beforeAll(async () => {
    fake = await startFakeBotApi();
    picture = await jpeg();
    const api = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } }).api;
    sender = createTelegramSender({
      api,
      pace: createPace(Number.POSITIVE_INFINITY),
      signer: createCallbackSigner(fake.token),
      translate: (text) => text.key,
      defaultLanguage: 'id',
      logger: silentLogger,
      loadPhoto: async (mediaId) => {
        if (mediaId === 'from-telegram') return { fileId: 'AgAD-telegram-file' };
        if (mediaId === 'from-whatsapp') return { bytes: picture };
        return undefined;
      },
    });
  });
  afterAll(() => fake.close());

  it('sends the text, each photo (by file id, or uploaded), skips a gone one, then the pin', async () => {
    expect(await sender.send('3001', REPORT)).toEqual({ type: 'sent' });
    const sent = fake.sent.filter((m) => m.chatId === 3001);
    expect(sent.map((m) => m.photo ?? m.location ?? m.text)).toEqual([
      '<b>LP-7KQ3M</b> · Pengaduan',
      'AgAD-telegram-file',
      `upload:${picture.byteLength}`,
      { latitude: -6.2, longitude: 106.8 },
    ]);
  });

  it('after a failure, sends again only what did not go out', async () => {
    fake.failNext('sendPhoto', { status: 502, description: 'Bad Gateway' });
    expect(await sender.send('3002', REPORT)).toMatchObject({ type: 'retry' });
    expect(await sender.send('3002', REPORT)).toEqual({ type: 'sent' });
    const sent = fake.sent.filter((m) => m.chatId === 3002);
    expect(sent.map((m) => m.photo ?? (m.location ? 'pin' : 'text'))).toEqual([
      'text',
      'AgAD-telegram-file',
      `upload:${picture.byteLength}`,
      'pin',
    ]);
  });
});
