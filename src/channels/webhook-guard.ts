import { timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { HttpEnv } from '../http/server.js';

/** Largest webhook body taken, in bytes; the platforms' notifications are a few kilobytes. */
export const WEBHOOK_MAX_BYTES = 1024 * 1024;

/** Compares two byte strings in constant time (a different length is told at once). */
export function sameBytes(given: Uint8Array, expected: Uint8Array): boolean {
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Compares a secret a caller sent (maybe none) with ours, in constant time. */
export function sameSecret(given: string | undefined, secret: string): boolean {
  return sameBytes(Buffer.from(given ?? ''), Buffer.from(secret));
}

/**
 * Refuses a body above `maxBytes` with 413, whether its declared length says so or its
 * bytes run over while streamed; logs the refusal as the `platform` webhook's.
 */
export function webhookBodyLimit(
  platform: string,
  maxBytes: number = WEBHOOK_MAX_BYTES,
): MiddlewareHandler<HttpEnv> {
  return bodyLimit({
    maxSize: maxBytes,
    onError: (c) => {
      c.get('logger').warn(`${platform} webhook body too large; refused`);
      return c.json({ error: 'payload too large' }, 413);
    },
  });
}
