import type { Update } from 'grammy/types';
import type { HttpApp } from '../../http/server.js';
import { sameSecret, WEBHOOK_MAX_BYTES, webhookBodyLimit } from '../webhook-guard.js';
import { isUpdateLike } from './parse.js';

/** Largest webhook body taken, in bytes; Telegram's updates are a few kilobytes. */
export const TELEGRAM_WEBHOOK_MAX_BYTES = WEBHOOK_MAX_BYTES;

const SECRET_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

/** What the webhook route needs. */
export interface TelegramWebhookDeps {
  path: string;
  secret: string;
  /** True while the channel is stopped: updates are refused with 503 (Telegram retries). */
  stopped(): boolean;
  /** Handles one update (in its chat's order); rejects when it could not be handled. */
  take(update: Update): Promise<void>;
  /**
   * How long a request waits for its update before answering 200 anyway (handling goes
   * on); Telegram gives up on slow webhooks and sends again.
   */
  answerWithinMs: number;
}

/**
 * Adds the webhook route. Answers: 401 for a wrong secret, 413 above
 * {@link TELEGRAM_WEBHOOK_MAX_BYTES}, 400 for a body that is no update at all (not JSON,
 * empty, `null`, no integer `update_id`), 200 once the update is handled (an update
 * whose content is not shaped as expected is logged and ignored, never retried), and
 * 500 only when handling failed (the database), so that Telegram sends it again.
 */
export function mountTelegramWebhook(app: HttpApp, deps: TelegramWebhookDeps): void {
  app.post(
    deps.path,
    async (c, next) => {
      if (!sameSecret(c.req.header(SECRET_HEADER), deps.secret)) {
        c.get('logger').warn('telegram webhook call with a wrong or missing secret');
        return c.json({ error: 'unauthorized' }, 401);
      }
      if (deps.stopped()) return c.json({ error: 'unavailable' }, 503);
      await next();
    },
    webhookBodyLimit('telegram', TELEGRAM_WEBHOOK_MAX_BYTES),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        body = undefined;
      }
      if (!isUpdateLike(body)) {
        c.get('logger').warn('telegram webhook body is not an update; refused');
        return c.json({ error: 'bad request' }, 400);
      }
      try {
        await within(deps.take(body as Update), deps.answerWithinMs);
        return c.body(null, 200);
      } catch {
        // `take` logged why. Telegram sends the update again; the runtime drops it if
        // it was handled after all.
        return c.json({ error: 'internal' }, 500);
      }
    },
  );
}

/** Resolves when `work` does, or after `ms` (while `work` goes on); rejects if `work` does first. */
function within(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  // A failure after the answer is logged where the update is handled.
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}
