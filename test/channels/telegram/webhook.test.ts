import { eq } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelIdentities, inboundMessages } from '../../../src/db/schema/index.js';
import { walkFeedbackFlow, walkOnboarding } from './conversation.js';
import { quietFor, startTelegramTest, type TelegramTest, WEBHOOK_SECRET } from './setup.js';

describe('Telegram channel, webhook mode against a fake Bot API', () => {
  let t: TelegramTest;
  beforeAll(async () => {
    t = await startTelegramTest({ webhook: true });
  });
  afterAll(() => t.close());

  function textUpdate(chatId: number, messageId: number, text: string): Update {
    const chat = { id: chatId, type: 'private' as const, first_name: 'Warga' };
    return {
      update_id: t.fake.nextUpdateId(),
      message: {
        message_id: messageId,
        date: 0,
        chat,
        from: { id: chatId, is_bot: false, first_name: 'Warga' },
        text,
      },
    };
  }

  it('registers the webhook with its secret once the server listens; reports health', async () => {
    expect(t.fake.webhook()).toEqual({
      url: `http://127.0.0.1:${t.http?.port}/telegram/webhook`,
      secret: WEBHOOK_SECRET,
    });
    expect(t.fake.callsOf('getUpdates')).toHaveLength(0);
    const health = await fetch(`http://127.0.0.1:${t.http?.port}/healthz`);
    expect(await health.json()).toMatchObject({ parts: { telegram: { status: 'up' } } });
  });

  it('completes onboarding, then the feedback flow, with button presses and typed numbers', async () => {
    const chat = t.fake.chat(3000);
    await walkOnboarding(t, chat);
    await walkFeedbackFlow(t, chat);
    expect(t.fake.webhookStatuses.every((status) => status === 200)).toBe(true);
  });

  it('refuses a wrong or a missing secret with 401 and processes nothing', async () => {
    const update = textUpdate(3001, 1, '/start');
    expect((await t.fake.deliverWebhook(update, 'not-the-secret-0123456789')).status).toBe(401);
    expect((await t.fake.deliverWebhook(update, null)).status).toBe(401);
    expect((await t.fake.deliverWebhook(update, `${WEBHOOK_SECRET}x`)).status).toBe(401);
    await quietFor();
    expect(t.fake.sent.filter((m) => m.chatId === 3001)).toEqual([]);
    const seen = await t.h.db.db
      .select()
      .from(channelIdentities)
      .where(eq(channelIdentities.externalId, '3001'));
    expect(seen).toEqual([]);
    expect((await t.fake.deliverWebhook(update)).status).toBe(200);
    expect(t.fake.sent.filter((m) => m.chatId === 3001)).toHaveLength(1);
  });

  it('answers a delivery Telegram retries, even at the same time, once', async () => {
    const chat = t.fake.chat(3002);
    const first = textUpdate(3002, 1, '/start');
    expect((await t.fake.deliverWebhook(first)).status).toBe(200);
    expect((await t.fake.deliverWebhook(first)).status).toBe(200);
    const second = textUpdate(3002, 2, '1');
    const answers = await Promise.all([
      t.fake.deliverWebhook(second),
      t.fake.deliverWebhook(second),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    await quietFor();
    const texts = chat.unread().map((m) => m.text);
    expect(texts).toHaveLength(3);
    expect(texts[0]).toContain('Selamat datang');
    expect(texts[1]).toContain('Baik, sekarang kita pakai Bahasa Indonesia');
    expect(texts[2]).toContain('Apakah Anda berusia 18 tahun');
    const rows = await t.h.db.db.select().from(inboundMessages);
    expect(rows.filter((r) => r.messageId.startsWith('3002:'))).toHaveLength(2);
  });
});
