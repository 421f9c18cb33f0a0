import { Api, GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { createCallbackSigner } from '../../../src/channels/telegram/callback-data.js';
import { createTelegramSender, sendResultOf } from '../../../src/channels/telegram/sender.js';
import { startFakeBotApi } from '../../support/fake-bot-api.js';
import { silentLogger } from '../../support/harness.js';

const apiError = (error_code: number, description: string, parameters = {}) =>
  new GrammyError('failed', { ok: false, error_code, description, parameters }, 'sendMessage', {});

describe('send results from Bot API errors', () => {
  it('waits as long as a 429 says', () => {
    expect(sendResultOf(apiError(429, 'Too Many Requests', { retry_after: 7 }))).toMatchObject({
      type: 'retry',
      afterMs: 7000,
    });
  });

  it('retries 5xx and network failures with backoff', () => {
    expect(sendResultOf(apiError(502, 'Bad Gateway'))).toMatchObject({ type: 'retry' });
    expect(sendResultOf(apiError(502, 'Bad Gateway'))).not.toHaveProperty('afterMs');
    expect(
      sendResultOf(new HttpError('Network request failed', new Error('ECONNRESET'))),
    ).toMatchObject({
      type: 'retry',
    });
  });

  it('marks blocked and vanished chats unreachable, gives up other 400s', () => {
    const blocked = apiError(403, 'Forbidden: bot was blocked by the user');
    expect(sendResultOf(blocked)).toEqual({
      type: 'failed',
      error: 'telegram 403: Forbidden: bot was blocked by the user',
      unreachable: true,
    });
    expect(sendResultOf(apiError(400, 'Bad Request: chat not found'))).toMatchObject({
      unreachable: true,
    });
    expect(sendResultOf(apiError(400, 'Bad Request: message is too long'))).toEqual({
      type: 'failed',
      error: 'telegram 400: Bad Request: message is too long',
    });
  });
});

describe('taking the keyboard off a pressed message', () => {
  async function senderWith(spare: boolean) {
    const fake = await startFakeBotApi();
    const takes: number[] = [];
    const sender = createTelegramSender({
      api: new Api(fake.token, { apiRoot: fake.apiRoot }),
      pace: { take: async () => void takes.push(1), pause: () => {}, spare: () => spare },
      signer: createCallbackSigner(fake.token),
      translate: (text) => text.key,
      defaultLanguage: 'id',
      logger: silentLogger,
    });
    return { fake, sender, takes };
  }

  it('is not a paced call: it takes no turn of the send pace', async () => {
    const { fake, sender, takes } = await senderWith(true);
    try {
      await sender.removeKeyboard(42, 7);
      expect(fake.callsOf('editMessageReplyMarkup').map((c) => c.params)).toEqual([
        { chat_id: 42, message_id: 7 },
      ]);
      expect(takes).toEqual([]);
    } finally {
      await fake.close();
    }
  });

  it('is left out when the pace has no room to spare', async () => {
    const { fake, sender, takes } = await senderWith(false);
    try {
      await sender.removeKeyboard(42, 7);
      expect(fake.callsOf('editMessageReplyMarkup')).toEqual([]);
      expect(takes).toEqual([]);
    } finally {
      await fake.close();
    }
  });
});
