import path from 'node:path';
import { z } from 'zod';
import { internationalDigits } from './core/phone.js';
import { DEFAULT_TRAINING, parseClock, type TrainingConfig } from './domain/training/config.js';
import { isLocalDate } from './domain/working-days.js';
import { ConfigError } from './errors.js';

/** Languages the bot speaks; the first is the default. */
export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const DEFAULT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;
/**
 * Baileys: shortest time between two messages of the bot's number, in milliseconds (plus
 * up to 50 % jitter). WhatsApp bans numbers that send like machines; a person types
 * slower than one message a second, so this stays under it.
 */
const DEFAULT_WHATSAPP_SEND_INTERVAL_MS = 1_500;
/**
 * Bulk messages (broadcasts) the Baileys number sends a day: an unofficial client sending
 * in bulk gets the number banned, so announcements beyond it wait for the next day.
 */
const DEFAULT_WHATSAPP_BULK_DAILY_CAP = 200;
/** Telegram: paced Bot API calls per second, overall; a margin under Telegram's ~30. */
const DEFAULT_TELEGRAM_SEND_PER_SECOND = 25;
/** The Graph API version the Cloud API channel calls unless told. */
const DEFAULT_WHATSAPP_CLOUD_API_VERSION = 'v23.0';
/** Meta's default throughput of a business number, in messages per second. */
const DEFAULT_WHATSAPP_CLOUD_SEND_PER_SECOND = 80;
/** The value of a `…_SEND_PER_SECOND` setting that turns the pace off (benchmarks, local servers). */
export const UNLIMITED_PACE = 'unlimited';
/** The highest finite pace accepted, in messages per second (Meta's highest tier is 1000). */
const MAX_SEND_PER_SECOND = 1_000;
/** Messages WhatsApp held while the bot was away longer than this get a late notice instead. */
const DEFAULT_WHATSAPP_STALE_AFTER_HOURS = 24;
/** Report service levels, in working days (DOMAIN.md §4.3, after LAPOR). */
export const DEFAULT_REPORT_SLA: ReportSlaConfig = {
  verifyDays: 3,
  followUpDays: 5,
  escalationDays: 2,
  autoCloseDays: 10,
};
/** How long records are kept, in days (see the README's "Personal data"). */
export const DEFAULT_RETENTION: RetentionConfig = {
  inboundDays: 30,
  outboxDays: 90,
  reportMediaDays: 365,
};

/**
 * A send pace in messages per second: more than zero, at most `max`, or
 * {@link UNLIMITED_PACE} (Infinity: no pace at all).
 */
function perSecond(fallback: number, max: number) {
  const message = `a number of messages per second above 0 and at most ${max}, or ${UNLIMITED_PACE}`;
  return z
    .string()
    .transform((value, ctx) => {
      if (value.trim() === UNLIMITED_PACE) return Number.POSITIVE_INFINITY;
      const pace = Number(value);
      if (Number.isFinite(pace) && pace > 0 && pace <= max) return pace;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    })
    .default(fallback);
}

/** A whole number of days, at least one. */
function minutes(fallback: number) {
  return z.coerce
    .number({ error: 'a number of minutes' })
    .int('a whole number of minutes')
    .min(0, 'zero minutes or more')
    .default(fallback);
}

