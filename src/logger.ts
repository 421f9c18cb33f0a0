import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Paths whose values are personal data. They are replaced by `[redacted]` at every
 * level: phone numbers, names and message texts never reach a log line.
 */
export const REDACTED_PATHS = [
  'phone',
  '*.phone',
  'name',
  '*.name',
  'displayName',
  '*.displayName',
  'text',
  '*.text',
  'caption',
  '*.caption',
  'address',
  '*.address',
  'latitude',
  '*.latitude',
  'longitude',
  '*.longitude',
  'externalId',
  '*.externalId',
  'req.headers.authorization',
  'req.headers["x-telegram-bot-api-secret-token"]',
];

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
