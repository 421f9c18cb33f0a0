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

  it('lets a reply through before the bulk sends already waiting', async () => {
    const time = fakeTime();
    const pace = createPace(2, time.now, time.sleep);
    await pace.take(10);
    await pace.take(10);
    // The bucket is empty: three bulk sends wait, then a reply asks.
    const order: string[] = [];
    const bulk = [1, 2, 3].map((n) => pace.take(10).then(() => order.push(`bulk ${n}`)));
    const reply = pace.take(0).then(() => order.push('reply'));
    await Promise.all([...bulk, reply]);
    expect(order).toEqual(['reply', 'bulk 1', 'bulk 2', 'bulk 3']);
  });

  it('gives a waiting bulk send one token in five while replies keep asking', async () => {
    const time = fakeTime();
    const pace = createPace(1, time.now, time.sleep);
    await pace.take();
    const order: string[] = [];
    const bulk = [1, 2].map((n) => pace.take(10).then(() => order.push(`bulk ${n}`)));
    const replies = Array.from({ length: 10 }, (_, n) =>
      pace.take(0).then(() => order.push(`reply ${n + 1}`)),
    );
    await Promise.all([...bulk, ...replies]);
    expect(order).toEqual([
      'reply 1',
      'reply 2',
      'reply 3',
      'reply 4',
      'bulk 1',
      'reply 5',
      'reply 6',
      'reply 7',
      'reply 8',
      'bulk 2',
      'reply 9',
      'reply 10',
    ]);
  });

  it('holds every call while paused', async () => {
    const time = fakeTime();
    const pace = createPace(5, time.now, time.sleep);
    pace.pause(3000);
    await pace.take();
    expect(time.now()).toBe(3000);
  });

  it('lets a spare call through only when the bucket is more than half full and no one waits', async () => {
    const time = fakeTime();
    const pace = createPace(4, time.now, time.sleep);
    expect(pace.spare()).toBe(true);
    expect(pace.spare()).toBe(true);
    // Two of four tokens left: one more would leave less than half.
    expect(pace.spare()).toBe(false);
    await pace.take();
    await pace.take();
    expect(pace.spare()).toBe(false);
    // Refilled after a second: spare calls are let through again.
    await time.sleep(1000);
    expect(pace.spare()).toBe(true);
  });

  it('never lets a spare call through while a call waits or the pace is paused', async () => {
    const time = fakeTime();
    const pace = createPace(10, time.now, time.sleep);
    pace.pause(500);
    expect(pace.spare()).toBe(false);
    const taken = pace.take();
    expect(pace.spare()).toBe(false);
    await taken;
    expect(time.now()).toBe(500);
    expect(pace.spare()).toBe(true);
  });

  it('spares every call when unpaced', () => {
    const pace = createPace(Number.POSITIVE_INFINITY);
    expect(Array.from({ length: 100 }, () => pace.spare()).every(Boolean)).toBe(true);
  });
});