function days(fallback: number) {
  return z.coerce
    .number({ error: 'a number of days' })
    .int('a whole number of days')
    .min(1, 'at least 1 day')
    .default(fallback);
}

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
  TELEGRAM_SEND_PER_SECOND: perSecond(DEFAULT_TELEGRAM_SEND_PER_SECOND, MAX_SEND_PER_SECOND),
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
  WHATSAPP_BULK_DAILY_CAP: z.coerce
    .number({ error: 'a number of messages' })
    .int('a whole number of messages')
    .min(0, 'zero or more messages')
    .default(DEFAULT_WHATSAPP_BULK_DAILY_CAP),
  WHATSAPP_CLOUD_ACCESS_TOKEN: z
    .string()
    .min(20, 'a system user access token from Meta')
    .optional(),
  WHATSAPP_CLOUD_PHONE_NUMBER_ID: z
    .string()
    .regex(/^\d{5,20}$/, 'the phone number id from WhatsApp Manager (digits)')
    .optional(),
  WHATSAPP_CLOUD_APP_SECRET: z.string().min(16, "the Meta app's secret").optional(),
  WHATSAPP_CLOUD_VERIFY_TOKEN: z
    .string()
    .regex(/^[\x21-\x7e]{16,256}$/, '16 to 256 printable characters without spaces')
    .optional(),
  WHATSAPP_CLOUD_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/, 'a Graph API version like v23.0')
    .default(DEFAULT_WHATSAPP_CLOUD_API_VERSION),
  WHATSAPP_CLOUD_API_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL' })
    .default('https://graph.facebook.com'),
  WHATSAPP_CLOUD_WEBHOOK_PATH: z
    .string()
    .regex(/^\/[\w/-]*$/, 'a path starting with /')
    .default('/webhooks/whatsapp'),
  WHATSAPP_CLOUD_SEND_PER_SECOND: perSecond(
    DEFAULT_WHATSAPP_CLOUD_SEND_PER_SECOND,
    MAX_SEND_PER_SECOND,
  ),
  WHATSAPP_CLOUD_TEMPLATES: z
    .string()
    .transform((value, ctx) => {
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'JSON' });
        return z.NEVER;
      }
    })
    .pipe(cloudTemplatesShape())
    .optional(),
  WHATSAPP_STALE_AFTER_HOURS: z.coerce
    .number({ error: 'a number of hours' })
    .positive('more than zero hours')
    .default(DEFAULT_WHATSAPP_STALE_AFTER_HOURS),
  CUTI_BERSAMA: z
    .string()
    .refine(
      (value) => list(value).every(isLocalDate),
      'comma-separated dates like 2026-03-20,2026-03-23',
    )
    .optional(),
  REPORT_VERIFY_WORKING_DAYS: days(DEFAULT_REPORT_SLA.verifyDays),
  REPORT_FOLLOW_UP_WORKING_DAYS: days(DEFAULT_REPORT_SLA.followUpDays),
  REPORT_ESCALATION_WORKING_DAYS: days(DEFAULT_REPORT_SLA.escalationDays),
  REPORT_AUTO_CLOSE_WORKING_DAYS: days(DEFAULT_REPORT_SLA.autoCloseDays),
  RETENTION_INBOUND_DAYS: days(DEFAULT_RETENTION.inboundDays),
  RETENTION_OUTBOX_DAYS: days(DEFAULT_RETENTION.outboxDays),
  RETENTION_REPORT_MEDIA_DAYS: days(DEFAULT_RETENTION.reportMediaDays),
  TRAINING_REMINDER_DAY_BEFORE_AT: z
    .string()
    .refine((value) => parseClock(value) !== undefined, 'a time of day like 18:00')
    .default('18:00'),
  TRAINING_REMINDER_MINUTES_BEFORE: minutes(DEFAULT_TRAINING.reminderBeforeMinutes),
  TRAINING_CANCEL_CUTOFF_MINUTES: minutes(DEFAULT_TRAINING.cancelCutoffMinutes),
  TRAINING_FEEDBACK_AFTER_MINUTES: minutes(DEFAULT_TRAINING.feedbackAfterMinutes),
  TELEGRAM_BOT_USERNAME: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9_]{3,31}$/, 'the bot username without @, like SapaDesaBot')
    .optional(),
  ADMIN_WEB_URL: z
    .url({ protocol: /^https?$/, error: 'an http(s) URL, like https://sapa.example.id' })
    .transform((value) => value.replace(/\/+$/, ''))
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
    /** Paced Bot API calls per second, overall (`TELEGRAM_SEND_PER_SECOND`); Infinity: none. */
    sendsPerSecond: number;
  };
  /** WhatsApp through Baileys, when enabled. */
  whatsapp?: {
    pairingNumber?: string;
    sendIntervalMs: number;
    /** Bulk messages (broadcasts) a day (an Indonesian day, WIB); the rest waits a day. */
    bulkDailyCap: number;
    /** Admin phone numbers, normalised to digits with the country code (62…). */
    adminNumbers: string[];
    /** Messages held while the bot was away longer than this are not answered (ms). */
    staleAfterMs: number;
  };
  /** WhatsApp through Meta's official Business Cloud API, when its access token is set. */
  whatsappCloud?: {
    accessToken: string;
    phoneNumberId: string;
    appSecret: string;
    verifyToken: string;
    apiVersion: string;
    apiBaseUrl: string;
    webhookPath: string;
    /** Messages per second of the number (`WHATSAPP_CLOUD_SEND_PER_SECOND`); Infinity: no pace. */
    messagesPerSecond: number;
    /** Approved templates per proactive kind, for messages outside the 24-hour window. */
    templates: Partial<Record<'report_status' | 'report_staff', CloudTemplateConfig>>;
    /** `WHATSAPP_ADMIN_NUMBERS`, shared with Baileys. */
    adminNumbers: string[];
  };
  /** Days off besides weekends and national holidays (`YYYY-MM-DD`), for working days. */
  cutiBersama: string[];
  /** Report service levels, in working days. */
  reportSla: ReportSlaConfig;
  /** How long records are kept, in days. */
  retention: RetentionConfig;
  /** Training reminders, the cancel cut-off and the feedback question. */
  training: TrainingConfig;
  /**
   * The public base URL of the admin web (`ADMIN_WEB_URL`, no trailing slash), for the
   * sign-in links `/web` sends; unset: the local address `http://localhost:<port>`.
   */
  adminWebUrl?: string;
}

