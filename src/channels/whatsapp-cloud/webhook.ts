import { createHmac } from 'node:crypto';
import { z } from 'zod';
import type { HttpApp } from '../../http/server.js';
import { sameBytes, sameSecret, WEBHOOK_MAX_BYTES, webhookBodyLimit } from '../webhook-guard.js';

/** Largest webhook body taken, in bytes; Meta's notifications are a few kilobytes. */
export const CLOUD_WEBHOOK_MAX_BYTES = WEBHOOK_MAX_BYTES;

const SIGNATURE_HEADER = 'X-Hub-Signature-256';

const messageShape = z.looseObject({
  from: z.string(),
  id: z.string(),
  timestamp: z.string().optional(),
  type: z.string(),
  text: z.looseObject({ body: z.string() }).optional(),
  interactive: z
    .looseObject({
      type: z.string(),
      button_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.looseObject({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  button: z.looseObject({ payload: z.string().optional(), text: z.string().optional() }).optional(),
  image: z
    .looseObject({
      id: z.string(),
      mime_type: z.string().optional(),
      caption: z.string().optional(),
    })
    .optional(),
  document: z
    .looseObject({
      id: z.string(),
      mime_type: z.string().optional(),
      caption: z.string().optional(),
    })
    .optional(),
  audio: z.looseObject({ voice: z.boolean().optional() }).optional(),
  location: z
    .looseObject({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
});

const statusShape = z.looseObject({
  id: z.string(),
  status: z.string(),
  timestamp: z.string().optional(),
  recipient_id: z.string().optional(),
  errors: z
    .array(z.looseObject({ code: z.number().optional(), title: z.string().optional() }))
    .optional(),
});

const payloadShape = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      changes: z.array(
        z.looseObject({
          field: z.string(),
          value: z.looseObject({
            metadata: z.looseObject({ phone_number_id: z.string() }).optional(),
            contacts: z
              .array(z.looseObject({ wa_id: z.string(), profile: z.unknown().optional() }))
              .optional(),
            messages: z.array(messageShape).optional(),
            statuses: z.array(statusShape).optional(),
          }),
        }),
      ),
    }),
  ),
});

/** One message a person sent, as the Cloud API describes it. */
export type CloudMessage = z.infer<typeof messageShape>;

/** A delivery update of a message the bot sent. */
export interface CloudStatus {
  /** The `wamid…` the send returned. */
  messageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** When it happened, as Meta says; undefined when not told. */
  at?: Date;
  /** Meta's error code and title of a failure. */
  error?: string;
}

/** What one notification carries for this number. */
export interface CloudNotification {
  messages: CloudMessage[];
  statuses: CloudStatus[];
}

/** What the webhook needs. */
export interface CloudWebhookDeps {
  path: string;
  verifyToken: string;
  appSecret: string;
  /** Only changes for this number are taken (one app may serve several numbers). */
  phoneNumberId: string;
  /** True while the channel is stopped: refused with 503, Meta delivers again later. */
  stopped(): boolean;
  /** Takes a notification to handle in the background; returns at once. */
  take(notification: CloudNotification): void;
}

/**
 * Adds the webhook routes. `GET` answers Meta's verification (`hub.mode=subscribe`, the
 * verify token, echoing `hub.challenge`), else 403. `POST` reads the raw body, and answers
 * 401 unless `X-Hub-Signature-256` is the HMAC-SHA256 of exactly those bytes with the app
 * secret (compared in constant time); 413 above {@link CLOUD_WEBHOOK_MAX_BYTES}; else 200
 * at once, the notification handled afterwards (Meta wants a fast answer; a redelivery is
 * dropped by the runtime's dedupe). A signed body of an unknown shape is logged and
 * answered 200, so that Meta does not send it again for days.
 */
export function mountCloudWebhook(app: HttpApp, deps: CloudWebhookDeps): void {
  app.get(deps.path, (c) => {
    const mode = c.req.query('hub.mode');
    const token = c.req.query('hub.verify_token') ?? '';
    const challenge = c.req.query('hub.challenge') ?? '';
    if (mode === 'subscribe' && sameSecret(token, deps.verifyToken)) return c.text(challenge, 200);
    c.get('logger').warn('whatsapp cloud webhook verification with a wrong token');
    return c.text('forbidden', 403);
  });
  app.post(deps.path, webhookBodyLimit('whatsapp cloud', CLOUD_WEBHOOK_MAX_BYTES), async (c) => {
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (!validSignature(raw, c.req.header(SIGNATURE_HEADER), deps.appSecret)) {
      c.get('logger').warn('whatsapp cloud webhook call with a wrong or missing signature');
      return c.json({ error: 'unauthorized' }, 401);
    }
    if (deps.stopped()) return c.json({ error: 'unavailable' }, 503);
    const notification = readNotification(raw, deps.phoneNumberId);
    if (!notification) {
      c.get('logger').warn('whatsapp cloud webhook body of an unknown shape; ignored');
      return c.json({ ok: true }, 200);
    }
    deps.take(notification);
    return c.json({ ok: true }, 200);
  });
}

/** `sha256=<hex>` of the raw body with the app secret, compared in constant time. */
export function validSignature(raw: Buffer, header: string | undefined, secret: string): boolean {
  if (!header?.startsWith('sha256=')) return false;
  const expected = createHmac('sha256', secret).update(raw).digest();
  const given = Buffer.from(header.slice('sha256='.length), 'hex');
  return sameBytes(given, expected);
}

/** The signature header Meta would send for `raw` (used by tests and the fake server). */
export function signatureOf(raw: string | Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

/** The messages and statuses for this number, or undefined for a body of another shape. */
export function readNotification(
  raw: Buffer,
  phoneNumberId: string,
): CloudNotification | undefined {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payloadShape.safeParse(body);
  if (!parsed.success || parsed.data.object !== 'whatsapp_business_account') return undefined;
  const notification: CloudNotification = { messages: [], statuses: [] };
  for (const change of parsed.data.entry.flatMap((e) => e.changes)) {
    if (change.field !== 'messages') continue;
    const id = change.value.metadata?.phone_number_id;
    if (id !== undefined && id !== phoneNumberId) continue;
    notification.messages.push(...(change.value.messages ?? []));
    for (const status of change.value.statuses ?? []) {
      const known = ['sent', 'delivered', 'read', 'failed'] as const;
      const kind = known.find((k) => k === status.status);
      if (!kind) continue;
      const error = status.errors?.[0];
      notification.statuses.push({
        messageId: status.id,
        status: kind,
        ...(status.timestamp ? { at: new Date(Number(status.timestamp) * 1000) } : {}),
        ...(error ? { error: `${error.code ?? 'error'}: ${error.title ?? 'failed'}` } : {}),
      });
    }
  }
  return notification;
}
