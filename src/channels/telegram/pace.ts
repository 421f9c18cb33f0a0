/**
 * A token bucket shared by every send of one bot, keeping the bot under Telegram's
 * overall limit (about 30 messages a second). Per-chat pacing is left to the outbox,
 * which already sends one person's messages one after the other.
 *
 * What it counts: every message sent (each part of a long text, each photo or pin) and
 * the keyboard put on a message after it was sent. Answering a button press is not a
 * message and is not counted; taking the keyboard off a pressed message only uses a
 * {@link Pace.spare} call, so under load it is skipped rather than delaying replies.
 */

/** Sends per second, overall (`TELEGRAM_SEND_PER_SECOND`); a margin under Telegram's ~30. */
export const TELEGRAM_SENDS_PER_SECOND = 25;
/** Share of the bucket that must be full before a {@link Pace.spare} call is let through. */
export const SPARE_ABOVE_SHARE = 0.5;

/** Waits for the right to make one call. */
export interface Pace {
  /** Resolves when a call may be made; calls are let through in the order they asked. */
  take(): Promise<void>;
  /** Lets nothing through for `ms` (Telegram asked us to wait). */
  pause(ms: number): void;
  /**
   * Takes a token for a call that may be left out (tidying, not a message), only when
   * it costs no one a wait: nobody is waiting, no pause, and the bucket is more than
   * {@link SPARE_ABOVE_SHARE} full. True when the call may be made now.
   */
  spare(): boolean;
}

/** Builds a bucket of `perSecond` tokens, full at the start (a burst of that size is allowed). */
export function createPace(
  perSecond: number,
  now: () => number = () => performance.now(),
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Pace {
  if (!Number.isFinite(perSecond)) {
    return { take: () => Promise.resolve(), pause: () => {}, spare: () => true };
  }
  const intervalMs = 1000 / perSecond;
  let tokens = perSecond;
  let refilledAt = now();
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();
  /** Calls of `take` not through yet. */
  let waiting = 0;

  function refill(at: number) {
    tokens = Math.min(perSecond, tokens + (at - refilledAt) / intervalMs);
    refilledAt = at;
  }

  async function takeOne(): Promise<void> {
    for (;;) {
      const at = now();
      refill(at);
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
      waiting += 1;
      const turn = queue.then(takeOne).finally(() => {
        waiting -= 1;
      });
      queue = turn;
      return turn;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    spare() {
      const at = now();
      if (waiting > 0 || at < pausedUntil) return false;
      refill(at);
      if (tokens - 1 < perSecond * SPARE_ABOVE_SHARE) return false;
      tokens -= 1;
      return true;
    },
  };
}