/** An approved Cloud API template: its name, and Meta's language code per bot language. */
export interface CloudTemplateConfig {
  name: string;
  languages?: Record<string, string>;
}

/** Report service levels (DOMAIN.md §4.3), in working days. */
export interface ReportSlaConfig {
  /** From filing until a report still DITERIMA is escalated. */
  verifyDays: number;
  /** From filing until a report not yet forwarded or in progress is escalated. */
  followUpDays: number;
  /** From the first escalation until the second (the kabupaten's duta digital and admins). */
  escalationDays: number;
  /** From SELESAI until a report its reporter did not answer is closed. */
  autoCloseDays: number;
}

/** Retention ages, in days. */
export interface RetentionConfig {
  /** Records of received messages (the dedupe keys). */
  inboundDays: number;
  /** Sent and given-up outbox rows (the delivery record), and finished jobs. */
  outboxDays: number;
  /** Photos of reports closed (DITUTUP) or rejected (DITOLAK) this long ago. */
  reportMediaDays: number;
}

/**
 * Configured values that texts people read may name (`{{retentionInboundDays}}` in the
 * privacy notice), so that what the bot says matches what it does.
 */
export function textVariables(config: Pick<Config, 'retention'>): Record<string, number> {
  return {
    retentionInboundDays: config.retention.inboundDays,
    retentionOutboxDays: config.retention.outboxDays,
    retentionPhotoDays: config.retention.reportMediaDays,
  };
}

