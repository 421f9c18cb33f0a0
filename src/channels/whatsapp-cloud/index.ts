import type { Inbound, InboundPayload, Text } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { HttpApp } from '../../http/server.js';
import type { Logger } from '../../logger.js';
import type { SaveMediaInput, SaveMediaResult } from '../../media/store.js';
import { createKeyedQueue } from '../../runtime/keyed-queue.js';
import type { RuntimeChannel } from '../../runtime/types.js';
import { createGraphApi, type GraphApi } from './graph-api.js';
import { type CloudImage, parseCloudMessage } from './parse.js';
import { createCloudSender } from './sender.js';
import type { CloudTemplates } from './templates.js';
import { type CloudMessage, type CloudStatus, mountCloudWebhook } from './webhook.js';

export type { CloudTemplate, CloudTemplates } from './templates.js';
export type { CloudStatus } from './webhook.js';

/** The channel name of the WhatsApp Business Cloud API. */
export const WHATSAPP_CLOUD_CHANNEL = 'whatsapp-cloud';

/** The Cloud API channel's settings (`WHATSAPP_CLOUD_*`). */
export interface WhatsappCloudConfig {
  accessToken: string;
  phoneNumberId: string;
  appSecret: string;
  verifyToken: string;
  apiVersion: string;
  apiBaseUrl: string;
  webhookPath: string;
  messagesPerSecond: number;
  templates: CloudTemplates;
  /** Admin phone numbers, digits with country code. */
  adminNumbers: string[];
}

/** What the Cloud API channel is built from. */
export interface WhatsappCloudDeps {
  config: WhatsappCloudConfig;
  /** Largest picture downloaded, in bytes (`MEDIA_MAX_BYTES`). */
  mediaMaxBytes: number;
  receive(inbound: Inbound): Promise<unknown>;
  /** True when a message key was handled already: a redelivered picture is not downloaded. */
  wasReceived(key: { channel: string; messageId: string }): Promise<boolean>;
  /** Finds the person's identity (one contact across both WhatsApp channels). */
  linkIdentity(sender: { waId: string }): Promise<{ externalId: string }>;
  /** When the person at this address last wrote on this channel. */
  lastInboundAt(externalId: string): Promise<Date | undefined>;
  /** Records the platform id of a message sent for an outbox row. */
  recordPlatformId(outboxId: number, messageId: string): Promise<void>;
  /** Records a delivery update on the outbox row of its message. */
  recordStatus(status: CloudStatus & { at: Date }): Promise<void>;
  media: { save(input: SaveMediaInput): Promise<SaveMediaResult> };
  loadPhoto?: (mediaId: string) => Promise<Uint8Array | undefined>;
  translate(text: Text, language: string): string;
  defaultLanguage: string;
  clock: Clock;
  logger: Logger;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
}

/** The running Cloud API channel. */
export interface WhatsappCloudChannel {
  channel: RuntimeChannel;
  /** Adds the webhook routes to the app's HTTP server. */
  mount(app: HttpApp): void;
  /** Resolves when every notification taken so far has been handled. */
  idle(): Promise<void>;
  /** Refuses new notifications (503) and finishes those in hand. */
  stop(): Promise<void>;
}

/** Creates the WhatsApp Business Cloud API channel. */
export function createWhatsappCloudChannel(deps: WhatsappCloudDeps): WhatsappCloudChannel {
  const { config } = deps;
  const logger = deps.logger.child({ channel: WHATSAPP_CLOUD_CHANNEL });
  const graph = createGraphApi({
    baseUrl: config.apiBaseUrl,
    version: config.apiVersion,
    accessToken: config.accessToken,
    phoneNumberId: config.phoneNumberId,
    fetch: deps.fetch,
  });
  const sender = createCloudSender({
    graph,
    messagesPerSecond: config.messagesPerSecond,
    templates: config.templates,
    lastInboundAt: deps.lastInboundAt,
    recordPlatformId: deps.recordPlatformId,
    loadPhoto: deps.loadPhoto,
    listButton: (language) =>
      deps.translate({ key: 'whatsapp:list_button' }, language ?? deps.defaultLanguage),
    clock: deps.clock,
    sleep: deps.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    logger,
  });
  const queue = createKeyedQueue();
  const admins = new Set(config.adminNumbers);
  let stopped = false;

  async function deliver(message: CloudMessage): Promise<void> {
    const parsed = parseCloudMessage(message);
    if (parsed.type === 'ignore') {
      logger.debug({ reason: parsed.reason }, 'whatsapp cloud message ignored');
      return;
    }
    const key = { channel: WHATSAPP_CLOUD_CHANNEL, messageId: message.id };
    if (parsed.type === 'image' && (await deps.wasReceived(key))) return;
    const { externalId } = await deps.linkIdentity({ waId: message.from });
    const payload =
      parsed.type === 'payload' ? parsed.payload : await imagePayload(graph, parsed, message.id);
    await deps.receive({
      ...key,
      externalId,
      phone: message.from,
      receivedAt: deps.clock.now(),
      payload,
    });
  }

  async function imagePayload(
    api: GraphApi,
    image: CloudImage,
    messageId: string,
  ): Promise<InboundPayload> {
    const refused: InboundPayload = { type: 'unsupported', kind: 'other' };
    const info = await api.mediaInfo(image.mediaId);
    if (info.type !== 'ok') {
      logger.warn({ code: info.code, status: info.status }, 'whatsapp cloud media lookup failed');
      return refused;
    }
    if (info.value.fileSize !== undefined && info.value.fileSize > deps.mediaMaxBytes) {
      logger.info({ bytes: info.value.fileSize }, 'whatsapp cloud picture too large');
      return refused;
    }
    const bytes = await api.download(info.value.url, deps.mediaMaxBytes);
    if (bytes.type !== 'ok' || bytes.value === 'too_large') {
      logger.warn('whatsapp cloud picture download failed or too large');
      return refused;
    }
    const mimeType = image.mimeType ?? info.value.mimeType;
    const saved = await deps.media.save({
      bytes: bytes.value,
      ...(mimeType ? { mimeType } : {}),
      originChannel: WHATSAPP_CLOUD_CHANNEL,
      originRef: messageId,
    });
    if (saved.type === 'rejected') {
      logger.info({ reason: saved.reason }, 'whatsapp cloud picture refused by the media store');
      return refused;
    }
    return {
      type: 'photo',
      mediaId: saved.media.id,
      ...(image.caption ? { caption: image.caption } : {}),
    };
  }

  function run(key: string, task: () => Promise<void>): void {
    void queue
      .run(key, task)
      .catch((error) => logger.error({ err: error }, 'whatsapp cloud notification failed'));
  }

  return {
    channel: {
      name: WHATSAPP_CLOUD_CHANNEL,
      send: sender.send,
      isAdmin: (inbound) => inbound.phone !== undefined && admins.has(inbound.phone),
    },
    mount(app) {
      mountCloudWebhook(app, {
        path: config.webhookPath,
        verifyToken: config.verifyToken,
        appSecret: config.appSecret,
        phoneNumberId: config.phoneNumberId,
        stopped: () => stopped,
        take(notification) {
          // One queue per person, so their messages keep their order; statuses on their own.
          for (const message of notification.messages) run(message.from, () => deliver(message));
          for (const status of notification.statuses) {
            const at = status.at ?? deps.clock.now();
            run('\u0000statuses', () => deps.recordStatus({ ...status, at }));
          }
        },
      });
    },
    idle: () => queue.drain(),
    async stop() {
      stopped = true;
      await queue.drain();
    },
  };
}
