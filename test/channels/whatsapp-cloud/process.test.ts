import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { signatureOf } from '../../../src/channels/whatsapp-cloud/webhook.js';
import {
  FAKE_GRAPH_TOKEN,
  FAKE_GRAPH_VERSION,
  FAKE_PHONE_NUMBER_ID,
  startFakeGraphApi,
} from '../../support/fake-graph-api.js';
import { freePort } from '../../support/free-port.js';
import { eventually } from '../telegram/setup.js';
import { APP_SECRET, notification, VERIFY_TOKEN } from './setup.js';

const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('npm start with WHATSAPP_CLOUD_ACCESS_TOKEN', () => {
  it('serves the webhook on the app server, answers through the Graph API, and stops', async () => {
    const graph = await startFakeGraphApi();
    cleanups.push(() => graph.close());
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-cloud-proc-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATA_DIR: dataDir,
        PORT: String(port),
        LOG_LEVEL: 'info',
        LOG_FORMAT: 'json',
        WHATSAPP_CLOUD_ACCESS_TOKEN: FAKE_GRAPH_TOKEN,
        WHATSAPP_CLOUD_PHONE_NUMBER_ID: FAKE_PHONE_NUMBER_ID,
        WHATSAPP_CLOUD_APP_SECRET: APP_SECRET,
        WHATSAPP_CLOUD_VERIFY_TOKEN: VERIFY_TOKEN,
        WHATSAPP_CLOUD_API_VERSION: FAKE_GRAPH_VERSION,
        WHATSAPP_CLOUD_API_BASE_URL: graph.baseUrl,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr?.on('data', (d) => (err += d));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    cleanups.push(() => child.kill('SIGKILL'));
    const base = `http://127.0.0.1:${port}`;
    await eventually(
      () =>
        fetch(`${base}/healthz`).then(
          (r) => r.ok,
          () => false,
        ),
      'the http server',
      60_000,
    );
    const verify = await fetch(
      `${base}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=42`,
    );
    expect(await verify.text()).toBe('42');
    const body = JSON.stringify(
      notification({
        messages: [
          {
            from: '6281234567890',
            id: 'wamid.P1',
            timestamp: '1772413200',
            type: 'text',
            text: { body: 'halo' },
          },
        ],
      }),
    );
    const post = (signature: string) =>
      fetch(`${base}/webhooks/whatsapp`, {
        method: 'POST',
        body,
        headers: { 'Content-Type': 'application/json', 'X-Hub-Signature-256': signature },
      });
    expect((await post(signatureOf(body, 'wrong-secret'))).status).toBe(401);
    expect((await post(signatureOf(body, APP_SECRET))).status).toBe(200);
    await eventually(() => graph.sent.length > 0, 'a reply', 30_000);
    expect(graph.take('6281234567890').join('\n')).toContain('Selamat datang');
    const health = (await (await fetch(`${base}/healthz`)).json()) as Record<string, unknown>;
    expect(JSON.stringify(health)).toContain('whatsappCloud');
    expect(err).not.toContain('6281234567890');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }, 120_000);
});
