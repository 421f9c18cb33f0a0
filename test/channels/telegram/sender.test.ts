import { GrammyError, HttpError } from 'grammy';
import { describe, expect, it } from 'vitest';
import { sendResultOf } from '../../../src/channels/telegram/sender.js';

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
