import { describe, expect, it } from 'vitest';
import { createCallbackSigner } from '../../../src/channels/telegram/callback-data.js';

describe('callback data', () => {
  const signer = createCallbackSigner('123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAA');

  it('round-trips a press within 64 bytes', () => {
    const data = signer.encode(987654321, { token: '12.345', number: 9 });
    expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
    expect(signer.decode(987654321, data)).toEqual({ token: '12.345', number: 9 });
  });

  it('refuses changed data, another chat and another bot', () => {
    const data = signer.encode(42, { token: '1.3', number: 1 });
    expect(signer.decode(42, data.replace('|1|', '|2|'))).toBeUndefined();
    expect(signer.decode(42, data.replace('1.3', '1.4'))).toBeUndefined();
    expect(signer.decode(43, data)).toBeUndefined();
    const other = createCallbackSigner('654321:BBBBBBBBBBBBBBBBBBBBBBBBBBBB');
    expect(other.decode(42, data)).toBeUndefined();
    for (const junk of [undefined, '', 'c|1.3|1', 'x|1.3|1|abc', `${data}|x`, 'c|1.3|1|']) {
      expect(signer.decode(42, junk)).toBeUndefined();
    }
  });
});
