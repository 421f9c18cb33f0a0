import { createLogger, type Logger } from '../../src/logger.js';

/** A clock tests move by hand (as the harness's, without loading the flows). */
export interface TestClock {
  now(): Date;
  advance(ms: number): void;
  set(at: Date): void;
}

/** Starts at 2026-03-02 08:00 WIB, a Monday, unless told otherwise. */
export function createTestClock(start = new Date('2026-03-02T01:00:00Z')): TestClock {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (at) => {
      now = at.getTime();
    },
  };
}

/** A logger that writes nothing. */
export const quietLogger: Logger = createLogger({
  level: 'silent',
  format: 'json',
  destination: { write: () => {} },
});
