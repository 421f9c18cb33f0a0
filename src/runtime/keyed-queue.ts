/**
 * Runs tasks one at a time per key, in the order they were added; different keys
 * run concurrently. Used so one person's messages are handled strictly in order.
 */
export interface KeyedQueue {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves when every task added so far has finished. */
  drain(): Promise<void>;
  /** Keys with a task running or waiting. */
  size(): number;
}

/** Creates an empty {@link KeyedQueue}. */
export function createKeyedQueue(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();
  return {
    run(key, task) {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task, task);
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async drain() {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
    size: () => tails.size,
  };
}
