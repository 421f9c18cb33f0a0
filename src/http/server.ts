import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Logger } from '../logger.js';

/** How long one part's health check may take before it counts as down, in milliseconds. */
export const HEALTH_CHECK_TIMEOUT_MS = 3_000;

/** Longest `detail` a failed health check shows, in characters. */
export const HEALTH_DETAIL_MAX_CHARS = 120;

/** How long `close()` lets requests in flight finish before cutting connections, in milliseconds. */
export const HTTP_CLOSE_GRACE_MS = 5_000;

/** The state of one part of the bot: the database, a channel. */
export interface PartHealth {
  status: 'up' | 'down' | 'disabled';
  /** A one-line reason, never a stack trace. */
  detail?: string;
}

/** Reports every part's health; `/healthz` is 503 when any part is down. */
export type HealthCheck = () => Promise<Record<string, PartHealth>>;

/**
 * Checks one part. Resolving without a value means up; resolving with a
 * {@link PartHealth} reports it as given; rejecting means down.
 */
// biome-ignore lint/suspicious/noConfusingVoidType: lets `() => database.ping()` (Promise<void>) be a check as it is.
export type PartCheck = () => Promise<PartHealth | undefined | void>;

/** Hono environment of the app: every handler finds its request's child logger. */
export interface HttpEnv {
  Variables: { logger: Logger };
}

/** The HTTP app; later parts (Telegram webhook, admin pages) add their routes to it. */
export type HttpApp = Hono<HttpEnv>;

/** Dependencies of {@link createHttpApp}. */
export interface HttpAppDeps {
  health: HealthCheck;
  logger: Logger;
  /** Adds more routes; called after the built-in ones are in place. */
  mount?: (app: HttpApp) => void;
}

/** A listening server. */
export interface HttpServer {
  /** The port actually bound: the real one when 0 was asked for. */
  port: number;
  /** Stops accepting, lets requests in flight finish, then resolves. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Builds the app with `GET /healthz`, a child logger per request (method and
 * path; query strings are not logged) and JSON answers for unknown routes and
 * failures. Callers may add routes to the returned app or pass `mount`.
 */
export function createHttpApp(deps: HttpAppDeps): HttpApp {
  const app: HttpApp = new Hono<HttpEnv>();

  app.use(async (c, next) => {
    const started = performance.now();
    const logger = deps.logger.child({ method: c.req.method, path: c.req.path });
    c.set('logger', logger);
    await next();
    const ms = Math.round(performance.now() - started);
    logger.debug({ status: c.res.status, ms }, 'http request');
  });

  app.get('/healthz', async (c) => {
    c.header('Cache-Control', 'no-store');
    let parts: Record<string, PartHealth>;
    try {
      parts = await deps.health();
    } catch (error) {
      c.get('logger').error({ err: error }, 'health check failed');
      return c.json({ status: 'down', parts: {} }, 503);
    }
    const down = Object.values(parts).some((part) => part.status === 'down');
    if (down) c.get('logger').warn({ parts }, 'unhealthy');
    return c.json({ status: down ? 'down' : 'ok', parts }, down ? 503 : 200);
  });

  app.notFound((c) => c.json({ error: 'not_found' }, 404));
  app.onError((error, c) => {
    (c.get('logger') ?? deps.logger).error({ err: error }, 'http handler failed');
    return c.json({ error: 'internal' }, 500);
  });

  deps.mount?.(app);
  return app;
}

/**
 * Combines part checks into one {@link HealthCheck}. Checks run in parallel; one
 * that throws or takes longer than `timeoutMs` is down with a one-line detail.
 */
export function createHealthCheck(
  parts: Record<string, PartCheck>,
  options: { timeoutMs?: number } = {},
): HealthCheck {
  const timeoutMs = options.timeoutMs ?? HEALTH_CHECK_TIMEOUT_MS;
  return async () => {
    const entries = await Promise.all(
      Object.entries(parts).map(async ([name, check]) => {
        return [name, await runPartCheck(check, timeoutMs)] as const;
      }),
    );
    return Object.fromEntries(entries);
  };
}

async function runPartCheck(check: PartCheck, timeoutMs: number): Promise<PartHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    const result = await Promise.race([check(), timeout]);
    return result ?? { status: 'up' };
  } catch (error) {
    return { status: 'down', detail: shortDetail(error) };
  } finally {
    clearTimeout(timer);
  }
}

function shortDetail(error: unknown): string {
  const message = error instanceof Error ? error.message || error.name : String(error);
  const line = message.split('\n', 1)[0]?.trim() || 'failed';
  return line.length > HEALTH_DETAIL_MAX_CHARS
    ? `${line.slice(0, HEALTH_DETAIL_MAX_CHARS - 3)}...`
    : line;
}

/**
 * Serves the app with @hono/node-server. Resolves once listening; rejects when
 * the port cannot be bound (in use, no permission).
 */
export function startHttpServer(options: {
  app: HttpApp;
  port: number;
  logger: Logger;
  /** Interface to bind; all interfaces when omitted. */
  hostname?: string;
}): Promise<HttpServer> {
  return new Promise((resolve, reject) => {
    const server = serve(
      { fetch: options.app.fetch, port: options.port, hostname: options.hostname },
      (info) => {
        server.off('error', reject);
        options.logger.info({ port: info.port }, 'http server listening');
        let closing: Promise<void> | undefined;
        resolve({
          port: info.port,
          close: () => {
            closing ??= closeServer(server as Server);
            return closing;
          },
        });
      },
    );
    server.once('error', reject);
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    const cut = setTimeout(() => server.closeAllConnections(), HTTP_CLOSE_GRACE_MS);
    cut.unref();
    server.close((error) => {
      clearTimeout(cut);
      if (error) reject(error);
      else resolve();
    });
    server.closeIdleConnections();
  });
}
