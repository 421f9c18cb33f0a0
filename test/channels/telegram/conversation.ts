import { eq } from 'drizzle-orm';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { expect } from 'vitest';
import { channelIdentities, contacts, feedback, media } from '../../../src/db/schema/index.js';
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

/** Reads the bot's messages until one contains `text`; returns all of them, that one last. */
export async function until(
  chat: FakeChat,
  text: string,
  timeoutMs = 20_000,
): Promise<SentMessage[]> {
  const got: SentMessage[] = [];
  const end = Date.now() + timeoutMs;
  for (;;) {
    const [message] = await chat.next(1, Math.max(1, end - Date.now()));
    if (!message) throw new Error(`no message containing "${text}"`);
    got.push(message);
    if (message.text.includes(text)) return got;
  }
}

/** The name the walks register with: it needs escaping in HTML. */
export const NAME = 'Siti <Aminah> & Co';

/**
 * Onboarding like a person on Telegram, with button presses and typed numbers: language,
 * age, consent, name, role, village (searched, then picked), summary confirmed.
 */
export async function walkOnboarding(t: TelegramTest, chat: FakeChat): Promise<void> {
  chat.say('/start');
  const [welcome] = await chat.next();
  expect(welcome?.parseMode).toBe('HTML');
  expect(welcome?.text).toContain('Selamat datang di <b>Sapa Desa</b>');
  expect(welcome?.text).toContain('1. Bahasa Indonesia');
  expect(welcome?.text).toContain('<i>Ketik 1 atau 2.</i>');
  expect(buttons(welcome)).toEqual(['1. Bahasa Indonesia', '2. English']);

  const press = chat.press(1);
  const age = (await until(chat, 'Apakah Anda berusia 18 tahun')).at(-1);
  expect(t.fake.callsOf('answerCallbackQuery').map((c) => c.params)).toContainEqual({
    callback_query_id: press.callback_query?.id,
  });
  await waitForNoKeyboard(t, chat.chatId, welcome?.messageId ?? 0);
  expect(buttons(age)).toEqual(['1. Ya', '2. Tidak']);

  chat.say('1');
  const consent = (await until(chat, 'Apakah Anda setuju?')).at(-1);
  expect(consent?.text).toContain('<b>Privasi Anda</b>');
  expect(buttons(consent)).toEqual(['1. Setuju', '2. Tidak setuju']);
  chat.press(1);
  await until(chat, 'Siapa nama Anda?');
  chat.say(NAME);
  const role = (await until(chat, 'Apa peran Anda di desa?')).at(-1);
  expect(buttons(role)[0]).toBe('1. Warga');
  chat.say('1');
  await until(chat, 'Di desa/kelurahan mana Anda tinggal?');
  chat.say('desa bojongsoang');
  const pick = (await until(chat, 'Pilih desa Anda:', 60_000)).at(-1);
  expect(buttons(pick)[0]).toMatch(/^1\. Bojongsoang/);
  chat.press(1);
  const summary = (await until(chat, 'Periksa profil Anda:')).at(-1);
  expect(summary?.text).toContain('• Nama: Siti &lt;Aminah&gt; &amp; Co');
  expect(buttons(summary)[0]).toBe('1. Benar, simpan');
  chat.press(1);
  // The last words of onboarding and the menu come as one message.
  const done = (await until(chat, 'Pendaftaran selesai 🎉')).at(-1);
  expect(done?.text).toContain('Halo, Siti &lt;Aminah&gt; &amp; Co 👋');

  const [registered] = await t.h.db.db
    .select({ contact: contacts })
    .from(contacts)
    .innerJoin(channelIdentities, eq(channelIdentities.contactId, contacts.id))
    .where(eq(channelIdentities.externalId, String(chat.chatId)));
  expect(registered?.contact).toMatchObject({
    displayName: NAME,
    role: 'warga',
    villageCode: '32.04.08.2002',
    language: 'id',
  });
  expect(registered?.contact.registeredAt).not.toBeNull();
}

async function waitForNoKeyboard(t: TelegramTest, chatId: number, messageId: number) {
  const end = Date.now() + 5_000;
  while (t.fake.keyboardOf(chatId, messageId) !== undefined) {
    if (Date.now() > end) throw new Error(`the keyboard of message ${messageId} stayed`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/**
 * The feedback flow for a registered person, with button presses and typed numbers, a
 * photo with a caption and text that needs escaping.
 */
export async function walkFeedbackFlow(t: TelegramTest, chat: FakeChat): Promise<void> {
  chat.say('/saran');
  const topic = (await until(chat, 'Saran Anda tentang apa?')).at(-1);
  expect(buttons(topic)).toHaveLength(5);
  chat.press(3);
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
  await until(chat, 'Terima kasih! Saran Anda sudah kami terima');

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
