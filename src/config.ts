import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** Languages the bot speaks; the first is the default. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const DEFAULT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;

const envSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1, 'a folder path').default('./data'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: 'one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  LOG_FORMAT: z
    .enum(['json', 'pretty', 'auto'], { error: 'one of json, pretty, auto' })
    .default('auto'),
  PORT: z.coerce
    .number({ error: 'a port number' })
    .int('a whole port number')
    .min(0, 'a port between 0 and 65535')
    .max(65535, 'a port between 0 and 65535')
    .default(3000),
  DEFAULT_LANGUAGE: z.enum(LANGUAGES, { error: `one of ${LANGUAGES.join(', ')}` }).default('id'),
  MEDIA_MAX_BYTES: z.coerce
    .number({ error: 'a number of bytes' })
    .int('a whole number of bytes')
    .positive('a positive number of bytes')
    .default(DEFAULT_MEDIA_MAX_BYTES),
  CONSOLE_ENABLED: z
    .enum(['true', 'false', 'auto'], { error: 'one of true, false, auto' })
    .default('auto'),
});

/** The validated configuration every part of the bot is built from. */
export interface Config {
  /** `postgres` when `DATABASE_URL` is set, else the embedded PGlite under `dataDir`. */
  database: { driver: 'postgres'; url: string } | { driver: 'pglite'; dataDir: string };
  dataDir: string;
  mediaDir: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  logFormat: z.infer<typeof envSchema>['LOG_FORMAT'];
  port: number;
  defaultLanguage: Language;
  mediaMaxBytes: number;
  /** Console chat on stdin/stdout; `auto` means on when no platform channel is configured. */
  console: 'on' | 'off' | 'auto';
}

/**
 * Validates the environment into a {@link Config}.
 * Empty strings count as unset, so `PORT=` in a `.env` file means the default.
 * @throws ConfigError naming the first bad variable and what it expects.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'a valid value', cleaned[variable]);
  }
  const e = parsed.data;
  const dataDir = path.resolve(e.DATA_DIR);
  return {
    database: e.DATABASE_URL
      ? { driver: 'postgres', url: e.DATABASE_URL }
      : { driver: 'pglite', dataDir: path.join(dataDir, 'pglite') },
    dataDir,
    mediaDir: path.join(dataDir, 'media'),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    port: e.PORT,
    defaultLanguage: e.DEFAULT_LANGUAGE,
    mediaMaxBytes: e.MEDIA_MAX_BYTES,
    console: e.CONSOLE_ENABLED === 'auto' ? 'auto' : e.CONSOLE_ENABLED === 'true' ? 'on' : 'off',
  };
}
