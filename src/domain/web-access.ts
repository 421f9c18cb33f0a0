/**
 * The admin web's secrets: one-time sign-in links, session ids and CSRF tokens are 32
 * random bytes (hex: chat formatting leaves it intact); only their SHA-256 is stored.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** How long a sign-in link sent by `/web` works, in milliseconds (10 minutes). */
export const WEB_LINK_VALID_MS = 10 * 60_000;

/** How long a session may stay unused before it ends, in milliseconds (30 minutes). */
export const WEB_SESSION_IDLE_MS = 30 * 60_000;

/** Random bytes in a secret. */
const SECRET_BYTES = 32;

/** A new random secret, URL-safe, in hex. */
export function newSecret(): string {
  return randomBytes(SECRET_BYTES).toString('hex');
}

/** What is stored of a secret: its SHA-256, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two secrets in constant time (a CSRF token against the session's). */
export function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
