/**
 * The part the broadcast and training benches share: the bot process delivers bulk
 * messages at its Telegram pace while people keep chatting with it, each writing again a
 * short pause after every answer. Measured: the delivery's rate, the replies' rate over
 * the same span, and the time from each chat message to its reply.
 */
import type { FakeBotApi } from '../support/fake-bot-api.js';
import { percentile } from './support.js';

/** People chatting during the delivery. */
export const CHATTERS = 50;
/** The Telegram pace of the bot process, messages per second (the default). */
export const BENCH_PACE_PER_SECOND = 25;
/** Pause of each chatter between getting an answer and writing again. */
const CHAT_PAUSE_MS = 2_000;
/** A chatter left unanswered this long stops, and it is reported. */
const REPLY_TIMEOUT_MS = 30_000;
/** Longest the delivery may take before the bench gives up. */
const DELIVERY_TIMEOUT_MS = 15 * 60_000;
const POLL_MS = 500;

/** What a delivery measured; times in milliseconds. */
export interface DeliveryFigures {
  recipients: number;
  delivered: number;
  /** From the first to the last delivered message. */
  deliverMs: number;
  ratePerSecond: number;
  /** Replies to the people chatting per second over the same span. */
  replyRatePerSecond: number;
  replies: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * Lets {@link CHATTERS} people from chat `firstChatId` on send `command` over and over
 * until `recipients` messages matching `delivered` went out (or the time is up); problems
 * (a chatter unanswered, messages never delivered) are added to `problems`.
 */
export async function deliverWhileChatting(params: {
  fake: FakeBotApi;
  delivered: (message: { chatId: number; text: string }) => boolean;
  recipients: number;
  firstChatId: number;
  command: string;
  problems: string[];
}): Promise<DeliveryFigures> {
  const { fake, recipients, problems } = params;
  const latencies: number[] = [];
  let done = false;
  const chatting = Array.from({ length: CHATTERS }, async (_, i) => {
    const chat = fake.chat(params.firstChatId + i);
    while (!done) {
      const start = performance.now();
      chat.say(params.command);
      const replies = await chat.next(1, REPLY_TIMEOUT_MS).catch(() => []);
      if (replies.length === 0) {
        problems.push(`chatter ${i}: no reply within ${REPLY_TIMEOUT_MS / 1000} s`);
        return;
      }
      latencies.push((replies[0]?.at ?? start) - start);
      chat.unread();
      await new Promise((resolve) => setTimeout(resolve, CHAT_PAUSE_MS));
    }
  });
  const end = performance.now() + DELIVERY_TIMEOUT_MS;
  while (performance.now() < end && fake.sent.filter(params.delivered).length < recipients) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  done = true;
  await Promise.all(chatting);
  const sent = fake.sent.filter(params.delivered);
  if (sent.length < recipients) problems.push(`${recipients - sent.length} never delivered`);
  const first = sent[0]?.at ?? 0;
  const last = sent.at(-1)?.at ?? 0;
  const deliverMs = last - first;
  const chatters = (chatId: number) =>
    chatId >= params.firstChatId && chatId < params.firstChatId + CHATTERS;
  const replied = fake.sent.filter((m) => chatters(m.chatId) && m.at > first && m.at <= last);
  latencies.sort((a, b) => a - b);
  return {
    recipients,
    delivered: sent.length,
    deliverMs,
    ratePerSecond: deliverMs > 0 ? ((sent.length - 1) * 1000) / deliverMs : 0,
    replyRatePerSecond: deliverMs > 0 ? (replied.length * 1000) / deliverMs : 0,
    replies: latencies.length,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    maxMs: latencies.at(-1) ?? 0,
  };
}
