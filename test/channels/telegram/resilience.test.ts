import { afterAll, describe, expect, it } from 'vitest';
import { eventually, startTelegramTest, type TelegramTest } from './setup.js';

describe('Telegram channel when Telegram misbehaves', () => {
  const started: TelegramTest[] = [];
  afterAll(async () => {
    for (const t of started) await t.close();
  });

  it('keeps trying when Telegram is unreachable at start, and polling outlives failures', async () => {
    const t = await startTelegramTest({
      restartDelayMs: 100,
      beforeStart: (fake) => {
        fake.failNext('getMe', { status: 502, description: 'Bad Gateway' });
        fake.failNext('getMe', { status: 502, description: 'Bad Gateway' });
      },
    });
    started.push(t);
    await eventually(() => t.fake.callsOf('getUpdates').length > 0, 'polling');
    expect(t.fake.callsOf('getMe').length).toBeGreaterThanOrEqual(3);

    // A 500 is retried by the runner itself; a 409 (another poller, a webhook) stops the
    // runner, and the channel starts it again.
    t.fake.failNext('getUpdates', { status: 500, description: 'Internal Server Error' });
    t.fake.failNext('getUpdates', {
      status: 409,
      description: 'Conflict: terminated by other getUpdates request',
    });
    const polls = t.fake.callsOf('getUpdates').length;
    await eventually(() => t.fake.callsOf('getUpdates').length > polls + 2, 'polling again');
    expect(t.fake.callsOf('deleteWebhook')).toHaveLength(2);
    const chat = t.fake.chat(6001);
    chat.say('/start');
    expect((await chat.next())[0]?.text).toContain('Pilih bahasa');
    expect(await t.telegram.health()).toEqual({ status: 'up' });
  });

  it('reports itself down while it cannot start', async () => {
    const t = await startTelegramTest({
      restartDelayMs: 60_000,
      beforeStart: (fake) => fake.failNext('getMe', { status: 401, description: 'Unauthorized' }),
    });
    started.push(t);
    expect(await t.telegram.health()).toEqual({
      status: 'down',
      detail: 'start-up: getMe: 401 Unauthorized',
    });
  });
});
