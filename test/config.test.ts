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
});