/** `WHATSAPP_CLOUD_TEMPLATES`: an approved template per proactive kind. */
function cloudTemplatesShape() {
  const template = z.strictObject({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'template names are a-z, 0-9 and _'),
    languages: z.record(z.string(), z.string()).optional(),
  });
  return z.partialRecord(z.enum(['report_status', 'report_staff']), template, {
    error:
      'JSON like {"report_status":{"name":"sapa_report_status","languages":{"id":"id","en":"en"}}} (kinds: report_status, report_staff)',
  });
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
  if (cleaned.WHATSAPP_CLOUD_MESSAGES_PER_SECOND !== undefined) {
    throw new ConfigError(
      'WHATSAPP_CLOUD_MESSAGES_PER_SECOND',
      'renamed to WHATSAPP_CLOUD_SEND_PER_SECOND',
      cleaned.WHATSAPP_CLOUD_MESSAGES_PER_SECOND,
    );
  }
  if (e.WHATSAPP_CLOUD_ACCESS_TOKEN) {
    const needed = [
      'WHATSAPP_CLOUD_PHONE_NUMBER_ID',
      'WHATSAPP_CLOUD_APP_SECRET',
      'WHATSAPP_CLOUD_VERIFY_TOKEN',
    ] as const;
    const missing = needed.find((name) => !e[name]);
    if (missing) {
      throw new ConfigError(missing, 'set when WHATSAPP_CLOUD_ACCESS_TOKEN is set', undefined);
    }
  }
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
    adminWebUrl: e.ADMIN_WEB_URL,
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
          sendsPerSecond: e.TELEGRAM_SEND_PER_SECOND,
        }
      : undefined,
    whatsapp:
      e.WHATSAPP_ENABLED === 'true'
        ? {
            pairingNumber: e.WHATSAPP_PAIRING_NUMBER
              ? internationalDigits(e.WHATSAPP_PAIRING_NUMBER)
              : undefined,
            sendIntervalMs: e.WHATSAPP_SEND_INTERVAL_MS,
            bulkDailyCap: e.WHATSAPP_BULK_DAILY_CAP,
            adminNumbers: list(e.WHATSAPP_ADMIN_NUMBERS).map(internationalDigits),
            staleAfterMs: e.WHATSAPP_STALE_AFTER_HOURS * 3_600_000,
          }
        : undefined,
    whatsappCloud:
      e.WHATSAPP_CLOUD_ACCESS_TOKEN &&
      e.WHATSAPP_CLOUD_PHONE_NUMBER_ID &&
      e.WHATSAPP_CLOUD_APP_SECRET &&
      e.WHATSAPP_CLOUD_VERIFY_TOKEN
        ? {
            accessToken: e.WHATSAPP_CLOUD_ACCESS_TOKEN,
            phoneNumberId: e.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
            appSecret: e.WHATSAPP_CLOUD_APP_SECRET,
            verifyToken: e.WHATSAPP_CLOUD_VERIFY_TOKEN,
            apiVersion: e.WHATSAPP_CLOUD_API_VERSION,
            apiBaseUrl: e.WHATSAPP_CLOUD_API_BASE_URL,
            webhookPath: e.WHATSAPP_CLOUD_WEBHOOK_PATH,
            messagesPerSecond: e.WHATSAPP_CLOUD_SEND_PER_SECOND,
            templates: e.WHATSAPP_CLOUD_TEMPLATES ?? {},
            adminNumbers: list(e.WHATSAPP_ADMIN_NUMBERS).map(internationalDigits),
          }
        : undefined,
    cutiBersama: list(e.CUTI_BERSAMA),
    reportSla: {
      verifyDays: e.REPORT_VERIFY_WORKING_DAYS,
      followUpDays: e.REPORT_FOLLOW_UP_WORKING_DAYS,
      escalationDays: e.REPORT_ESCALATION_WORKING_DAYS,
      autoCloseDays: e.REPORT_AUTO_CLOSE_WORKING_DAYS,
    },
    retention: {
      inboundDays: e.RETENTION_INBOUND_DAYS,
      outboxDays: e.RETENTION_OUTBOX_DAYS,
      reportMediaDays: e.RETENTION_REPORT_MEDIA_DAYS,
    },
    training: {
      dayBeforeAt: parseClock(e.TRAINING_REMINDER_DAY_BEFORE_AT) ?? DEFAULT_TRAINING.dayBeforeAt,
      reminderBeforeMinutes: e.TRAINING_REMINDER_MINUTES_BEFORE,
      cancelCutoffMinutes: e.TRAINING_CANCEL_CUTOFF_MINUTES,
      feedbackAfterMinutes: e.TRAINING_FEEDBACK_AFTER_MINUTES,
      telegramBot: e.TELEGRAM_BOT_USERNAME,
    },
  };
}
