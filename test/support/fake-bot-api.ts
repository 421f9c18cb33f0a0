import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { InlineKeyboardMarkup, Message, Update } from 'grammy/types';

/**
 * A Bot API server for tests and benches: plain node:http, the few methods Sapa Desa
 * calls, updates served by long polling or delivered to a registered webhook, files to
 * download, and scripted failures. Real grammY talks to it through `apiRoot`.
 */

/** The fake's bot: what `getMe` answers. */
export const FAKE_BOT = {
  id: 7000001,
  is_bot: true,
  first_name: 'Sapa Desa',
  username: 'sapa_desa_bot',
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
} as const;

/** A token of the shape BotFather hands out. */
export const FAKE_TOKEN = '7000001:AAFakeTokenForTestsOnly_abcdefghijk';

/** One call the bot made. */
export interface ApiCall {
  method: string;
  params: Record<string, unknown>;
  /** performance.now() when it arrived. */
  at: number;
}

/** A message the bot sent. */
export interface SentMessage {
  chatId: number;
  messageId: number;
  text: string;
  parseMode?: string;
  replyMarkup?: Record<string, unknown>;
  /** A photo: its file id, or `upload:<bytes>` for an uploaded file (`text` is the caption). */
  photo?: string;
  /** A map pin (`text` is empty). */
  location?: { latitude: number; longitude: number };
  /** An uploaded document's content as text (`text` is empty). */
  document?: string;
  at: number;
  /** Times its text was edited (editMessageText); `text` is the latest. */
  edits?: number;
}

/** A failure the next call of a method gets. */
export interface ScriptedFailure {
  status: number;
  description: string;
  retryAfter?: number;
}

/** Options of {@link startFakeBotApi}. */
export interface FakeBotApiOptions {
  token?: string;
  /** Longest a `getUpdates` waits for an update, whatever timeout the bot asks. */
  longPollMs?: number;
  /** Called for every message the bot sends (benches time replies with it). */
  onSend?: (message: SentMessage) => void;
}

/** The running fake. */
export interface FakeBotApi {
  apiRoot: string;
  token: string;
  calls: ApiCall[];
  sent: SentMessage[];
  /**
   * Sends an update to the bot: queued for `getUpdates`, or, once a webhook is set,
   * POSTed to it (its answer lands in `webhookStatuses`). `update_id` is assigned when missing.
   */
  push(update: UpdateDraft): Update;
  /** HTTP statuses of webhook deliveries made by `push`, in order of answer. */
  webhookStatuses: number[];
  /** Queues an update again with its id, as Telegram does when it was never confirmed. */
  redeliver(update: Update): void;
  /** The next call of `method` fails like this. */
  failNext(method: string, failure: ScriptedFailure): void;
  /**
   * Calls of `method` (those `which` picks) get no answer until the returned function is
   * called: a slow Telegram, or work held in hand while a test kills the bot.
   */
  hold(method: string, which?: (params: Record<string, unknown>) => boolean): () => void;
  /** The person blocked the bot: sends to the chat get 403. */
  block(chatId: number): void;
  /** A file `getFile` knows and the file URL serves. */
  addFile(fileId: string, bytes: Uint8Array): void;
  /** The webhook the bot registered, if any. */
  webhook(): { url: string; secret?: string } | undefined;
  /** POSTs an update to the registered webhook; `secret: null` leaves the header out. */
  deliverWebhook(update: Update, secret?: string | null): Promise<Response>;
  /** Calls of one method. */
  callsOf(method: string): ApiCall[];
  /** The inline keyboard currently on a message (edits applied). */
  keyboardOf(chatId: number, messageId: number): InlineKeyboardMarkup | undefined;
  /** A private chat with one simulated person. */
  chat(chatId: number, options?: { languageCode?: string; firstName?: string }): FakeChat;
  nextUpdateId(): number;
  close(): Promise<void>;
}

/** An update before the fake numbers it. */
export type UpdateDraft = Omit<Update, 'update_id'> & { update_id?: number };

/** What a {@link FakeChat} person can do. */
export interface FakeChat {
  chatId: number;
  /** Sends a text (or a command) and returns the update. */
  say(text: string): Update;
  /** Sends another kind of message: `{ sticker: ... }`, `{ location: ... }`, a photo. */
  send(content: Partial<Message>): Update;
  /** Presses button `number` on the latest message with a keyboard (or on `messageId`). */
  press(number: number, messageId?: number): Update;
  /** A callback query with any data, on any message. */
  pressData(data: string, messageId: number): Update;
  /** Messages the bot sent here. */
  messages(): SentMessage[];
  /** Waits for `count` messages after those already read here, and returns them (read). */
  next(count?: number, timeoutMs?: number): Promise<SentMessage[]>;
  /** Messages sent here and not read yet by {@link FakeChat.next}; marks them read. */
  unread(): SentMessage[];
}

