import { describe, expect, it } from 'vitest';
import { sameBytes, sameSecret } from '../../src/channels/webhook-guard.js';

describe('webhook guard', () => {
  it('takes only the very same secret', () => {
    expect(sameSecret('rahasia', 'rahasia')).toBe(true);
    expect(sameSecret('rahasiA', 'rahasia')).toBe(false);
    expect(sameSecret('rahasia-panjang', 'rahasia')).toBe(false);
    expect(sameSecret(undefined, 'rahasia')).toBe(false);
    expect(sameSecret('', 'rahasia')).toBe(false);
  });

  it('compares bytes of any length without throwing', () => {
    expect(sameBytes(Buffer.from([1, 2]), Buffer.from([1, 2]))).toBe(true);
    expect(sameBytes(Buffer.from([1, 2]), Buffer.from([1, 2, 3]))).toBe(false);
  });
});
