import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A WhatsApp Cloud API (Graph API) server for tests: plain node:http, the few calls Sapa
 * Desa makes (send a message, upload a picture, look a media id up, download it), the
 * bearer token checked, scripted failures. The channel talks to it through
 * `WHATSAPP_CLOUD_API_BASE_URL`.
 */

/** The token the fake accepts. */
export const FAKE_GRAPH_TOKEN = 'EAAFakeSystemUserTokenForTestsOnly';
/** The business phone number id of the fake. */
export const FAKE_PHONE_NUMBER_ID = '1098765432109';
/** The Graph API version the fake serves. */
export const FAKE_GRAPH_VERSION = 'v23.0';

/** One message the bot sent. */
export interface GraphSent {
  to: string;
  /** The message as posted (type and its object). */
  body: Record<string, unknown>;
  /** The `wamid` the fake answered. */
  id: string;
  /** `performance.now()` when it arrived. */
  at: number;
}

/** An error the next send gets (Meta's error object). */
export interface GraphFailure {
  status: number;
  code: number;
  title: string;
}

/** The running fake. */
export interface FakeGraphApi {
  baseUrl: string;
  sent: GraphSent[];
  /** Pictures uploaded, by the media id answered. */
  uploads: Map<string, Uint8Array>;
  /** Pictures people sent, by media id, served to the bot for download. */
  media: Map<string, { bytes: Uint8Array; mimeType: string }>;
  /** Failures the next sends get, in order. */
  failNextSends(...failures: GraphFailure[]): void;
  /** Messages sent to `to` since the last `take` for it, as readable text. */
  take(to: string): string[];
  close(): Promise<void>;
}

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeGraphApi(): Promise<FakeGraphApi> {
  const sent: GraphSent[] = [];
  const uploads = new Map<string, Uint8Array>();
  const media = new Map<string, { bytes: Uint8Array; mimeType: string }>();
  const failures: GraphFailure[] = [];
  const cursor = new Map<string, number>();
  let counter = 0;
  let baseUrl = '';
  const root = `/${FAKE_GRAPH_VERSION}`;

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(body));
      };
      if (req.headers.authorization !== `Bearer ${FAKE_GRAPH_TOKEN}`) {
        return json(401, { error: { code: 190, message: 'Invalid OAuth access token' } });
      }
      const url = req.url ?? '';
      const raw = Buffer.concat(chunks);
      if (req.method === 'POST' && url === `${root}/${FAKE_PHONE_NUMBER_ID}/messages`) {
        const failure = failures.shift();
        if (failure) {
          return json(failure.status, {
            error: { code: failure.code, message: failure.title, type: 'OAuthException' },
          });
        }
        const body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
        const id = `wamid.FAKE${++counter}`;
        sent.push({ to: String(body.to), body, id, at: performance.now() });
        return json(200, {
          messaging_product: 'whatsapp',
          contacts: [{ input: body.to, wa_id: body.to }],
          messages: [{ id }],
        });
      }
      if (req.method === 'POST' && url === `${root}/${FAKE_PHONE_NUMBER_ID}/media`) {
        const id = `upload-${++counter}`;
        uploads.set(id, raw);
        return json(200, { id });
      }
      const download = /^\/download\/([\w.-]+)$/.exec(url);
      if (req.method === 'GET' && download?.[1]) {
        const item = media.get(download[1]);
        if (!item) return json(404, { error: { code: 100, message: 'no such media' } });
        res.writeHead(200, { 'Content-Type': item.mimeType });
        return res.end(Buffer.from(item.bytes));
      }
      const lookup = new RegExp(`^${root}/([\\w.-]+)$`).exec(url);
      if (req.method === 'GET' && lookup?.[1]) {
        const item = media.get(lookup[1]);
        if (!item) return json(404, { error: { code: 100, message: 'no such media' } });
        return json(200, {
          messaging_product: 'whatsapp',
          id: lookup[1],
          url: `${baseUrl}/download/${lookup[1]}`,
          mime_type: item.mimeType,
          file_size: item.bytes.byteLength,
        });
      }
      return json(404, { error: { code: 100, message: 'unknown path' } });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    baseUrl,
    sent,
    uploads,
    media,
    failNextSends: (...next) => void failures.push(...next),
    take(to) {
      const mine = sent.filter((s) => s.to === to);
      const from = cursor.get(to) ?? 0;
      cursor.set(to, mine.length);
      return mine.slice(from).map((s) => readable(s.body));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A sent message as text: a text's body; an interactive message's body then
 * `[buttons: a | b]` or `[list: a | b]`; `[image]`; `[location]`;
 * `[template name: parameter]`.
 */
export function readable(body: Record<string, unknown>): string {
  const b = body as {
    type: string;
    text?: { body: string };
    interactive?: {
      type: string;
      body: { text: string };
      action: {
        buttons?: { reply: { title: string } }[];
        sections?: { rows: { title: string }[] }[];
      };
    };
    template?: { name: string; components: { parameters: { text: string }[] }[] };
  };
  switch (b.type) {
    case 'text':
      return b.text?.body ?? '';
    case 'interactive': {
      const i = b.interactive;
      if (!i) return '';
      const titles =
        i.type === 'button'
          ? (i.action.buttons ?? []).map((x) => x.reply.title)
          : (i.action.sections ?? []).flatMap((s) => s.rows.map((r) => r.title));
      return `${i.body.text}\n[${i.type === 'button' ? 'buttons' : 'list'}: ${titles.join(' | ')}]`;
    }
    case 'template':
      return `[template ${b.template?.name}: ${b.template?.components[0]?.parameters[0]?.text}]`;
    default:
      return `[${b.type}]`;
  }
}
