/**
 * The admin web over a test harness: the app's flows and actions (report tickets drawn
 * from `random`), a media store in a temporary folder, and the web mounted on an HTTP app
 * that tests call directly (`request`) or serve on a free port for the browser tests.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  createActions,
  entryFlowFor,
  FLOW_IDS,
  flows,
  withConsentGate,
} from '../../../flows/index.js';
import { frozenBanks } from '../../../flows/questionnaires/banks/frozen/index.js';
import { questionnaireBanks } from '../../../flows/questionnaires/banks/index.js';
import { DEFAULT_REPORT_SLA } from '../../../src/config.js';
import { createEngine } from '../../../src/core/engine/engine.js';
import { createBankRegistry } from '../../../src/domain/questionnaire/index.js';
import type { RandomInt } from '../../../src/domain/report/ticket.js';
import { createWorkingCalendar } from '../../../src/domain/working-days.js';
import { createHttpApp, type HttpApp } from '../../../src/http/server.js';
import { mountAdminWeb } from '../../../src/http/web/index.js';
import { createMediaStore, type MediaStore } from '../../../src/media/store.js';
import { createFlowRunner } from '../../../src/runtime/flow-runner.js';
import { createPerformer } from '../../../src/runtime/perform.js';
import type { TestDatabase } from '../../support/db.js';
import { createHarness, createTestIds, type Harness, silentLogger } from '../../support/harness.js';
import { testVillages } from '../../support/villages.js';

/** A harness with the admin web beside it. */
export interface WebHarness {
  h: Harness;
  app: HttpApp;
  media: MediaStore;
  /** The base URL the links `/web` sends start with; tests serving the app set it. */
  baseUrl: { value: string };
  close(): Promise<void>;
}

/** Builds a {@link WebHarness}; `random` draws report tickets; `db` picks the database. */
export async function createWebHarness(
  random: RandomInt,
  options: { db?: TestDatabase } = {},
): Promise<WebHarness> {
  const baseUrl = { value: 'http://localhost:3000' };
  const mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sapa-web-'));
  const actions = createActions({
    villages: testVillages,
    removeMediaFile: async () => {},
    random,
    adminWebUrl: () => baseUrl.value,
  });
  const h = await createHarness({ onboarding: true, actions, db: options.db });
  const media = createMediaStore({
    db: h.db.db,
    mediaDir,
    maxBytes: 10_000_000,
    clock: h.clock,
    ids: createTestIds('media'),
  });
  const runner = createFlowRunner({
    engine: withConsentGate(
      createEngine({ flows, helpFlow: FLOW_IDS.help, languageFlow: FLOW_IDS.language }),
    ),
    translator: h.translator,
    actions,
    clock: h.clock,
    ids: createTestIds('web'),
    entryFlowFor,
  });
  const perform = createPerformer({
    db: h.db.db,
    runner,
    logger: silentLogger,
    afterCommit: () => void h.runtime.outbox.sweep(),
  });
  const app = createHttpApp({
    health: async () => ({}),
    logger: silentLogger,
    mount: (http) =>
      mountAdminWeb(http, {
        db: h.db.db,
        translator: h.translator,
        villages: testVillages,
        perform,
        clock: h.clock,
        logger: silentLogger,
        registry: createBankRegistry(questionnaireBanks, frozenBanks),
        calendar: createWorkingCalendar({}),
        sla: DEFAULT_REPORT_SLA,
        readMedia: (id) => media.read(id),
        secureCookies: false,
      }),
  });
  return {
    h,
    app,
    media,
    baseUrl,
    async close() {
      await h.close();
      await fs.rm(mediaDir, { recursive: true, force: true });
    },
  };
}

/** The sign-in link in a reply to `/web`. */
export function linkIn(replies: readonly string[]): string {
  const found = replies.join('\n').match(/https?:\/\/\S+\/web\/masuk\?t=[0-9a-f]+/);
  if (!found) throw new Error(`no sign-in link in ${JSON.stringify(replies)}`);
  return found[0];
}

/** A signed-in person's requests to the web app, with their cookie and CSRF token. */
export interface WebClient {
  get(path: string): Promise<Response>;
  /** Posts a form (a field given as a list is sent once per value), with the CSRF token. */
  post(path: string, fields: Record<string, string | string[]>): Promise<Response>;
}

/** Signs `who` in through the link `/web` sends them, without a browser. */
export async function signInAs(w: WebHarness, who: string): Promise<WebClient> {
  const url = new URL(linkIn(await w.h.say(who, '/web')));
  const token = url.searchParams.get('t') ?? '';
  const posted = await w.app.request('/web/masuk', {
    method: 'POST',
    body: new URLSearchParams({ t: token }),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const cookie = (posted.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const home = await (await w.app.request('/web', { headers: { cookie } })).text();
  const csrf = home.match(/name="csrf" value="([0-9a-f]+)"/)?.[1] ?? '';
  return {
    get: async (path) => w.app.request(path, { headers: { cookie } }),
    async post(path, fields) {
      const body = new URLSearchParams({ csrf });
      for (const [name, value] of Object.entries(fields)) {
        for (const one of Array.isArray(value) ? value : [value]) body.append(name, one);
      }
      return w.app.request(path, {
        method: 'POST',
        body,
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      });
    },
  };
}
