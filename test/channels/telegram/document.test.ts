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

const ICS = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n';
const CALENDAR: RenderedMessage = {
  texts: ['📎 Berkas kalender *bimtek.ics* terlampir'],
  attachments: [
    { type: 'document', fileName: 'bimtek.ics', mimeType: 'text/calendar', content: ICS },
  ],
};

describe('Telegram documents', () => {
  let fake: FakeBotApi;
  let sender: TelegramSender;
  beforeAll(async () => {
    fake = await startFakeBotApi();
    const api = new Bot(fake.token, { client: { apiRoot: fake.apiRoot } }).api;
    sender = createTelegramSender({
      api,
      pace: createPace(Number.POSITIVE_INFINITY),
      signer: createCallbackSigner(fake.token),
      translate: (text) => text.key,
      defaultLanguage: 'id',
      logger: silentLogger,
    });
  });
  afterAll(() => fake.close());

  it('uploads a document after the text, with its content', async () => {
    expect(await sender.send('4001', CALENDAR)).toEqual({ type: 'sent' });
    const sent = fake.sent.filter((m) => m.chatId === 4001);
    expect(sent.map((m) => m.document ?? m.text)).toEqual([
      '📎 Berkas kalender <b>bimtek.ics</b> terlampir',
      ICS,
    ]);
  });

  it('after a failed upload, sends again only the document', async () => {
    fake.failNext('sendDocument', { status: 502, description: 'Bad Gateway' });
    expect(await sender.send('4002', CALENDAR)).toMatchObject({ type: 'retry' });
    expect(await sender.send('4002', CALENDAR)).toEqual({ type: 'sent' });
    const sent = fake.sent.filter((m) => m.chatId === 4002);
    expect(sent.map((m) => (m.document ? 'document' : 'text'))).toEqual(['text', 'document']);
  });
});
