import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Keys whose values are personal data: phone numbers, names, message texts,
 * places and platform addresses. Ours, plus the raw field names of Telegram
 * updates (`first_name`, `phone_number`...) and Baileys messages (`pushName`,
 * `remoteJid`, `conversation`...), so a logged platform payload leaks nothing either.
 */
export const PERSONAL_DATA_KEYS = [
  'phone',
  'name',
  'displayName',
  'text',
  'caption',
  'address',
  'latitude',
  'longitude',
  'externalId',
  'first_name',
  'last_name',
  'username',
  'phone_number',
  'pushName',
  'remoteJid',
  'remoteJidAlt',
  'participant',
  'participantAlt',
  'conversation',
] as const;

/**
 * How many objects deep a personal-data key is still found: 3 covers
 * `{ update: { message: { from: { first_name } } } }`. Each level adds wildcard
 * paths and pino's redaction cost grows with their number: measured here, a line
 * with a small object costs ~45 µs (~3 µs unredacted), a nested payload ~120 µs.
 */
export const REDACT_NESTING_LEVELS = 3;

/**
 * Paths whose values are replaced by `[redacted]`: every {@link PERSONAL_DATA_KEYS}
 * key at the top level and up to {@link REDACT_NESTING_LEVELS} objects (or arrays)
 * deep, plus secret request headers.
 */
export const REDACTED_PATHS = [
  ...PERSONAL_DATA_KEYS.flatMap((key) =>
    Array.from({ length: REDACT_NESTING_LEVELS + 1 }, (_, depth) =>
      [...Array<string>(depth).fill('*'), key].join('.'),
    ),
  ),
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

/**
 * Fields of a database error worth logging: they name the failure, never a value.
 * postgres.js and PGlite spell some of them differently.
 */
const DATABASE_ERROR_FIELDS = [
  'code',
  'severity',
  'constraint',
  'constraint_name',
  'table',
  'table_name',
  'column',
  'column_name',
  'dataType',
  'routine',
] as const;

/**
 * Properties that carry the values a failed call was given: query parameters (Drizzle,
 * postgres.js, PGlite), a Bot API request's payload (grammY), PostgreSQL's `detail` and
 * `where` (`Key (name)=(Siti) already exists`, the failing statement's text).
 */
const VALUE_CARRYING_FIELDS = new Set([
  'params',
  'parameters',
  'args',
  'payload',
  'detail',
  'where',
]);

/** How deep a chain of causes is followed. */
const ERROR_CAUSE_DEPTH = 3;

/** A PostgreSQL error (SQLSTATE code and severity), from postgres.js or PGlite. */
function isDatabaseError(error: Error): boolean {
  const { code, severity } = error as { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** Drizzle's wrapper, whose message is the SQL text followed by every parameter value. */
function isDrizzleQueryError(error: Error): error is Error & { query: string } {
  return typeof (error as { query?: unknown }).query === 'string' && 'params' in error;
}

/**
 * The message of an error with the values taken out. PostgreSQL quotes the value it choked
 * on (`invalid input syntax for type integer: "Siti"`) the same way as names, so every
 * quoted part goes; the code, table, column and constraint fields still say what failed.
 */
function safeMessage(error: Error): string {
  if (isDrizzleQueryError(error)) return `Failed query: ${error.query}`;
  if (isDatabaseError(error)) return error.message.replace(/"[^"]*"/g, '"…"');
  return error.message;
}

/**
 * Serialises an error for the logs without the values it was given: query parameters and
 * the values inside database messages are dropped (the stack's first line too, which
 * repeats the message), and causes are followed the same way. Everything else is kept.
 */
export function serializeError(error: unknown, depth = 0): unknown {
  if (!(error instanceof Error)) return error;
  const message = safeMessage(error);
  const out: Record<string, unknown> = { type: error.name, message };
  if (error.stack) {
    const frames = error.stack.indexOf('\n    at ');
    out.stack = `${error.name}: ${message}${frames === -1 ? '' : error.stack.slice(frames)}`;
  }
  if (isDatabaseError(error)) {
    for (const field of DATABASE_ERROR_FIELDS) {
      const value = (error as unknown as Record<string, unknown>)[field];
      if (value !== undefined) out[field] = value;
    }
  } else {
    for (const [key, value] of Object.entries(error)) {
      if (VALUE_CARRYING_FIELDS.has(key) || key === 'cause' || key === 'query') continue;
      if (value === null || ['string', 'number', 'boolean'].includes(typeof value))
        out[key] = value;
    }
  }
  if (error.cause !== undefined && depth < ERROR_CAUSE_DEPTH) {
    out.cause = serializeError(error.cause, depth + 1);
  }
  return out;
}

/** One line naming an error, without the values it was given (see {@link serializeError}). */
export function errorSummary(error: unknown): string {
  return error instanceof Error ? safeMessage(error) : String(error);
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  level: string;
  /** `auto`: readable when stderr is a terminal, JSON otherwise. */
  format: 'json' | 'pretty' | 'auto';
  /** Where lines go; stderr by default, so the console chat keeps stdout. */
  destination?: DestinationStream;
}

/** Builds the root logger. Child loggers per message carry channel and contact id only. */
export function createLogger(options: LoggerOptions): Logger {
  const pretty =
    options.format === 'pretty' || (options.format === 'auto' && process.stderr.isTTY === true);
  const base = {
    level: options.level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
  };
  if (options.destination) return pino(base, options.destination);
  if (pretty) {
    return pino({
      ...base,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: true } },
    });
  }
  return pino(base, pino.destination(2));
}
