import { describe, expect, it } from 'vitest';
import { createPartsSender, partsKey } from '../../src/channels/parts.js';
import type { SendResult } from '../../src/runtime/types.js';

/** A part sender recording the parts sent, failing the parts listed in `failing` once each. */
function recording(failing: number[]) {
  const sent: number[] = [];
  const sendPart = async (index: number): Promise<SendResult> => {
    const at = failing.indexOf(index);
    if (at >= 0) {
      failing.splice(at, 1);
      return { type: 'retry', error: 'down' };
    }
    sent.push(index);
    return { type: 'sent' };
  };
  return { sent, sendPart };
}

describe('parts sender', () => {
  it('resumes at the part that failed and starts over once sent in full', async () => {
    const parts = createPartsSender();
    const { sent, sendPart } = recording([1]);
    expect(await parts.send('outbox:1', 3, sendPart)).toEqual({ type: 'retry', error: 'down' });
    expect(await parts.send('outbox:1', 3, sendPart)).toEqual({ type: 'sent' });
    expect(await parts.send('outbox:1', 3, sendPart)).toEqual({ type: 'sent' });
    expect(sent).toEqual([0, 1, 2, 0, 1, 2]);
  });

  it('keeps the progress of each message apart', async () => {
    const parts = createPartsSender();
    const { sent, sendPart } = recording([2, 11]);
    await parts.send('outbox:1', 3, sendPart);
    await parts.send('outbox:2', 3, (index) => sendPart(index + 10));
    expect(sent).toEqual([0, 1, 10]);
    await parts.send('outbox:2', 3, (index) => sendPart(index + 10));
    await parts.send('outbox:1', 3, sendPart);
    expect(sent).toEqual([0, 1, 10, 11, 12, 2]);
  });

  it('forgets the oldest progress beyond its bound', async () => {
    const parts = createPartsSender(1);
    const { sent, sendPart } = recording([1, 1]);
    await parts.send('outbox:1', 2, sendPart);
    await parts.send('outbox:2', 2, sendPart);
    await parts.send('outbox:1', 2, sendPart);
    expect(sent).toEqual([0, 0, 0, 1]);
  });

  it('keys a message by its outbox row, else by its address and content', () => {
    const message = { texts: [] };
    expect(partsKey('62811', message, { outboxId: 7, outbound: { texts: [] } })).toBe('outbox:7');
    expect(partsKey('62811', message, undefined)).not.toBe(partsKey('62812', message, undefined));
  });
});
