/**
 * The stock bot's onboarding, written the way the grammY conversations plugin (v2)
 * documents it: one function that asks and waits, replayed on every update from the
 * state the plugin keeps in its storage. One reply per message.
 */
import type { Conversation, ConversationFlavor } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import type pg from 'pg';
import { LANGUAGES, type Language, TEXTS } from './texts.js';
import { searchVillages, type Village } from './villages.js';

/** Longest name accepted, in characters. */
const NAME_MAX_CHARS = 64;

export type BotContext = ConversationFlavor<Context>;
export type OnboardingContext = Context;
export type Onboarding = Conversation<BotContext, OnboardingContext>;

/** Numbered buttons, two to a row; the callback data is the number. */
function buttons(labels: readonly string[]): InlineKeyboard {
  const keyboard = new InlineKeyboard();
  labels.forEach((label, index) => {
    keyboard.text(`${index + 1}. ${label}`, String(index + 1));
    if (index % 2 === 1) keyboard.row();
  });
  return keyboard;
}

/**
 * Waits for a choice among `count` options, pressed or typed as its number; asks again
 * on anything else. Returns the context of the answer and the index chosen (0-based).
 */
async function choose(
  conversation: Onboarding,
  count: number,
  language: Language,
): Promise<{ ctx: OnboardingContext; index: number }> {
  for (;;) {
    const ctx = await conversation.waitFor(['message:text', 'callback_query:data']);
    const raw = ctx.callbackQuery?.data ?? ctx.message?.text ?? '';
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const number = Number(raw.trim());
    if (Number.isInteger(number) && number >= 1 && number <= count) {
      return { ctx, index: number - 1 };
    }
    await ctx.reply(TEXTS[language].pickNumber(count));
  }
}

/** Builds the onboarding conversation over the people table and the village list. */
export function onboarding(pool: pg.Pool, villages: Village[]) {
  return async function run(conversation: Onboarding, start: OnboardingContext): Promise<void> {
    await start.reply(TEXTS.id.language, { reply_markup: buttons(TEXTS.id.languages) });
    const picked = await choose(conversation, LANGUAGES.length, 'id');
    const language = LANGUAGES[picked.index] as Language;
    const t = TEXTS[language];
    await picked.ctx.reply(t.age, { reply_markup: buttons(t.yesNo) });
    const age = await choose(conversation, 2, language);
    if (age.index !== 0) {
      await age.ctx.reply(t.tooYoung);
      return;
    }
    await age.ctx.reply(t.consent, { reply_markup: buttons(t.agree) });
    const consent = await choose(conversation, 2, language);
    if (consent.index !== 0) {
      await consent.ctx.reply(t.declined);
      return;
    }
    let ask = consent.ctx;
    for (;;) {
      await ask.reply(t.name);
      let named = await conversation.waitFor('message:text');
      while (named.message.text.trim().length > NAME_MAX_CHARS) {
        await named.reply(t.badName);
        named = await conversation.waitFor('message:text');
      }
      const name = named.message.text.trim();
      await named.reply(t.role, { reply_markup: buttons(t.roles) });
      const role = await choose(conversation, t.roles.length, language);
      await role.ctx.reply(t.village);
      let typed = await conversation.waitFor('message:text');
      let hits = searchVillages(villages, typed.message.text);
      while (hits.length === 0) {
        await typed.reply(t.noVillage);
        typed = await conversation.waitFor('message:text');
        hits = searchVillages(villages, typed.message.text);
      }
      const labels = hits.map((v) => `${v.name}, ${v.district}`);
      const list = hits.map((v, i) => `${i + 1}. ${v.name}, ${v.district}, ${v.regency}`);
      await typed.reply(`${t.pick}\n${list.join('\n')}`, { reply_markup: buttons(labels) });
      const village = await choose(conversation, hits.length, language);
      const home = hits[village.index] as Village;
      const roleName = t.roles[role.index] as string;
      await village.ctx.reply(t.confirm(name, roleName, `${home.name}, ${home.regency}`), {
        reply_markup: buttons(t.confirmChoices),
      });
      const confirmed = await choose(conversation, 2, language);
      if (confirmed.index !== 0) {
        ask = confirmed.ctx;
        continue;
      }
      const chatId = confirmed.ctx.chat?.id;
      // The plugin keeps what `external` returns: nothing, as a pg result is not plain data.
      await conversation.external(async () => {
        await pool.query(
          `insert into people (chat_id, language, name, role, village_code)
           values ($1, $2, $3, $4, $5)
           on conflict (chat_id) do update set language = $2, name = $3, role = $4,
             village_code = $5, registered_at = now()`,
          [chatId, language, name, roleName, home.code],
        );
      });
      await confirmed.ctx.reply(t.done(name));
      return;
    }
  };
}
