import type { Clock } from '../core/ports.js';
import type { Db } from '../db/client.js';
import { markSent } from '../db/queries/outbox.js';

/**
 * Records outbox rows as sent, several in one statement when several sends finish while
 * the previous record is being written (group commit): one UPDATE and one commit for a
 * burst of replies instead of one each. A caller's promise resolves once its row is
 * committed as sent, so a sender still records each message before sending the next one
 * of the same person, and what a crash can send twice is no more than before: the sends
 * whose record was not yet committed. With one send at a time nothing waits.
 */
export type MarkSent = (id: number) => Promise<void>;

interface Waiting {
  id: number;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Builds the recorder over `db`; each batch is stamped with the clock's time when written. */
export function createSentMarks(deps: { db: Db; clock: Clock }): MarkSent {
  let waiting: Waiting[] = [];
  let writing = false;

  async function writeAll(): Promise<void> {
    writing = true;
    while (waiting.length > 0) {
      const batch = waiting;
      waiting = [];
      try {
        await markSent(deps.db, { ids: batch.map((w) => w.id), now: deps.clock.now() });
        for (const w of batch) w.resolve();
      } catch (error) {
        for (const w of batch) w.reject(error);
      }
    }
    writing = false;
  }

  return (id) =>
    new Promise<void>((resolve, reject) => {
      waiting.push({ id, resolve, reject });
      if (!writing) void writeAll();
    });
}
