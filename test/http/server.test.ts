import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import {
  createHealthCheck,
  createHttpApp,
  type HealthCheck,
  startHttpServer,
} from '../../src/http/server.js';
import { createLogger } from '../../src/logger.js';
import { createTestDb, DRIVERS } from '../support/db.js';

/** A debug-level JSON logger whose lines the test can read. */
function memoryLogger() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { logger: createLogger({ level: 'debug', format: 'json', destination }), lines };
}

const allUp: HealthCheck = async () => ({ database: { status: 'up' } });

describe.each(DRIVERS)('GET /healthz with the database on %s', (driver) => {
  it('is 200 while the database answers and 503 once it is closed', async () => {
    const database = await createTestDb(driver);
    const health = createHealthCheck({
      database: () => database.ping(),
      telegram: async () => ({ status: 'disabled' }),
    });
    const app = createHttpApp({ health, logger: memoryLogger().logger });

    const up = await app.request('/healthz');
    expect(up.status).toBe(200);
    expect(up.headers.get('cache-control')).toBe('no-store');
    expect(await up.json()).toEqual({
      status: 'ok',
      parts: { database: { status: 'up' }, telegram: { status: 'disabled' } },
    });

    await database.close();
    const down = await app.request('/healthz');
    expect(down.status).toBe(503);
    const body = (await down.json()) as { parts: { database: { detail?: string } } };
    expect(body).toMatchObject({
      status: 'down',
      parts: { database: { status: 'down' }, telegram: { status: 'disabled' } },
    });
    expect(body.parts.database.detail).toEqual(expect.any(String));
    expect(body.parts.database.detail).not.toMatch(/\n|\bat .*:\d+/);
  });
});

describe('health checks', () => {
  it('counts a check that hangs past the timeout as down', async () => {
    const health = createHealthCheck(
      { database: () => new Promise(() => {}), whatsapp: async () => {} },
      { timeoutMs: 20 },
    );
    expect(await health()).toEqual({
      database: { status: 'down', detail: 'no answer within 20 ms' },
      whatsapp: { status: 'up' },
    });
  });

  it('shortens a long failure to one line', async () => {
    const health = createHealthCheck({
      telegram: async () => {
        throw new Error(`${'x'.repeat(500)}\nsecond line`);
      },
    });
    const { telegram } = await health();
    expect(telegram?.status).toBe('down');
    expect(telegram?.detail?.length).toBeLessThanOrEqual(120);
    expect(telegram?.detail).not.toContain('second line');
  });

  it('answers 503 when the health function itself fails', async () => {
    const { logger, lines } = memoryLogger();
    const app = createHttpApp({
      health: async () => {
        throw new Error('boom');
      },
      logger,
    });
    const response = await app.request('/healthz');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'down', parts: {} });
    expect(lines.some((line) => line.msg === 'health check failed')).toBe(true);
  });
});

describe('HTTP app', () => {
  it('logs each request at debug with method, path, status and duration', async () => {
    const { logger, lines } = memoryLogger();
    const app = createHttpApp({ health: allUp, logger });
    await app.request('/healthz?token=secret');
    const line = lines.find((l) => l.msg === 'http request');
    expect(line).toMatchObject({ level: 20, method: 'GET', path: '/healthz', status: 200 });
    expect(line?.ms).toEqual(expect.any(Number));
    expect(JSON.stringify(lines)).not.toContain('secret');
  });

  it('mounts more routes, which get the request logger', async () => {
    const { logger, lines } = memoryLogger();
    const app = createHttpApp({
      health: allUp,
      logger,
      mount: (routes) => {
        routes.get('/hello', (c) => {
          c.get('logger').info('said hello');
          return c.text('halo');
        });
      },
    });
    app.get('/added-later', (c) => c.text('later'));

    expect(await (await app.request('/hello')).text()).toBe('halo');
    expect(await (await app.request('/added-later')).text()).toBe('later');
    expect(lines.find((l) => l.msg === 'said hello')).toMatchObject({ path: '/hello' });
  });

  it('answers unknown routes with 404 and failures with a bare 500', async () => {
    const { logger, lines } = memoryLogger();
    const app = createHttpApp({
      health: allUp,
      logger,
      mount: (routes) => {
        routes.get('/broken', () => {
          throw new Error('database exploded');
        });
      },
    });
    const missing = await app.request('/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'not_found' });
    const broken = await app.request('/broken');
    expect(broken.status).toBe(500);
    expect(await broken.text()).not.toContain('exploded');
    expect(lines.find((l) => l.msg === 'http handler failed')).toMatchObject({ path: '/broken' });
  });
});

describe('startHttpServer', () => {
  it('listens on a free port when given 0, answers over HTTP, and closes', async () => {
    const { logger } = memoryLogger();
    const app = createHttpApp({ health: allUp, logger });
    const server = await startHttpServer({ app, port: 0, logger, hostname: '127.0.0.1' });
    expect(server.port).toBeGreaterThan(0);

    const response = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });

    await server.close();
    await server.close();
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  });

  it('rejects when the port is taken', async () => {
    const { logger } = memoryLogger();
    const app = createHttpApp({ health: allUp, logger });
    const first = await startHttpServer({ app, port: 0, logger, hostname: '127.0.0.1' });
    try {
      await expect(
        startHttpServer({ app, port: first.port, logger, hostname: '127.0.0.1' }),
      ).rejects.toThrow(/EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
