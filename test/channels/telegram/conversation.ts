import { eq } from 'drizzle-orm';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { expect } from 'vitest';
import { feedback, media } from '../../../src/db/schema/index.js';
import type { FakeChat, SentMessage } from '../../support/fake-bot-api.js';
import { jpeg, photoSizes, type TelegramTest } from './setup.js';

/** The buttons of a sent message, as their labels. */
export function buttons(message: SentMessage | undefined): string[] {
  const markup = message?.replyMarkup as { inline_keyboard?: { text: string }[][] } | undefined;
  return markup?.inline_keyboard?.flat().map((b) => b.text) ?? [];
}

/** The callback data of button `number` of a keyboard. */
export function callbackData(keyboard: InlineKeyboardMarkup | undefined, number: number): string {
  const button = keyboard?.inline_keyboard.flat().find((b) => b.text.startsWith(`${number}.`));
  if (!button || !('callback_data' in button)) throw new Error(`no button ${number}`);
  return button.callback_data;
}

/**
 * Walks the feedback flow from the main menu like a person on Telegram, with button
 * presses and typed numbers, a photo with a caption and text that needs escaping.
 */
export async function walkFeedbackFlow(t: TelegramTest, chat: FakeChat): Promise<void> {
  chat.say('/start');
  const [menu] = await chat.next();
  expect(menu?.parseMode).toBe('HTML');
  expect(menu?.text).toContain('Selamat datang di <b>Sapa Desa</b>');
  expect(menu?.text).toContain('1. Kirim saran untuk Sapa Desa');
  expect(menu?.text).toContain('<i>Balas dengan angka pilihan Anda.</i>');
  expect(buttons(menu)).toEqual([
    '1. Kirim saran untuk Sapa Desa',
    '2. Bantuan',
    '3. Ganti bahasa',
  ]);

  const press = chat.press(1);
  const [topic] = await chat.next();
  expect(topic?.text).toContain('Saran Anda tentang apa?');
  const queryId = press.callback_query?.id;
  expect(t.fake.callsOf('answerCallbackQuery').map((c) => c.params)).toContainEqual({
    callback_query_id: queryId,
  });
  expect(t.fake.keyboardOf(chat.chatId, menu?.messageId ?? 0)).toBeUndefined();

  chat.say('3');
  expect((await chat.next())[0]?.text).toContain('Silakan tulis saran Anda');
  chat.say('Menu <laporan> & peta belum ada');
  expect((await chat.next())[0]?.text).toContain('Seberapa puas');
  chat.say('4');
  expect((await chat.next())[0]?.text).toContain('Ada tangkapan layar');

  const photo = photoSizes(t.fake, `shot-${chat.chatId}`, await jpeg());
  chat.send({ photo, caption: 'tangkapan layar' });
  expect((await chat.next())[0]?.text).toContain('Foto 1 dari 3 diterima');
  chat.say('selesai');
  const [wantsReply] = await chat.next();
  expect(wantsReply?.text).toContain('ingin dihubungi');
  expect(buttons(wantsReply)).toEqual(['1. Ya', '2. Tidak']);

  chat.press(1);
  const [summary] = await chat.next();
  expect(summary?.text).toContain('• Saran: Menu &lt;laporan&gt; &amp; peta belum ada');
  expect(summary?.text).toContain('• Foto: 1');
  expect(summary?.text).toContain('• Ingin dihubungi: Ya');
  chat.say('1');
  const done = await chat.next(2);
  expect(done[0]?.text).toContain('Terima kasih! Saran Anda sudah kami terima');
  expect(done[1]?.text).toContain('Apa yang ingin Anda lakukan?');

  const saved = await t.h.db.db.select().from(feedback);
  const mine = saved.find((row) => row.message === 'Menu <laporan> & peta belum ada');
  expect(mine).toMatchObject({ topic: 'idea', rating: 4, wantsReply: true });
  const mediaIds = (mine?.mediaIds ?? []) as string[];
  expect(mediaIds).toHaveLength(1);
  const [picture] = await t.h.db.db
    .select()
    .from(media)
    .where(eq(media.id, mediaIds[0] ?? ''));
  expect(picture).toMatchObject({ originChannel: 'telegram', originRef: `shot-${chat.chatId}-l` });
}
