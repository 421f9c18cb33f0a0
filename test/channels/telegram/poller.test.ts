import { GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import {
  type GetUpdatesParams,
  startPoller,
  TELEGRAM_UPDATE_MAX_ATTEMPTS,
} from '../../../src/channels/telegram/polling.js';
import { silentLogger } from '../../support/harness.js';

/** A promise and its resolver. */
function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const update = (id: number): Update =>
  ({
    update_id: id,
    message: { message_id: id, date: 0, chat: { id, type: 'private' } },
  }) as Update;

/**
 * A scripted Telegram: each `getUpdates` takes the next batch, or hangs until the
 * poller aborts it; `call(n)` resolves when the nth call arrives.
 */
function scriptedTelegram(batches: (Update[] | Error)[]) {
  const calls: GetUpdatesParams[] = [];
  const arrivals: ReturnType<typeof deferred<void>>[] = [];
  const arrival = (n: number) => {
    arrivals[n] ??= deferred();
    return arrivals[n];
  };
  return {
    calls,
    call: (n: number) => arrival(n).promise,
    async getUpdates(params: GetUpdatesParams, signal?: AbortSignal): Promise<Update[]> {
      calls.push(params);
      arrival(calls.length).resolve();
      const next = batches.shift();
      if (next instanceof Error) throw next;
      if (next) return next;
      if (!signal) return [];
      return new Promise((_, reject) => {
        signal.addEventListener('abort', () => reject(new Error('aborted')));
      });
    },
  };
}

const offsets = (calls: GetUpdatesParams[]) => calls.map((c) => c.offset);
const noWait = async () => {};

describe('long polling confirms an update only once it is handled', () => {
  it('asks for nothing past an update still in hand, then confirms the whole batch', async () => {
    const telegram = scriptedTelegram([[update(10), update(11), update(12)], [update(13)]]);
    const slow = deferred();
    const started = deferred();
    const handled: number[] = [];
    const poller = startPoller({
      getUpdates: telegram.getUpdates,
      async handle(u) {
        if (u.update_id === 11) {
          started.resolve();
          await slow.promise;
        }
        handled.push(u.update_id);
      },
      timeoutSeconds: 30,
      wait: noWait,
      logger: silentLogger,
    });
    await started.promise;
    // Other chats go on while update 11 is in hand; Telegram is asked nothing more.
    await new Promise((resolve) => setImmediate(resolve));
    expect(handled).toEqual([10, 12]);
    expect(offsets(telegram.calls)).toEqual([undefined]);

    slow.resolve();
    await telegram.call(2);
    expect(offsets(telegram.calls)).toEqual([undefined, 13]);
    await telegram.call(3);
    expect(offsets(telegram.calls)).toEqual([undefined, 13, 14]);
    await poller.stop();
    expect(handled).toEqual([10, 12, 11, 13]);
  });

  it('on stop, finishes the update in hand and confirms it, never anything beyond', async () => {
    const telegram = scriptedTelegram([[update(20), update(21)]]);
    const slow = deferred();
    const started = deferred();
    const poller = startPoller({
      getUpdates: telegram.getUpdates,
      async handle(u) {
        if (u.update_id !== 21) return;
        started.resolve();
        await slow.promise;
      },
      timeoutSeconds: 30,
      wait: noWait,
      logger: silentLogger,
    });
    await started.promise;
    const stopped = poller.stop();
    await new Promise((resolve) => setImmediate(resolve));
    expect(offsets(telegram.calls)).toEqual([undefined]);
    slow.resolve();
    await stopped;
    expect(telegram.calls.at(-1)).toEqual({ offset: 22, limit: 1, timeout: 0 });
  });

  it('fetches a failed update again from its id, and gives it up after the last try', async () => {
    const batch = [update(30), update(31), update(32)];
    const batches = Array.from({ length: TELEGRAM_UPDATE_MAX_ATTEMPTS }, () => batch);
    const telegram = scriptedTelegram(batches);
    const tries = new Map<number, number>();
    const poller = startPoller({
      getUpdates: telegram.getUpdates,
      async handle(u) {
        tries.set(u.update_id, (tries.get(u.update_id) ?? 0) + 1);
        if (u.update_id === 31) throw new Error('database unreachable');
      },
      timeoutSeconds: 30,
      wait: noWait,
      logger: silentLogger,
    });
    await telegram.call(TELEGRAM_UPDATE_MAX_ATTEMPTS + 1);
    await poller.stop();
    const retried = Array.from({ length: TELEGRAM_UPDATE_MAX_ATTEMPTS - 1 }, () => 31);
    expect(offsets(telegram.calls)).toEqual([undefined, ...retried, 33]);
    expect(tries.get(31)).toBe(TELEGRAM_UPDATE_MAX_ATTEMPTS);
  });

  it('calls fresh only updates newer than all it had, never the first batch', async () => {
    // The first batch may hold what a crashed process had; 41 fails once and comes back
    // with 42, which was handled already; 43 and 44 are new.
    const telegram = scriptedTelegram([
      [update(40), update(41), update(42)],
      [update(41), update(42), update(43)],
      [update(44)],
    ]);
    const given: string[] = [];
    let failed = false;
    const poller = startPoller({
      getUpdates: telegram.getUpdates,
      async handle(u, fresh) {
        given.push(`${u.update_id}${fresh ? ' fresh' : ''}`);
        if (u.update_id === 41 && !failed) {
          failed = true;
          throw new Error('database unreachable');
        }
      },
      timeoutSeconds: 30,
      wait: noWait,
      logger: silentLogger,
    });
    await telegram.call(4);
    await poller.stop();
    expect(given).toEqual(['40', '41', '42', '41', '42', '43 fresh', '44 fresh']);
  });

  it('retries a 500 after waiting, and ends on a 409 for the channel to start again', async () => {
    const failure = (code: number) =>
      new GrammyError(
        'getUpdates failed',
        { ok: false, error_code: code, description: String(code) },
        'getUpdates',
        {},
      );
    const telegram = scriptedTelegram([failure(500), [update(40)], failure(409)]);
    const waits: number[] = [];
    const poller = startPoller({
      getUpdates: telegram.getUpdates,
      handle: async () => {},
      timeoutSeconds: 30,
      wait: async (ms) => {
        waits.push(ms);
      },
      logger: silentLogger,
    });
    await expect(poller.done).rejects.toThrow('getUpdates failed');
    expect(waits).toHaveLength(1);
    expect(offsets(telegram.calls)).toEqual([undefined, undefined, 41]);
  });
});
