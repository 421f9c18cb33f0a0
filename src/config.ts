import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** Languages the bot speaks; the first is the default. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const DEFAULT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;
const DEFAULT_WHATSAPP_SEND_INTERVAL_MS = 1_500;

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
  TELEGRAM_BOT_TOKEN: z
    .string()
    .regex(/^\d+:[\w-]{20,}$/, 'a bot token from @BotFather, like 123456:ABC-...')
    .optional(),
  TELEGRAM_WEBHOOK_URL: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
  TELEGRAM_WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, '16 to 256 characters of A-Z, a-z, 0-9, _ or -')
    .optional(),
  TELEGRAM_API_ROOT: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
  TELEGRAM_ADMIN_IDS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'comma-separated Telegram user ids')
    .optional(),
  WHATSAPP_ENABLED: z.enum(['true', 'false'], { error: 'true or false' }).default('false'),
  WHATSAPP_PAIRING_NUMBER: z
    .string()
    .regex(/^\+?\d{8,15}$/, 'a phone number in international form, like 6281234567890')
    .optional(),
  WHATSAPP_SEND_INTERVAL_MS: z.coerce
    .number({ error: 'a number of milliseconds' })
    .int('a whole number of milliseconds')
    .min(0, 'zero or more milliseconds')
    .default(DEFAULT_WHATSAPP_SEND_INTERVAL_MS),
  WHATSAPP_ADMIN_NUMBERS: z
    .string()
    .regex(/^[\d\s+,-]+$/, 'comma-separated phone numbers (+62… or 08…)')
    .optional(),
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
  /** Telegram, when a bot token is set: long polling, or a webhook when its URL is set. */
  telegram?: {
    token: string;
    webhook?: { url: string; secret: string };
    apiRoot?: string;
    adminIds: string[];
  };
  /** WhatsApp through Baileys, when enabled. */
  whatsapp?: {
    pairingNumber?: string;
    sendIntervalMs: number;
    /** Admin phone numbers, normalised to digits with the country code (62…). */
    adminNumbers: string[];
  };
}

/** Normalises an Indonesian phone number to digits with country code: 0812… and +62812… → 62812…. */
export function normalizePhone(input: string): string {
  const digits = input.replace(/\D/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}

function list(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
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
  if (e.TELEGRAM_WEBHOOK_URL && !e.TELEGRAM_WEBHOOK_SECRET) {
    throw new ConfigError(
      'TELEGRAM_WEBHOOK_SECRET',
      'set when TELEGRAM_WEBHOOK_URL is set',
      undefined,
    );
  }
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
    telegram: e.TELEGRAM_BOT_TOKEN
      ? {
          token: e.TELEGRAM_BOT_TOKEN,
          webhook:
            e.TELEGRAM_WEBHOOK_URL && e.TELEGRAM_WEBHOOK_SECRET
              ? { url: e.TELEGRAM_WEBHOOK_URL, secret: e.TELEGRAM_WEBHOOK_SECRET }
              : undefined,
          apiRoot: e.TELEGRAM_API_ROOT,
          adminIds: list(e.TELEGRAM_ADMIN_IDS),
        }
      : undefined,
    whatsapp:
      e.WHATSAPP_ENABLED === 'true'
        ? {
            pairingNumber: e.WHATSAPP_PAIRING_NUMBER
              ? normalizePhone(e.WHATSAPP_PAIRING_NUMBER)
              : undefined,
            sendIntervalMs: e.WHATSAPP_SEND_INTERVAL_MS,
            adminNumbers: list(e.WHATSAPP_ADMIN_NUMBERS).map(normalizePhone),
          }
        : undefined,
  };
}
