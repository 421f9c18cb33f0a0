import type { RenderedMessage } from '../core/messages.js';
import type { SendContext, SendResult } from '../runtime/types.js';

/**
 * Messages whose send stopped part-way (a long text in parts, a photo after its text)
 * remembered with how many parts went out, so the retry resumes there. Bounded: the
 * oldest is forgotten first.
 */
export const PARTIAL_SENDS_MAX = 1_000;

/** Sends a message as several parts, resuming a retried message at the part that failed. */
export interface PartsSender {
  /**
   * Calls `sendPart` for parts `0 .. count - 1`, in order, starting after the parts of `key`
   * already sent. The first result that is not `sent` is returned and the parts before it
   * are remembered for `key`; once all went out, `key` is forgotten.
   */
  send(
    key: string,
    count: number,
    sendPart: (index: number) => Promise<SendResult>,
  ): Promise<SendResult>;
}

/**
 * The key under which a message's progress is remembered: its outbox row or, without
 * one, this exact message to this address.
 */
export function partsKey(
  externalId: string,
  message: RenderedMessage,
  context: SendContext | undefined,
): string {
  return context
    ? `outbox:${context.outboxId}`
    : `message:${externalId}\u0000${JSON.stringify(message)}`;
}

/** Builds a parts sender remembering at most `max` messages sent part-way (kept in memory). */
export function createPartsSender(max = PARTIAL_SENDS_MAX): PartsSender {
  const partsSent = new Map<string, number>();

  function remember(key: string, sent: number): void {
    partsSent.delete(key);
    partsSent.set(key, sent);
    if (partsSent.size > max) {
      const oldest = partsSent.keys().next().value;
      if (oldest !== undefined) partsSent.delete(oldest);
    }
  }

  return {
    async send(key, count, sendPart) {
      for (let index = partsSent.get(key) ?? 0; index < count; index++) {
        const result = await sendPart(index);
        if (result.type !== 'sent') {
          remember(key, index);
          return result;
        }
      }
      partsSent.delete(key);
      return { type: 'sent' };
    },
  };
}
