/**
 * The few error classes of Sapa Desa. Each answers "who failed"; bad user input is
 * never an error (it is a re-prompt), so none of these is ever shown to a person.
 */

/** The environment holds a value the bot cannot start with. */
export class ConfigError extends Error {
  override name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly expected: string,
    received: string | undefined,
  ) {
    const shown = received === undefined ? '' : ` (got "${truncate(received)}")`;
    super(`${variable} must be ${expected}${shown}`);
  }
}

/** The database could not be opened, migrated, locked or queried. */
export class DatabaseError extends Error {
  override name = 'DatabaseError';
}

/**
 * A messaging platform refused or failed a call. `retryAfterMs` is set when the
 * platform said how long to wait; `permanent` when retrying cannot help (blocked, gone).
 */
export class PlatformError extends Error {
  override name = 'PlatformError';
  constructor(
    message: string,
    readonly options: { retryAfterMs?: number; permanent?: boolean; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
  }
}

export { FlowDefinitionError } from './core/errors.js';

function truncate(value: string): string {
  return value.length > 40 ? `${value.slice(0, 37)}...` : value;
}
