import { eq } from 'drizzle-orm';
import type { Update } from 'grammy/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TELEGRAM_WEBHOOK_MAX_BYTES } from '../../../src/channels/telegram/webhook.js';
import { channelIdentities, inboundMessages } from '../../../src/db/schema/index.js';
import { FAKE_BOT } from '../../support/fake-bot-api.js';
import { walkFeedbackFlow, walkOnboarding } from './conversation.js';
import {
  captureLogs,
  jpeg,
  linesNaming,
  photoSizes,
  quietFor,
  startTelegramTest,
  type TelegramTest,
  WEBHOOK_SECRET,
} from './setup.js';

describe('Telegram channel, webhook mode against a fake Bot API', () => {
  let t: TelegramTest;
  const logs = captureLogs('info');
  beforeAll(async () => {
    t = await startTelegramTest({ webhook: true, logger: logs.logger });
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
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Selamat datang');
    expect(texts[1]).toContain('Baik, sekarang kita pakai Bahasa Indonesia');
    expect(texts[1]).toContain('Apakah Anda berusia 18 tahun');
    const keys = (await t.h.db.db.select().from(inboundMessages)).map((r) => r.messageId);
    expect(keys).toContain(`u:${first.update_id}:0`);
    expect(keys).toContain(`u:${second.update_id}:0`);
    expect(keys.filter((key) => key.includes('3002'))).toEqual([]);
  });

  /** POSTs a raw body to the webhook with the right secret. */
  function post(body: string | ReadableStream<Uint8Array>, headers: Record<string, string> = {}) {
    const url = t.fake.webhook()?.url ?? '';
    return fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-telegram-bot-api-secret-token': WEBHOOK_SECRET,
        ...headers,
      },
      body,
      duplex: 'half',
    } as RequestInit);
  }

  it('sends one invitation and downloads a photo once for 100 deliveries, some at once', async () => {
    const group = { id: -100789, type: 'supergroup' as const, title: 'Warga Desa Mekar' };
    const from = { id: 3003, is_bot: false, first_name: 'Ani', language_code: 'id' };
    const text = `/start@${FAKE_BOT.username}`;
    const entities = [{ type: 'bot_command' as const, offset: 0, length: text.length }];
    const command: Update = {
      update_id: t.fake.nextUpdateId(),
      message: { date: 1, chat: group, from, message_id: 1, text, entities },
    };
    const chat = t.fake.chat(3004);
    chat.say('/start');
    await chat.next();
    const photo: Update = {
      update_id: t.fake.nextUpdateId(),
      message: {
        message_id: 2,
        date: 1,
        chat: { id: 3004, type: 'private', first_name: 'Warga' },
        from: { id: 3004, is_bot: false, first_name: 'Warga' },
        photo: photoSizes(t.fake, 'hook', await jpeg(40, 30)),
      },
    };
    const downloads = t.fake.callsOf('getFile').length;
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      for (const update of [command, photo]) {
        statuses.push((await t.fake.deliverWebhook(update)).status);
      }
    }
    const atOnce = Array.from({ length: 50 }, () => [command, photo]).flat();
    for (const response of await Promise.all(atOnce.map((u) => t.fake.deliverWebhook(u)))) {
      statuses.push(response.status);
    }
    await quietFor();
    expect(statuses).toEqual(Array(200).fill(200));
    expect(t.fake.sent.filter((m) => m.chatId === group.id)).toHaveLength(1);
    expect(t.fake.callsOf('getFile')).toHaveLength(downloads + 1);
    const replies = chat.unread().map((m) => m.text);
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('belum perlu foto');
  });

  it('answers 400 to a body that is no update, 200 to an update it cannot use, never 5xx', async () => {
    const sentBefore = t.fake.sent.length;
    const notUpdates = ['', 'not json', 'null', '[]', '"x"', '42', '{}', '{"update_id":"7"}'];
    for (const body of notUpdates) {
      const response = await post(body);
      expect(response.status, body).toBe(400);
    }
    const withoutChat = {
      update_id: t.fake.nextUpdateId(),
      message: { message_id: 1, date: 0, text: '/start' },
    };
    const badPress = { update_id: t.fake.nextUpdateId(), callback_query: { id: 'q', data: 'x' } };
    const odd = {
      update_id: t.fake.nextUpdateId(),
      message: { message_id: 1, date: 0, chat: { id: 'x' } },
    };
    for (const update of [withoutChat, badPress, odd]) {
      expect((await post(JSON.stringify(update))).status).toBe(200);
    }
    await quietFor();
    expect(t.fake.sent.length).toBe(sentBefore);
    const ignored = logs.lines.filter((line) => line.includes('not shaped as Telegram sends'));
    expect(ignored).toHaveLength(3);
  });

  it('refuses a body above 1 MB with 413, whether its length is declared or streamed', async () => {
    const update = {
      update_id: t.fake.nextUpdateId(),
      message: {
        message_id: 1,
        date: 0,
        chat: { id: 3005, type: 'private' },
        text: 'x'.repeat(TELEGRAM_WEBHOOK_MAX_BYTES),
      },
    };
    const body = JSON.stringify(update);
    expect((await post(body)).status).toBe(413);
    const bytes = new TextEncoder().encode(body);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += 64 * 1024)
          controller.enqueue(bytes.slice(at, at + 64 * 1024));
        controller.close();
      },
    });
    expect((await post(stream)).status).toBe(413);
    await quietFor();
    expect(t.fake.sent.filter((m) => m.chatId === 3005)).toEqual([]);
  });

  it('logs no chat or user id at info level or above', () => {
    expect(logs.lines.length).toBeGreaterThan(0);
    const ids = [3000, 3001, 3002, 3003, 3004, 3005, -100789];
    expect(linesNaming(logs.lines, ids)).toEqual([]);
  });
});
