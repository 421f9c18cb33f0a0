import type { Clock } from '../../src/core/ports.js';

/** A clock tests move by hand (its own module: no flows loaded for it). */
export interface TestClock extends Clock {
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
