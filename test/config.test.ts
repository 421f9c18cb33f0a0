import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { ConfigError } from '../src/errors.js';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      database: { driver: 'pglite', dataDir: path.resolve('data', 'pglite') },
      dataDir: path.resolve('data'),
      mediaDir: path.resolve('data', 'media'),
      logLevel: 'info',
      port: 3000,
      defaultLanguage: 'id',
      mediaMaxBytes: 10 * 1024 * 1024,
      console: 'auto',
    });
  });

  it('reads a complete valid environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/sapa',
      DATA_DIR: '/srv/sapa',
      LOG_LEVEL: 'debug',
      LOG_FORMAT: 'json',
      PORT: '8080',
      DEFAULT_LANGUAGE: 'en',
      MEDIA_MAX_BYTES: '2048',
      CONSOLE_ENABLED: 'false',
    });
    expect(config).toMatchObject({
      database: { driver: 'postgres', url: 'postgres://u@db:5432/sapa' },
      dataDir: '/srv/sapa',
      logLevel: 'debug',
      logFormat: 'json',
      port: 8080,
      defaultLanguage: 'en',
      mediaMaxBytes: 2048,
      console: 'off',
    });
  });

  it('reads the platform variables', () => {
    const config = loadConfig({
      TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx',
      TELEGRAM_WEBHOOK_URL: 'https://bot.example.id/telegram/hook',
      TELEGRAM_WEBHOOK_SECRET: 'a-very-secret-token',
      TELEGRAM_ADMIN_IDS: '111, 222',
      WHATSAPP_ENABLED: 'true',
      WHATSAPP_PAIRING_NUMBER: '+6281234567890',
      WHATSAPP_ADMIN_NUMBERS: '081234567890, +62 811-1111-222',
    });
    expect(config.telegram).toEqual({
      token: '123456:ABCdefGHIjklMNOpqrSTUvwx',
      webhook: { url: 'https://bot.example.id/telegram/hook', secret: 'a-very-secret-token' },
      apiRoot: undefined,
      adminIds: ['111', '222'],
      sendsPerSecond: 25,
    });
    expect(config.whatsapp).toEqual({
      pairingNumber: '6281234567890',
      sendIntervalMs: 1500,
      bulkDailyCap: 200,
      adminNumbers: ['6281234567890', '628111111222'],
      staleAfterMs: 24 * 3_600_000,
    });
  });

  it('reads the WhatsApp Cloud API variables, with their defaults', () => {
    const cloud = {
      WHATSAPP_CLOUD_ACCESS_TOKEN: 'EAAGfakeSystemUserToken0123456789',
      WHATSAPP_CLOUD_PHONE_NUMBER_ID: '1098765432109',
      WHATSAPP_CLOUD_APP_SECRET: '0123456789abcdef0123456789abcdef',
      WHATSAPP_CLOUD_VERIFY_TOKEN: 'verify-token-0123456789',
      WHATSAPP_ADMIN_NUMBERS: '0811-0000-0009',
    };
    expect(loadConfig({}).whatsappCloud).toBeUndefined();
    expect(loadConfig(cloud).whatsappCloud).toEqual({
      accessToken: cloud.WHATSAPP_CLOUD_ACCESS_TOKEN,
      phoneNumberId: '1098765432109',
      appSecret: cloud.WHATSAPP_CLOUD_APP_SECRET,
      verifyToken: cloud.WHATSAPP_CLOUD_VERIFY_TOKEN,
      apiVersion: 'v23.0',
      apiBaseUrl: 'https://graph.facebook.com',
      webhookPath: '/webhooks/whatsapp',
      messagesPerSecond: 80,
      templates: {},
      adminNumbers: ['6281100000009'],
    });
    expect(
      loadConfig({ ...cloud, WHATSAPP_CLOUD_SEND_PER_SECOND: '20' }).whatsappCloud
        ?.messagesPerSecond,
    ).toBe(20);
    const templates = '{"report_status":{"name":"sapa_report_status","languages":{"en":"en_US"}}}';
    expect(
      loadConfig({ ...cloud, WHATSAPP_CLOUD_TEMPLATES: templates }).whatsappCloud?.templates,
    ).toEqual({ report_status: { name: 'sapa_report_status', languages: { en: 'en_US' } } });
    expect(() => loadConfig({ ...cloud, WHATSAPP_CLOUD_TEMPLATES: '{"reminder":{}}' })).toThrow(
      'WHATSAPP_CLOUD_TEMPLATES',
    );
    expect(() => loadConfig({ ...cloud, WHATSAPP_CLOUD_TEMPLATES: 'not json' })).toThrow(
      'WHATSAPP_CLOUD_TEMPLATES',
    );
    expect(() => loadConfig({ ...cloud, WHATSAPP_CLOUD_APP_SECRET: undefined })).toThrow(
      'WHATSAPP_CLOUD_APP_SECRET must be set when WHATSAPP_CLOUD_ACCESS_TOKEN is set',
    );
  });

  it('reads the send pace of each channel: a number per second or unlimited', () => {
    const telegram = { TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx' };
    expect(loadConfig({ ...telegram, TELEGRAM_SEND_PER_SECOND: '12.5' }).telegram).toMatchObject({
      sendsPerSecond: 12.5,
    });
    expect(
      loadConfig({ ...telegram, TELEGRAM_SEND_PER_SECOND: 'unlimited' }).telegram?.sendsPerSecond,
    ).toBe(Number.POSITIVE_INFINITY);
    expect(
      loadConfig({ WHATSAPP_ENABLED: 'true', WHATSAPP_SEND_INTERVAL_MS: '2000' }).whatsapp
        ?.sendIntervalMs,
    ).toBe(2000);
    expect(() => loadConfig({ ...telegram, TELEGRAM_SEND_PER_SECOND: '1001' })).toThrow(
      'TELEGRAM_SEND_PER_SECOND must be a number of messages per second',
    );
  });

  it('requires a webhook secret with a webhook URL', () => {
    expect(() =>
      loadConfig({
        TELEGRAM_BOT_TOKEN: '123456:ABCdefGHIjklMNOpqrSTUvwx',
        TELEGRAM_WEBHOOK_URL: 'https://bot.example.id/hook',
      }),
    ).toThrow('TELEGRAM_WEBHOOK_SECRET must be set when TELEGRAM_WEBHOOK_URL is set');
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'abc', 'PORT must be a port number'],
    ['PORT', '70000', 'PORT must be a port between 0 and 65535'],
    ['PORT', '80.5', 'PORT must be a whole port number'],
    ['DATABASE_URL', 'mysql://x', 'DATABASE_URL must be a postgres:// or postgresql:// URL'],
    [
      'LOG_LEVEL',
      'loud',
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    ],
    ['DEFAULT_LANGUAGE', 'jv', 'DEFAULT_LANGUAGE must be one of id, en'],
    ['MEDIA_MAX_BYTES', '-1', 'MEDIA_MAX_BYTES must be a positive number of bytes'],
    ['CONSOLE_ENABLED', 'yes', 'CONSOLE_ENABLED must be one of true, false, auto'],
    [
      'TELEGRAM_BOT_TOKEN',
      'abc',
      'TELEGRAM_BOT_TOKEN must be a bot token from @BotFather, like 123456:ABC-...',
    ],
    ['TELEGRAM_API_ROOT', 'ftp://x', 'TELEGRAM_API_ROOT must be an http(s) URL'],
    [
      'TELEGRAM_ADMIN_IDS',
      '12,abc',
      'TELEGRAM_ADMIN_IDS must be comma-separated Telegram user ids',
    ],
    ['WHATSAPP_ENABLED', 'yes', 'WHATSAPP_ENABLED must be true or false'],
    [
      'WHATSAPP_SEND_INTERVAL_MS',
      '-5',
      'WHATSAPP_SEND_INTERVAL_MS must be zero or more milliseconds',
    ],
    [
      'TELEGRAM_SEND_PER_SECOND',
      '0',
      'TELEGRAM_SEND_PER_SECOND must be a number of messages per second above 0 and at most 1000, or unlimited',
    ],
    [
      'WHATSAPP_CLOUD_SEND_PER_SECOND',
      'fast',
      'WHATSAPP_CLOUD_SEND_PER_SECOND must be a number of messages per second above 0 and at most 1000, or unlimited',
    ],
    [
      'WHATSAPP_CLOUD_MESSAGES_PER_SECOND',
      '80',
      'WHATSAPP_CLOUD_MESSAGES_PER_SECOND must be renamed to WHATSAPP_CLOUD_SEND_PER_SECOND',
    ],
  ])('refuses %s=%s with one clear line', (variable, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toBe(`${message} (got "${value}")`);
  });

  it('reads the working-day calendar, the report service levels and the retention ages', () => {
    expect(loadConfig({})).toMatchObject({
      cutiBersama: [],
      reportSla: { verifyDays: 3, followUpDays: 5, escalationDays: 2, autoCloseDays: 10 },
      retention: { inboundDays: 30, outboxDays: 90, reportMediaDays: 365 },
    });
    const config = loadConfig({
      CUTI_BERSAMA: '2026-03-20, 2026-03-23',
      REPORT_VERIFY_WORKING_DAYS: '2',
      REPORT_AUTO_CLOSE_WORKING_DAYS: '7',
      RETENTION_OUTBOX_DAYS: '30',
    });
    expect(config.cutiBersama).toEqual(['2026-03-20', '2026-03-23']);
    expect(config.reportSla).toMatchObject({ verifyDays: 2, autoCloseDays: 7 });
    expect(config.retention.outboxDays).toBe(30);
  });

  it('names a bad cuti bersama date or number of days', () => {
    expect(() => loadConfig({ CUTI_BERSAMA: '2026-02-30' })).toThrow(/CUTI_BERSAMA/);
    expect(() => loadConfig({ CUTI_BERSAMA: '20/03/2026' })).toThrow(ConfigError);
    expect(() => loadConfig({ REPORT_FOLLOW_UP_WORKING_DAYS: '0' })).toThrow(
      /REPORT_FOLLOW_UP_WORKING_DAYS/,
    );
    expect(() => loadConfig({ RETENTION_INBOUND_DAYS: 'lama' })).toThrow(/RETENTION_INBOUND_DAYS/);
  });
});
