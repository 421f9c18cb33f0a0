import { GrammyError } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../logger.js';

/** Most updates one `getUpdates` returns (Telegram's own maximum). */
export const TELEGRAM_POLL_LIMIT = 100;
/** First wait after a failed `getUpdates`, in milliseconds; doubles on each failure in a row. */
export const TELEGRAM_POLL_RETRY_FIRST_MS = 250;
/** Longest wait between failed `getUpdates` calls, in milliseconds. */
export const TELEGRAM_POLL_RETRY_MAX_MS = 30_000;
/**
 * Tries of an update whose handling keeps throwing (the database is down, or a bug)
 * before it is given up and logged: until then it is not confirmed, so no chat's
 * message is lost to an outage, and after it one bad update cannot stop every chat.
 */
export const TELEGRAM_UPDATE_MAX_ATTEMPTS = 6;
/** First wait before handling a failed update again, in milliseconds; doubles per try. */
export const TELEGRAM_UPDATE_RETRY_FIRST_MS = 1_000;

/** Parameters of one `getUpdates` call. */
export interface GetUpdatesParams {
  /** Confirms every update below it; without it Telegram starts at the oldest unconfirmed. */
  offset?: number;
  limit: number;
  /** Long-polling wait, in seconds. */
  timeout: number;
}

/** What the poller is built from. */
export interface PollerDeps {
  getUpdates(params: GetUpdatesParams, signal?: AbortSignal): Promise<Update[]>;
  /**
   * Handles one update: resolves once it is handled (recorded in the database), throws
   * when it must be tried again. Called for a whole batch at once: it keeps one chat's
   * updates in the order given and runs different chats concurrently. `fresh`: no process
   * can have had this update before (see {@link startPoller}), so the handler may skip
   * looking it up as a redelivery; false for an update that may come again.
   */
  handle(update: Update, fresh: boolean): Promise<void>;
  /** Long-polling wait, in seconds. */
  timeoutSeconds: number;
  /** Waits `ms`, or less when `signal` aborts; a timer by default (tests pass their own). */
  wait?(ms: number, signal: AbortSignal): Promise<void>;
  logger: Logger;
}

/** A running long-polling loop. */
export interface Poller {
  /** Settles when the loop ends: resolves after `stop`, rejects on 401 or 409 (start again). */
  done: Promise<void>;
  /** Stops fetching, lets the batch in hand finish, and confirms what was handled. */
  stop(): Promise<void>;
}

/**
 * Long polling that confirms an update only once it is handled. Each batch is handled
 * whole (chats concurrently, each chat in order) before the next `getUpdates`, whose
 * offset is the first update not yet handled: a crash at any moment leaves every update
 * not recorded in the database unconfirmed, and Telegram delivers it again (a handled
 * one comes back as a harmless duplicate). grammY's `bot.start()` confirms the same
 * way but one update at a time; @grammyjs/runner confirms a batch as soon as it is
 * fetched. The price: a new batch waits for the slowest update of the one in hand.
 *
 * Which updates are fresh: an earlier process had at most one batch unconfirmed when it
 * stopped, fetched from the offset Telegram still holds; this poller's first batch starts at
 * that offset with the same limit, so it holds all of them. Past the first batch, an update
 * newer than every one this poller was given was never given to anyone; an older one is a
 * failed update fetched again or one that came back with it. (One case escapes: after a
 * switch from a webhook with more than a batch still pending, an update the webhook
 * handled could come later. It is still handled once, by the runtime's dedupe; its press
 * is only answered twice, which Telegram refuses harmlessly.)
 */
export function startPoller(deps: PollerDeps): Poller {
  const controller = new AbortController();
  const signal = controller.signal;
  const wait = deps.wait ?? sleep;
  const attempts = new Map<number, number>();
  /** The first update not handled yet; undefined until one batch was handled. */
  let offset: number | undefined;
  /** The offset Telegram was last given: everything below it counts as confirmed. */
  let confirmed: number | undefined;
  /** The newest update given to `handle`; undefined before the first batch. */
  let newest: number | undefined;

  async function fetchBatch(): Promise<Update[] | undefined> {
    for (let failures = 0; !signal.aborted; failures++) {
      try {
        const params = { offset, limit: TELEGRAM_POLL_LIMIT, timeout: deps.timeoutSeconds };
        // Counted as confirmed once asked: were it not (the call failed on the way), the
        // handled updates would only come again as duplicates.
        confirmed = offset;
        return await deps.getUpdates(params, signal);
      } catch (error) {
        if (signal.aborted) return undefined;
        if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 409))
          throw error;
        await wait(retryDelayMs(error, failures), signal);
      }
    }
    return undefined;
  }

  /** Handles a batch; returns how many times its first failed update has failed, or 0. */
  async function handleBatch(updates: Update[]): Promise<number> {
    const seen = newest;
    for (const update of updates) newest = Math.max(newest ?? update.update_id, update.update_id);
    const results = await Promise.allSettled(
      updates.map((update) => deps.handle(update, seen !== undefined && update.update_id > seen)),
    );
    const order = updates.map((update, index) => ({ id: update.update_id, index }));
    order.sort((a, b) => a.id - b.id);
    for (const { id, index } of order) {
      if (results[index]?.status === 'fulfilled') continue;
      const tries = (attempts.get(id) ?? 0) + 1;
      if (tries < TELEGRAM_UPDATE_MAX_ATTEMPTS) {
        for (const earlier of attempts.keys()) if (earlier < id) attempts.delete(earlier);
        attempts.set(id, tries);
        offset = id;
        return tries;
      }
      deps.logger.error({ updateId: id, tries }, 'telegram update given up after failing');
      attempts.delete(id);
    }
    const last = order.at(-1);
    if (last) offset = last.id + 1;
    attempts.clear();
    return 0;
  }

  async function loop(): Promise<void> {
    while (!signal.aborted) {
      const updates = await fetchBatch();
      if (!updates) return;
      const failed = await handleBatch(updates);
      if (failed > 0) await wait(TELEGRAM_UPDATE_RETRY_FIRST_MS * 2 ** (failed - 1), signal);
    }
  }

  const done = loop();
  return {
    done,
    async stop() {
      controller.abort();
      await done.catch(() => undefined);
      if (offset === undefined || offset === confirmed) return;
      try {
        // `limit: 1` and no wait: only to confirm; an update it returns stays unconfirmed.
        await deps.getUpdates({ offset, limit: 1, timeout: 0 });
      } catch (error) {
        deps.logger.debug({ error: (error as Error).message }, 'telegram offset not confirmed');
      }
    },
  };
}

/** Backoff after a failed `getUpdates`: what a 429 asks, else doubling from the first wait. */
function retryDelayMs(error: unknown, failures: number): number {
  if (error instanceof GrammyError && error.error_code === 429) {
    const seconds = error.parameters.retry_after;
    if (seconds !== undefined) return seconds * 1000;
  }
  return Math.min(TELEGRAM_POLL_RETRY_FIRST_MS * 2 ** failures, TELEGRAM_POLL_RETRY_MAX_MS);
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}
