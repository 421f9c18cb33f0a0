import { z } from 'zod';

/** What the Graph API client needs. */
export interface GraphApiConfig {
  /** `https://graph.facebook.com`, or a fake server's address in tests. */
  baseUrl: string;
  /** `v23.0` and the like. */
  version: string;
  accessToken: string;
  phoneNumberId: string;
  /** `fetch`, injected so tests may count or fail calls; the global one by default. */
  fetch?: typeof fetch;
}

/** How one Graph API call ended. */
export type GraphResult<T> =
  | { type: 'ok'; value: T }
  /**
   * The platform refused (`code` is Meta's error code, like 131056) or could not be
   * reached (`status` 0).
   */
  | { type: 'error'; status: number; code?: number; title: string };

/** A picture's download address and what Meta says of it (`GET /{media-id}`). */
export interface MediaInfo {
  url: string;
  mimeType?: string;
  fileSize?: number;
}

/** The Cloud API calls the channel makes. */
export interface GraphApi {
  /** `POST /{phone-number-id}/messages`; the id (`wamid…`) of the message sent. */
  sendMessage(body: Record<string, unknown>): Promise<GraphResult<string>>;
  /**
   * `POST /{phone-number-id}/media` (multipart: `messaging_product`, `type`, `file`):
   * uploads a picture or a document under `fileName`, returns its media id.
   */
  uploadMedia(bytes: Uint8Array, mimeType: string, fileName?: string): Promise<GraphResult<string>>;
  /** `GET /{media-id}`. */
  mediaInfo(mediaId: string): Promise<GraphResult<MediaInfo>>;
  /** Downloads from a media URL (with the token); `too_large` beyond `maxBytes`. */
  download(url: string, maxBytes: number): Promise<GraphResult<Uint8Array | 'too_large'>>;
}

const errorShape = z.looseObject({
  error: z.looseObject({
    code: z.number().optional(),
    message: z.string().optional(),
    error_data: z.looseObject({ details: z.string().optional() }).optional(),
  }),
});
const sentShape = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string() })).min(1),
});
const uploadedShape = z.looseObject({ id: z.string() });
const mediaShape = z.looseObject({
  url: z.string(),
  mime_type: z.string().optional(),
  file_size: z.coerce.number().optional(),
});

/** Builds the client: plain `fetch`, every answer checked with zod. */
export function createGraphApi(config: GraphApiConfig): GraphApi {
  const doFetch = config.fetch ?? fetch;
  const root = `${config.baseUrl.replace(/\/+$/, '')}/${config.version}`;
  const auth = { Authorization: `Bearer ${config.accessToken}` };

  async function call<T>(
    url: string,
    init: RequestInit,
    shape: z.ZodType<T>,
  ): Promise<GraphResult<T>> {
    let response: Response;
    try {
      response = await doFetch(url, { ...init, headers: { ...auth, ...init.headers } });
    } catch (error) {
      return { type: 'error', status: 0, title: describeNetwork(error) };
    }
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) return errorOf(response.status, body);
    const parsed = shape.safeParse(body);
    if (!parsed.success) {
      return { type: 'error', status: response.status, title: 'unexpected answer shape' };
    }
    return { type: 'ok', value: parsed.data };
  }

  return {
    async sendMessage(body) {
      const result = await call(
        `${root}/${config.phoneNumberId}/messages`,
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({
            messaging_product: 'whatsapp',
            recipient_type: 'individual',
            ...body,
          }),
        },
        sentShape,
      );
      return result.type === 'ok' ? ok(result.value.messages[0]?.id ?? '') : result;
    },
    async uploadMedia(bytes, mimeType, fileName = 'photo.jpg') {
      const form = new FormData();
      form.set('messaging_product', 'whatsapp');
      form.set('type', mimeType);
      form.set('file', new Blob([bytes], { type: mimeType }), fileName);
      const result = await call(
        `${root}/${config.phoneNumberId}/media`,
        { method: 'POST', body: form },
        uploadedShape,
      );
      return result.type === 'ok' ? ok(result.value.id) : result;
    },
    async mediaInfo(mediaId) {
      const result = await call(
        `${root}/${encodeURIComponent(mediaId)}`,
        { method: 'GET' },
        mediaShape,
      );
      if (result.type !== 'ok') return result;
      const { url, mime_type, file_size } = result.value;
      return ok({
        url,
        ...(mime_type ? { mimeType: mime_type } : {}),
        ...(file_size !== undefined ? { fileSize: file_size } : {}),
      });
    },
    async download(url, maxBytes) {
      let response: Response;
      try {
        response = await doFetch(url, { headers: auth });
      } catch (error) {
        return { type: 'error', status: 0, title: describeNetwork(error) };
      }
      if (!response.ok)
        return errorOf(response.status, await response.json().catch(() => undefined));
      return ok(await readAtMost(response, maxBytes));
    },
  };
}

function ok<T>(value: T): GraphResult<T> {
  return { type: 'ok', value };
}

/** Meta's error code and title; never the request's content. */
function errorOf(status: number, body: unknown): GraphResult<never> {
  const parsed = errorShape.safeParse(body);
  if (!parsed.success) return { type: 'error', status, title: `HTTP ${status}` };
  const { code, message } = parsed.data.error;
  return {
    type: 'error',
    status,
    ...(code !== undefined ? { code } : {}),
    title: message ?? `HTTP ${status}`,
  };
}

function describeNetwork(error: unknown): string {
  return error instanceof Error ? `network: ${error.message}` : 'network error';
}

/** The body's bytes, or `too_large` as soon as they pass `maxBytes`. */
async function readAtMost(response: Response, maxBytes: number): Promise<Uint8Array | 'too_large'> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) return 'too_large';
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      return 'too_large';
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
