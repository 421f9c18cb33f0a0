import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import {
  type CloudTemplates,
  createWhatsappCloudChannel,
  WHATSAPP_CLOUD_CHANNEL,
  type WhatsappCloudChannel,
} from '../../../src/channels/whatsapp-cloud/index.js';
import { signatureOf } from '../../../src/channels/whatsapp-cloud/webhook.js';
import { recordPlatformMessageId } from '../../../src/db/queries/outbox-in-place.js';
import { lastInboundAt, recordDeliveryStatus } from '../../../src/db/queries/whatsapp-cloud.js';
import { linkCloudIdentity } from '../../../src/db/queries/whatsapp-identities.js';
import { createHealthCheck, createHttpApp, type HttpApp } from '../../../src/http/server.js';
import { createMediaStore } from '../../../src/media/store.js';
import {
  FAKE_GRAPH_TOKEN,
  FAKE_GRAPH_VERSION,
  FAKE_PHONE_NUMBER_ID,
  type FakeGraphApi,
  startFakeGraphApi,
} from '../../support/fake-graph-api.js';
import {
  createHarness,
  createTestIds,
  type Harness,
  type HarnessOptions,
  silentLogger,
} from '../../support/harness.js';

/** The app secret webhooks are signed with. */
export const APP_SECRET = 'test-app-secret-0123456789abcdef';
/** The verify token Meta is given. */
export const VERIFY_TOKEN = 'test-verify-token-0123456789';
/** Where the webhook listens. */
export const WEBHOOK_PATH = '/webhooks/whatsapp';
/** An admin number of the test channel. */
export const CLOUD_ADMIN_PHONE = '6281100000009';
/** Largest picture the test channel downloads, in bytes. */
export const CLOUD_MEDIA_MAX_BYTES = 200_000;

/** A runtime on a test database with the Cloud API channel on a fake Graph API. */
export interface CloudTest {
  h: Harness;
  graph: FakeGraphApi;
  cloud: WhatsappCloudChannel;
  app: HttpApp;
  /** The bytes of a stored picture. */
  readMedia(id: string): Promise<Uint8Array | undefined>;
  /** Every wait the pace asked for, in milliseconds (the test clock moves by it). */
  sleeps: number[];
  /** Posts a signed notification; returns the HTTP status. */
  post(body: unknown, options?: { signature?: string | null }): Promise<number>;
  /** A person's message as Meta delivers it; resolves once handled. */
  send(from: string, message: Record<string, unknown>, id?: string): Promise<number>;
  /** Sends a text as `from` and returns what the bot sent back, as text. */
  say(from: string, text: string): Promise<string[]>;
  close(): Promise<void>;
}

/** Options of {@link createCloudTest}. */
export interface CloudTestOptions extends HarnessOptions {
  /** Runs on this harness (with a Baileys channel, say) instead of a new one. */
  harness?: Harness;
  templates?: CloudTemplates;
  messagesPerSecond?: number;
}

let counter = 0;

/** Builds a {@link CloudTest}. */
export async function createCloudTest(options: CloudTestOptions = {}): Promise<CloudTest> {
  const h = options.harness ?? (await createHarness(options));
  const graph = await startFakeGraphApi();
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-cloud-media-'));
  const db = h.db.db;
  const sleeps: number[] = [];
  const ids = createTestIds('cloud');
  const store = createMediaStore({
    db,
    mediaDir,
    maxBytes: CLOUD_MEDIA_MAX_BYTES,
    clock: h.clock,
    ids: createTestIds('media'),
  });
  const cloud = createWhatsappCloudChannel({
    config: {
      accessToken: FAKE_GRAPH_TOKEN,
      phoneNumberId: FAKE_PHONE_NUMBER_ID,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
      apiVersion: FAKE_GRAPH_VERSION,
      apiBaseUrl: graph.baseUrl,
      webhookPath: WEBHOOK_PATH,
      messagesPerSecond: options.messagesPerSecond ?? 80,
      templates: options.templates ?? {},
      adminNumbers: [CLOUD_ADMIN_PHONE],
    },
    mediaMaxBytes: CLOUD_MEDIA_MAX_BYTES,
    receive: (inbound) => h.runtime.receive(inbound),
    wasReceived: (key) => h.runtime.wasReceived(key),
    linkIdentity: ({ waId }) =>
      linkCloudIdentity(
        db,
        { channel: WHATSAPP_CLOUD_CHANNEL, waId },
        {
          adminPhones: [CLOUD_ADMIN_PHONE],
          siblings: { channels: ['whatsapp'], newId: ids.next, now: h.clock.now },
        },
      ),
    lastInboundAt: (externalId) =>
      lastInboundAt(db, { channel: WHATSAPP_CLOUD_CHANNEL, externalId }),
    recordPlatformId: (outboxId, platformMessageId) =>
      recordPlatformMessageId(db, { outboxId, platformMessageId }),
    recordStatus: async ({ messageId, ...status }) => {
      await recordDeliveryStatus(db, { platformMessageId: messageId, ...status });
    },
    media: store,
    loadPhoto: async () =>
      sharp({ create: { width: 4, height: 4, channels: 3, background: '#a73' } })
        .jpeg()
        .toBuffer(),
    translate: h.translator.translate,
    defaultLanguage: 'id',
    clock: h.clock,
    logger: silentLogger,
    sleep: async (ms) => {
      sleeps.push(ms);
      h.clock.advance(ms);
    },
  });
  h.runtime.addChannel(cloud.channel);
  const health = createHealthCheck({ database: async () => undefined });
  const app = createHttpApp({ health, logger: silentLogger, mount: cloud.mount });

  const post = async (body: unknown, postOptions: { signature?: string | null } = {}) => {
    const raw = JSON.stringify(body);
    const signature =
      postOptions.signature === undefined ? signatureOf(raw, APP_SECRET) : postOptions.signature;
    const response = await app.request(WEBHOOK_PATH, {
      method: 'POST',
      body: raw,
      headers: {
        'Content-Type': 'application/json',
        ...(signature === null ? {} : { 'X-Hub-Signature-256': signature }),
      },
    });
    await cloud.idle();
    return response.status;
  };
  const send = (from: string, message: Record<string, unknown>, id?: string) =>
    post(
      notification({
        messages: [{ from, id: id ?? `wamid.IN${++counter}`, timestamp: '1772413200', ...message }],
        contacts: [{ wa_id: from, profile: { name: 'Warga' } }],
      }),
    );

  return {
    h,
    graph,
    cloud,
    app,
    sleeps,
    readMedia: (id) => store.read(id),
    post,
    send,
    async say(from, text) {
      await send(from, { type: 'text', text: { body: text } });
      return graph.take(from);
    },
    async close() {
      await cloud.stop();
      if (!options.harness) await h.close();
      await graph.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

/** A notification as Meta posts it, for this number, with `value`'s messages or statuses. */
export function notification(value: Record<string, unknown>) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: {
                display_phone_number: '6281200000000',
                phone_number_id: FAKE_PHONE_NUMBER_ID,
              },
              ...value,
            },
          },
        ],
      },
    ],
  };
}