const FAKE_DATE = 1_772_413_200;
/** How long an idle keep-alive connection stays open, in milliseconds. */
const FAKE_KEEP_ALIVE_MS = 120_000;

type ChatLog = Map<number, { messages: SentMessage[]; listeners: Set<() => void> }>;

/** Starts the fake on a free port of 127.0.0.1. */
export async function startFakeBotApi(options: FakeBotApiOptions = {}): Promise<FakeBotApi> {
  const token = options.token ?? FAKE_TOKEN;
  const longPollMs = options.longPollMs ?? 200;
  const calls: ApiCall[] = [];
  const sent: SentMessage[] = [];
  const pending: Update[] = [];
  const waiters = new Set<() => void>();
  const failures = new Map<string, ScriptedFailure[]>();
  const blocked = new Set<number>();
  const files = new Map<string, Uint8Array>();
  const keyboards = new Map<string, InlineKeyboardMarkup | undefined>();
  const messageCounters = new Map<number, number>();
  /** Per chat: its messages and who waits for more (a bench has hundreds of chats). */
  const chats: ChatLog = new Map();
  const logOf = (chatId: number) => {
    let log = chats.get(chatId);
    if (!log) {
      log = { messages: [], listeners: new Set() };
      chats.set(chatId, log);
    }
    return log;
  };
  const holds: {
    method: string;
    which: (params: Record<string, unknown>) => boolean;
    released: Promise<void>;
  }[] = [];
  let lastUpdateId = 100_000;
  let webhook: { url: string; secret?: string } | undefined;

  const nextMessageId = (chatId: number) => {
    const id = (messageCounters.get(chatId) ?? 0) + 1;
    messageCounters.set(chatId, id);
    return id;
  };
  const wake = () => {
    for (const waiter of waiters) waiter();
    waiters.clear();
  };

  function queue(update: Update) {
    const index = pending.findIndex((u) => u.update_id > update.update_id);
    if (index < 0) pending.push(update);
    else pending.splice(index, 0, update);
    wake();
  }

  async function getUpdates(params: Record<string, unknown>, req: http.IncomingMessage) {
    const offset = Number(params.offset ?? 0);
    while (pending.length > 0 && (pending[0] as Update).update_id < offset) pending.shift();
    if (pending.length === 0 && Number(params.timeout ?? 0) > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve();
        };
        const timer = setTimeout(done, longPollMs);
        waiters.add(done);
        req.once('close', done);
      });
    }
    return pending.slice(0, Number(params.limit ?? 100));
  }

  function sendMessage(
    params: Record<string, unknown>,
    extra: Pick<SentMessage, 'photo' | 'location' | 'document'> = {},
  ): Message | ScriptedFailure {
    const chatId = Number(params.chat_id);
    if (blocked.has(chatId))
      return { status: 403, description: 'Forbidden: bot was blocked by the user' };
    const messageId = nextMessageId(chatId);
    const message: SentMessage = {
      chatId,
      messageId,
      text: String(params.text ?? params.caption ?? ''),
      parseMode: params.parse_mode as string | undefined,
      replyMarkup: params.reply_markup as Record<string, unknown> | undefined,
      ...extra,
      at: performance.now(),
    };
    const markup = message.replyMarkup as InlineKeyboardMarkup | undefined;
    keyboards.set(`${chatId}:${messageId}`, markup?.inline_keyboard ? markup : undefined);
    sent.push(message);
    const log = logOf(chatId);
    log.messages.push(message);
    options.onSend?.(message);
    for (const listener of log.listeners) listener();
    return {
      message_id: messageId,
      date: FAKE_DATE,
      chat: { id: chatId, type: 'private', first_name: 'Warga' },
      text: message.text,
    } as Message;
  }

  /** Telegram's answers: the edited message, or a 400 (not found, or the text unchanged). */
  function editMessageText(params: Record<string, unknown>): Message | ScriptedFailure {
    const chatId = Number(params.chat_id);
    const message = chats
      .get(chatId)
      ?.messages.find((m) => m.messageId === Number(params.message_id));
    if (!message) return { status: 400, description: 'Bad Request: message to edit not found' };
    const text = String(params.text ?? '');
    if (text === message.text) {
      return {
        status: 400,
        description:
          'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      };
    }
    message.text = text;
    message.parseMode = params.parse_mode as string | undefined;
    message.edits = (message.edits ?? 0) + 1;
    return {
      message_id: message.messageId,
      date: FAKE_DATE,
      edit_date: FAKE_DATE,
      chat: { id: chatId, type: 'private', first_name: 'Warga' },
      text,
    } as Message;
  }

  async function answer(
    method: string,
    params: Record<string, unknown>,
    req: http.IncomingMessage,
  ) {
    switch (method) {
      case 'getMe':
        return FAKE_BOT;
      case 'getUpdates':
        return getUpdates(params, req);
      case 'sendMessage':
        return sendMessage(params);
      case 'sendPhoto': {
        // An upload arrives as `attach://<field>` naming the multipart field of the bytes.
        const named = String(params.photo);
        const file = named.startsWith('attach://') ? params[named.slice(9)] : undefined;
        const ref = Buffer.isBuffer(file) ? `upload:${file.byteLength}` : named;
        return sendMessage(params, { photo: ref });
      }
      case 'sendDocument': {
        const named = String(params.document);
        const file = named.startsWith('attach://') ? params[named.slice(9)] : undefined;
        const bytes = Buffer.isBuffer(file) ? file.toString('utf8') : named;
        return sendMessage(params, { document: bytes });
      }
      case 'sendLocation':
        return sendMessage(params, {
          location: { latitude: Number(params.latitude), longitude: Number(params.longitude) },
        });
      case 'editMessageText':
        return editMessageText(params);
      case 'editMessageReplyMarkup': {
        const markup = params.reply_markup as InlineKeyboardMarkup | undefined;
        keyboards.set(`${params.chat_id}:${params.message_id}`, markup);
        return true;
      }
      case 'getFile': {
        const fileId = String(params.file_id);
        const bytes = files.get(fileId);
        if (!bytes) return { status: 400, description: 'Bad Request: invalid file_id' };
        return {
          file_id: fileId,
          file_unique_id: `u-${fileId}`,
          file_size: bytes.byteLength,
          file_path: `photos/${fileId}.jpg`,
        };
      }
      case 'setWebhook':
        webhook = { url: String(params.url), secret: params.secret_token as string | undefined };
        return true;
      case 'deleteWebhook':
        webhook = undefined;
        return true;
      case 'answerCallbackQuery':
      case 'setMyCommands':
        return true;
      default:
        return { status: 404, description: `Not Found: method ${method} is not faked` };
    }
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const filePrefix = `/file/bot${token}/photos/`;
    if (req.method === 'GET' && url.pathname.startsWith(filePrefix)) {
      const bytes = files.get(url.pathname.slice(filePrefix.length).replace(/\.jpg$/, ''));
      if (!bytes) return void res.writeHead(404).end();
      return void res.writeHead(200, { 'content-length': bytes.byteLength }).end(bytes);
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(url.pathname);
    if (!match || match[1] !== token) {
      return reply(res, { status: 401, description: 'Unauthorized' });
    }
    const method = match[2] as string;
    const params = await readParams(req);
    calls.push({ method, params, at: performance.now() });
    const held = holds.find((h) => h.method === method && h.which(params));
    if (held) {
      await Promise.race([held.released, new Promise((resolve) => res.once('close', resolve))]);
      if (res.destroyed) return;
    }
    const failure = failures.get(method)?.shift();
    if (failure) return reply(res, failure);
    const result = await answer(method, params, req);
    if (isFailure(result)) return reply(res, result);
    if (!res.destroyed) res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true, result }));
  }

  // grammY keeps connections alive; with Node's 5 s default the server closes an idle one
  // just as the bot reuses it (ECONNRESET), which a loaded machine makes frequent.
  // Telegram keeps them far longer.
  server.keepAliveTimeout = FAKE_KEEP_ALIVE_MS;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const fake: FakeBotApi = {
    apiRoot,
    token,
    calls,
    sent,
    webhookStatuses: [],
    push(draft) {
      const update = { ...draft, update_id: draft.update_id ?? ++lastUpdateId } as Update;
      if (!webhook) {
        queue(update);
        return update;
      }
      void fake.deliverWebhook(update).then(
        (response) => fake.webhookStatuses.push(response.status),
        () => fake.webhookStatuses.push(0),
      );
      return update;
    },
    redeliver: (update) => queue(update),
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    hold(method, which = () => true) {
      let release = () => {};
      const released = new Promise<void>((resolve) => {
        release = resolve;
      });
      const entry = { method, which, released };
      holds.push(entry);
      return () => {
        holds.splice(holds.indexOf(entry), 1);
        release();
      };
    },
    block: (chatId) => blocked.add(chatId),
    addFile: (fileId, bytes) => files.set(fileId, bytes),
    webhook: () => webhook,
    async deliverWebhook(update, secret) {
      if (!webhook) throw new Error('no webhook registered');
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      const value = secret === undefined ? webhook.secret : secret;
      if (value !== null && value !== undefined) headers['x-telegram-bot-api-secret-token'] = value;
      return fetch(webhook.url, { method: 'POST', headers, body: JSON.stringify(update) });
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    keyboardOf: (chatId, messageId) => keyboards.get(`${chatId}:${messageId}`),
    chat: (chatId, chatOptions) => createFakeChat(fake, chatId, chatOptions, logOf(chatId)),
    nextUpdateId: () => ++lastUpdateId,
    async close() {
      wake();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return fake;
}

function createFakeChat(
  fake: FakeBotApi,
  chatId: number,
  options: { languageCode?: string; firstName?: string } = {},
  log: { messages: SentMessage[]; listeners: Set<() => void> },
): FakeChat {
  let messageId = 0;
  let read = 0;
  const from = {
    id: chatId,
    is_bot: false,
    first_name: options.firstName ?? 'Warga',
    language_code: options.languageCode ?? 'id',
  };
  const chat = { id: chatId, type: 'private' as const, first_name: from.first_name };
  const messages = () => log.messages;
  const message = (content: Partial<Message>) =>
    ({ message_id: ++messageId, date: FAKE_DATE, chat, from, ...content }) as Message;
  const pressData = (data: string, keyboardMessageId: number) =>
    fake.push({
      callback_query: {
        id: `cq-${chatId}-${fake.nextUpdateId()}`,
        from,
        chat_instance: `ci-${chatId}`,
        data,
        message: {
          message_id: keyboardMessageId,
          date: FAKE_DATE,
          chat,
          text: '',
        } as Message,
      },
    } as UpdateDraft);

  return {
    chatId,
    say: (text) => {
      const command = /^\/\w\S*/.exec(text)?.[0];
      const entities = command
        ? [{ type: 'bot_command' as const, offset: 0, length: command.length }]
        : undefined;
      return fake.push({
        message: message(entities ? { text, entities } : { text }),
      } as UpdateDraft);
    },
    send: (content) => fake.push({ message: message(content) } as UpdateDraft),
    press(number, onMessage) {
      const target =
        onMessage ??
        [...messages()].reverse().find((m) => fake.keyboardOf(chatId, m.messageId))?.messageId;
      if (target === undefined) throw new Error(`chat ${chatId} has no keyboard to press`);
      const keyboard = fake.keyboardOf(chatId, target);
      const button = keyboard?.inline_keyboard.flat().find((b) => b.text.startsWith(`${number}.`));
      if (!button || !('callback_data' in button)) {
        throw new Error(`no button ${number} on message ${target} in chat ${chatId}`);
      }
      return pressData(button.callback_data, target);
    },
    pressData,
    messages,
    async next(count = 1, timeoutMs = 10_000) {
      const want = read + count;
      if (messages().length < want) {
        await new Promise<void>((resolve, reject) => {
          const check = () => {
            if (messages().length < want) return;
            clearTimeout(timer);
            log.listeners.delete(check);
            resolve();
          };
          const timer = setTimeout(() => {
            log.listeners.delete(check);
            const got = messages().length - read;
            reject(new Error(`chat ${chatId}: waited for ${count} messages, ${got} came`));
          }, timeoutMs);
          log.listeners.add(check);
        });
      }
      const fresh = messages().slice(read, want);
      read = want;
      return fresh;
    },
    unread() {
      const fresh = messages().slice(read);
      read += fresh.length;
      return fresh;
    },
  };
}

function isFailure(value: unknown): value is ScriptedFailure {
  return typeof value === 'object' && value !== null && 'status' in value && 'description' in value;
}

function reply(res: http.ServerResponse, failure: ScriptedFailure) {
  const body = {
    ok: false,
    error_code: failure.status,
    description: failure.description,
    ...(failure.retryAfter === undefined
      ? {}
      : { parameters: { retry_after: failure.retryAfter } }),
  };
  if (res.destroyed) return;
  res.writeHead(failure.status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

async function readParams(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const body = raw.toString('utf8');
  if (body.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(type);
  if (type.includes('multipart/form-data') && boundary) {
    return readMultipart(raw, `--${boundary[1] ?? boundary[2]}`);
  }
  throw new Error(`the fake reads JSON and multipart bodies only, got ${type}`);
}

/** Fields of a multipart body: JSON-looking values parsed, files as their bytes. */
function readMultipart(raw: Buffer, delimiter: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  let at = raw.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length + 2;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) break;
    const part = raw.subarray(start, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const value = part.subarray(split + 4);
    const name = /name="([^"]+)"/.exec(headers)?.[1];
    if (name) params[name] = /filename=/.test(headers) ? Buffer.from(value) : parseField(value);
    at = next;
  }
  return params;
}

function parseField(value: Buffer): unknown {
  const text = value.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
