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
/**
 * Tokens in a row that go to more urgent calls while a less urgent one waits; the next
 * goes to the less urgent one. Replies get at most 4 of 5 tokens while a broadcast waits,
 * so people chatting a lot slow a broadcast (a disaster warning) down but never stop it.
 */
export const URGENT_RUN_MAX = 4;

/** Waits for the right to make one call. */
export interface Pace {
  /**
   * Resolves when a call may be made. Calls are let through by `priority` (the outbox's:
   * 0 for replies to people chatting, higher for the bulk lane; 0 by default), lower first,
   * and in the order they asked within one priority: a reply never waits behind the
   * broadcast's sends already waiting, only for the next token (or two: every
   * {@link URGENT_RUN_MAX} + 1st token goes to a waiting less urgent call).
   */
  take(priority?: number): Promise<void>;
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
  /** Calls of `take` not through yet, by priority, then in the order they asked. */
  const waiters: { priority: number; go: () => void }[] = [];
  let pumping = false;
  /** Tokens given in a row to the most urgent while a less urgent call waited. */
  let urgentRun = 0;

  /** The next waiter to serve: the first, unless less urgent ones waited long enough. */
  function nextWaiter() {
    const lastPriority = waiters[waiters.length - 1]?.priority ?? 0;
    const starved = (waiters[0]?.priority ?? 0) < lastPriority;
    if (!starved) {
      urgentRun = 0;
      return waiters.shift();
    }
    if (urgentRun < URGENT_RUN_MAX) {
      urgentRun += 1;
      return waiters.shift();
    }
    urgentRun = 0;
    const at = waiters.findIndex((w) => w.priority > (waiters[0]?.priority ?? 0));
    return waiters.splice(at, 1)[0];
  }

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

  /** Hands out tokens to the waiters, the first of the queue each time one is there. */
  async function pump(): Promise<void> {
    if (pumping) return;
    pumping = true;
    try {
      while (waiters.length > 0) {
        // Whoever is first once the token is there gets it (a reply that came meanwhile).
        await takeOne();
        nextWaiter()?.go();
      }
    } finally {
      pumping = false;
    }
  }

  return {
    take(priority = 0) {
      return new Promise<void>((go) => {
        let at = waiters.length;
        while (at > 0 && (waiters[at - 1]?.priority ?? 0) > priority) at -= 1;
        waiters.splice(at, 0, { priority, go });
        void pump();
      });
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    spare() {
      const at = now();
      if (waiters.length > 0 || at < pausedUntil) return false;
      refill(at);
      if (tokens - 1 < perSecond * SPARE_ABOVE_SHARE) return false;
      tokens -= 1;
      return true;
    },
  };
}
