/**
 * A token bucket shared by every send of one bot, keeping the bot under Telegram's
 * overall limit (about 30 messages a second). Per-chat pacing is left to the outbox,
 * which already sends one person's messages one after the other.
 */

/** Sends per second, overall; a margin under Telegram's ~30. */
export const TELEGRAM_SENDS_PER_SECOND = 25;

/** Waits for the right to make one call. */
export interface Pace {
  /** Resolves when a call may be made; calls are let through in the order they asked. */
  take(): Promise<void>;
  /** Lets nothing through for `ms` (Telegram asked us to wait). */
  pause(ms: number): void;
}

/** Builds a bucket of `perSecond` tokens, full at the start (a burst of that size is allowed). */
export function createPace(
  perSecond: number,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Pace {
  if (!Number.isFinite(perSecond)) return { take: () => Promise.resolve(), pause: () => {} };
  const intervalMs = 1000 / perSecond;
  let tokens = perSecond;
  let refilledAt = now();
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  async function takeOne(): Promise<void> {
    for (;;) {
      const at = now();
      tokens = Math.min(perSecond, tokens + (at - refilledAt) / intervalMs);
      refilledAt = at;
      const wait = Math.max(pausedUntil - at, tokens >= 1 ? 0 : (1 - tokens) * intervalMs);
      if (wait <= 0) {
        tokens -= 1;
        return;
      }
      await sleep(wait);
    }
  }

  return {
    take() {
      const turn = queue.then(takeOne);
      queue = turn;
      return turn;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
  };
}
