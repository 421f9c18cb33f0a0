import type { RenderedMessage } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { SendContext, SendResult } from '../../runtime/types.js';
import { createPartsSender, partsKey } from '../parts.js';
import type { GraphApi, GraphResult } from './graph-api.js';
import { type CloudPart, renderCloudMessage } from './render.js';
import {
  type CloudTemplates,
  OUTSIDE_WINDOW_ERROR,
  proactiveKindOf,
  templateBody,
} from './templates.js';

/** How long after a person's last message free-form messages may be sent (Meta's rule). */
export const CUSTOMER_SERVICE_WINDOW_MS = 24 * 3_600_000;
/** Wait after error 130429 (the number's throughput exceeded) before trying again. */
export const RATE_LIMIT_RETRY_MS = 5_000;
/** Wait after error 131056 (too many messages to one person): about one per 6 s. */
export const PAIR_RATE_RETRY_MS = 6_000;

/**
 * Document types the Cloud API accepts (Meta's "supported media types"): plain text, PDF and
 * Office files. Another text file (a calendar's `text/calendar`) is uploaded as plain text;
 * its file name keeps the extension the phone opens it by.
 */
const CLOUD_DOCUMENT_TYPES = new Set([
  'text/plain',
  'application/pdf',
  'application/msword',
  'application/vnd.ms-excel',
  'application/vnd.ms-powerpoint',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
]);
const PLAIN_TEXT = 'text/plain';

/** Meta's error codes worth a retry after a wait, with that wait. */
const RETRY_AFTER: Record<number, number> = {
  130429: RATE_LIMIT_RETRY_MS,
  131056: PAIR_RATE_RETRY_MS,
};
/** The person's window closed between the check and the send. */
const REENGAGEMENT_ERROR = 131047;

/** What the sender needs. */
export interface CloudSenderDeps {
  graph: GraphApi;
  /** Messages per second of the number (`WHATSAPP_CLOUD_MESSAGES_PER_SECOND`). */
  messagesPerSecond: number;
  templates: CloudTemplates;
  /** When the person at this address last wrote on this channel. */
  lastInboundAt(externalId: string): Promise<Date | undefined>;
  /** Records the platform's id of a message sent for an outbox row (status webhooks). */
  recordPlatformId(outboxId: number, messageId: string): Promise<void>;
  /** The bytes of a stored photo. */
  loadPhoto?: (mediaId: string) => Promise<Uint8Array | undefined>;
  /** The list button's label in a language. */
  listButton(language: string | undefined): string;
  clock: Clock;
  sleep(ms: number): Promise<void>;
  logger: Logger;
}

/** Sends rendered messages through the Cloud API. */
export interface CloudSender {
  send(externalId: string, message: RenderedMessage, context?: SendContext): Promise<SendResult>;
}

/**
 * Builds the sender. Every message of the number starts in its own time slot, at most
 * `messagesPerSecond`. Within 24 hours of the person's last message the message goes out
 * as rendered (text, buttons or list, photos, documents, pins); outside, a proactive kind with a
 * configured template goes out as that template, anything else is failed with
 * {@link OUTSIDE_WINDOW_ERROR}, recorded on its outbox row. Errors 130429 and 131056 are
 * retried after a wait, network and server errors with the outbox's backoff, others failed
 * with their code. A message whose send stopped part-way resumes at the part not sent.
 */
export function createCloudSender(deps: CloudSenderDeps): CloudSender {
  const intervalMs = 1_000 / deps.messagesPerSecond;
  let nextAt = 0;
  const inParts = createPartsSender();

  /**
   * Runs `task` in the next free slot of the number: slots are `1000 / messagesPerSecond`
   * ms apart, taken in call order. Only starts are spaced: requests to Meta overlap, so
   * a slow answer does not lower the throughput.
   */
  async function paced<T>(task: () => Promise<T>): Promise<T> {
    const now = deps.clock.now().getTime();
    const slot = Math.max(now, nextAt);
    nextAt = slot + intervalMs;
    if (slot > now) await deps.sleep(slot - now);
    return task();
  }

  async function bodyOf(
    part: CloudPart,
  ): Promise<GraphResult<Record<string, unknown>> | undefined> {
    if (part.type === 'body') return { type: 'ok', value: part.body };
    if (part.type === 'document') return documentBody(part);
    const bytes = await deps.loadPhoto?.(part.mediaId);
    if (!bytes) return undefined;
    const uploaded = await deps.graph.uploadMedia(bytes, 'image/jpeg');
    if (uploaded.type !== 'ok') return uploaded;
    return { type: 'ok', value: { type: 'image', image: { id: uploaded.value } } };
  }

  /** Uploads a document's text, then sends it by its media id under its file name. */
  async function documentBody(
    part: Extract<CloudPart, { type: 'document' }>,
  ): Promise<GraphResult<Record<string, unknown>>> {
    const type = CLOUD_DOCUMENT_TYPES.has(part.mimeType) ? part.mimeType : PLAIN_TEXT;
    const bytes = new TextEncoder().encode(part.content);
    const uploaded = await deps.graph.uploadMedia(bytes, type, part.fileName);
    if (uploaded.type !== 'ok') return uploaded;
    const document = { id: uploaded.value, filename: part.fileName };
    return { type: 'ok', value: { type: 'document', document } };
  }

  function sendParts(
    to: string,
    parts: (() => Promise<GraphResult<Record<string, unknown>> | undefined>)[],
    context: SendContext | undefined,
    key: string,
  ): Promise<SendResult> {
    return inParts.send(key, parts.length, async (index) => {
      const body = await parts[index]?.();
      if (!body) return { type: 'sent' };
      const result =
        body.type === 'ok'
          ? await paced(() => deps.graph.sendMessage({ to, ...body.value }))
          : body;
      if (result.type !== 'ok') return resultOf(result);
      if (context) await deps.recordPlatformId(context.outboxId, result.value);
      return { type: 'sent' };
    });
  }

  return {
    async send(externalId, message, context) {
      if (!/^\d{6,15}$/.test(externalId)) {
        return { type: 'failed', error: 'not a WhatsApp phone number' };
      }
      const key = partsKey(externalId, message, context);
      const last = await deps.lastInboundAt(externalId);
      const open = last && deps.clock.now().getTime() - last.getTime() < CUSTOMER_SERVICE_WINDOW_MS;
      if (!open) {
        const kind = proactiveKindOf(context?.outbound);
        const template = kind ? deps.templates[kind] : undefined;
        if (!template) return { type: 'failed', error: OUTSIDE_WINDOW_ERROR };
        const body = templateBody(template, message.language ?? 'id', message.texts);
        return sendParts(externalId, [async () => ({ type: 'ok', value: body })], context, key);
      }
      const parts = renderCloudMessage(message, deps.listButton(message.language));
      return sendParts(
        externalId,
        parts.map((part) => () => bodyOf(part)),
        context,
        key,
      );
    },
  };
}

/** What the outbox does with a Graph API error. */
function resultOf(error: Extract<GraphResult<unknown>, { type: 'error' }>): SendResult {
  const described = error.code ? `${error.code}: ${error.title}` : error.title;
  const afterMs = error.code ? RETRY_AFTER[error.code] : undefined;
  if (afterMs !== undefined) return { type: 'retry', error: described, afterMs };
  if (error.code === REENGAGEMENT_ERROR) {
    return { type: 'failed', error: `${OUTSIDE_WINDOW_ERROR} (${described})` };
  }
  if (error.status === 0 || error.status >= 500) return { type: 'retry', error: described };
  return { type: 'failed', error: described };
}
