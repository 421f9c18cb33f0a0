/**
 * The admin web: server-rendered pages (Hono JSX) with htmx and ECharts served from
 * node_modules (no CDN, no build step), on the app's HTTP server under `/web`. Everyone
 * signs in with a one-time link from the chat (auth.tsx); every page reads through the
 * same staff scope as the chat (src/domain/staff-scope.ts).
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import type { HttpApp } from '../server.js';
import { mountSignIn, requireSession } from './auth.js';
import { WEB_BASE } from './layout.js';
import { mountAudit } from './pages/audit.js';
import { mountBroadcastCompose } from './pages/broadcast-compose.js';
import { mountBroadcasts } from './pages/broadcasts.js';
import { mountOverview } from './pages/overview.js';
import { mountPeople } from './pages/people.js';
import { mountPerson } from './pages/person.js';
import { mountReportDetail, notFound } from './pages/report-detail.js';
import { mountReportQueue } from './pages/report-queue.js';
import { mountTrainingChanges } from './pages/training-forms.js';
import { mountNewSession } from './pages/training-new.js';
import { mountTrainings } from './pages/trainings.js';
import { mountVillages } from './pages/villages.js';
import type { WebDeps, WebEnv } from './types.js';

export type { WebDeps } from './types.js';

const require = createRequire(import.meta.url);

/** The browser scripts served under `/web/assets/`, from the installed packages. */
const ASSETS: Record<string, string> = {
  'htmx.min.js': require.resolve('htmx.org/dist/htmx.min.js'),
  'echarts.min.js': require.resolve('echarts/dist/echarts.min.js'),
};

/** How long a browser may keep the scripts, in seconds (they change only with a release). */
const ASSET_MAX_AGE_S = 86_400;

/** Adds the admin web's routes to the app. */
export function mountAdminWeb(app: HttpApp, deps: WebDeps): void {
  const web = new Hono<WebEnv>();
  const cache = new Map<string, Buffer>();
  web.get(`${WEB_BASE}/assets/:file`, async (c) => {
    const file = ASSETS[c.req.param('file')];
    if (!file) return c.text('not found', 404);
    let bytes = cache.get(file);
    if (!bytes) {
      bytes = await fs.readFile(file);
      cache.set(file, bytes);
    }
    c.header('Content-Type', 'text/javascript; charset=utf-8');
    c.header('Cache-Control', `public, max-age=${ASSET_MAX_AGE_S}`);
    return c.body(new Uint8Array(bytes));
  });
  web.use(`${WEB_BASE}/*`, requireSession(deps));
  web.use(WEB_BASE, requireSession(deps));
  web.use(`${WEB_BASE}/*`, async (c, next) => {
    await next();
    c.header('X-Frame-Options', 'DENY');
    c.header('X-Content-Type-Options', 'nosniff');
  });
  mountSignIn(web, deps);
  mountOverview(web, deps);
  mountReportQueue(web, deps);
  mountReportDetail(web, deps);
  mountVillages(web, deps);
  mountPeople(web, deps);
  mountPerson(web, deps);
  mountNewSession(web, deps);
  mountTrainingChanges(web, deps);
  mountTrainings(web, deps);
  mountBroadcastCompose(web, deps);
  mountBroadcasts(web, deps);
  mountAudit(web, deps);
  web.all(`${WEB_BASE}/*`, (c) => notFound(c));
  app.route('/', web as unknown as HttpApp);
}
