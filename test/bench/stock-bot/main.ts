/**
 * A stock grammY bot for the comparison bench (test/bench/compare.ts), built as the
 * plugins' documentation shows and not tuned: grammY 1.46.0, the conversations plugin
 * 2.1.1 with its state in PostgreSQL through @grammyjs/storage-psql 2.5.1, the runner
 * 2.0.3 with `sequentialize` per chat, and a pg 8.23.1 pool of 10. It onboards people
 * (language, age, consent, name, role, village by substring search, confirm) and keeps
 * them in a `people` table.
 *
 * Environment: TELEGRAM_BOT_TOKEN, TELEGRAM_API_ROOT, DATABASE_URL; BENCH_COUNT_SQL=<file>
 * counts the pool's queries and writes `{"statements":n}` there on SIGUSR2.
 * Run: `node --import tsx test/bench/stock-bot/main.ts`.
 */
import fs from 'node:fs';
import {
  type ConversationData,
  conversations,
  createConversation,
  type VersionedStateStorage,
} from '@grammyjs/conversations';
import { run, sequentialize } from '@grammyjs/runner';
import { PsqlAdapter } from '@grammyjs/storage-psql';
import { Bot } from 'grammy';
import pg from 'pg';
import { type BotContext, onboarding } from './onboarding.js';
import { TEXTS } from './texts.js';
import { loadVillages } from './villages.js';

const token = process.env.TELEGRAM_BOT_TOKEN;
const databaseUrl = process.env.DATABASE_URL;
if (!token || !databaseUrl) throw new Error('set TELEGRAM_BOT_TOKEN and DATABASE_URL');

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
countStatements(pool, process.env.BENCH_COUNT_SQL);
await pool.query(`create table if not exists people (
  chat_id bigint primary key,
  language text not null,
  name text not null,
  role text not null,
  village_code text not null,
  registered_at timestamptz not null default now()
)`);
const storage = (await PsqlAdapter.create({
  tableName: 'conversations',
  client: pool as unknown as pg.Client,
})) as VersionedStateStorage<string, ConversationData>;
const villages = loadVillages();

const bot = new Bot<BotContext>(token, { client: { apiRoot: process.env.TELEGRAM_API_ROOT } });
bot.use(sequentialize((ctx) => ctx.chat?.id.toString()));
bot.use(conversations({ storage }));
bot.use(createConversation(onboarding(pool, villages), 'onboarding'));
bot.command('start', (ctx) => ctx.conversation.enter('onboarding'));
bot.on('callback_query', (ctx) => ctx.answerCallbackQuery());
bot.on('message', (ctx) => ctx.reply(TEXTS.id.start));
bot.catch((error) => console.error(`update ${error.ctx.update.update_id}: ${String(error.error)}`));

const runner = run(bot);
const stop = async () => {
  if (runner.isRunning()) await runner.stop();
  await pool.end();
  process.exit(0);
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);

/** Counts the pool's queries for the bench, reported on SIGUSR2 (nothing when `file` is unset). */
function countStatements(target: pg.Pool, file: string | undefined) {
  if (!file) return;
  const total = { statements: 0 };
  const query = target.query.bind(target) as (...args: unknown[]) => unknown;
  target.query = ((...args: unknown[]) => {
    total.statements += 1;
    return query(...args);
  }) as typeof target.query;
  process.on('SIGUSR2', () => {
    fs.writeFileSync(`${file}.tmp`, JSON.stringify(total));
    fs.renameSync(`${file}.tmp`, file);
  });
}
