import { describe, expect, it } from 'vitest';
import { createPace } from '../../../src/channels/telegram/pace.js';

describe('send pace', () => {
  function fakeTime() {
    let now = 0;
    const sleeps: number[] = [];
    return {
      now: () => now,
      sleep: async (ms: number) => {
        sleeps.push(ms);
        now += ms;
      },
      sleeps,
    };
  }

  it('lets a burst through, then one call per interval', async () => {
    const time = fakeTime();
    const pace = createPace(5, time.now, time.sleep);
    for (let i = 0; i < 5; i++) await pace.take();
    expect(time.now()).toBe(0);
    for (let i = 0; i < 5; i++) await pace.take();
    expect(time.now()).toBeCloseTo(1000, 5);
  });

  it('holds every call while paused', async () => {
    const time = fakeTime();
    const pace = createPace(5, time.now, time.sleep);
    pace.pause(3000);
    await pace.take();
    expect(time.now()).toBe(3000);
  });
});
