import { readFileSync } from 'node:fs';
import fs from 'node:fs/promises';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Inbound, InboundPayload, RenderedMessage } from '../../core/messages.js';
import type { Clock, Ids } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { RuntimeChannel, SendResult } from '../../runtime/types.js';
import { renderNumberedText } from '../text-render.js';
import { consoleIdentity, parseConsoleLine } from './parse.js';

/** The channel name of the console. */
export const CONSOLE_CHANNEL = 'console';
/** The console identity of the local operator, who is an admin. */
export const CONSOLE_OPERATOR = 'operator';

const BANNER = [
  'Sapa Desa: obrolan konsol / console chat',
  'Ketik pesan lalu Enter. / Type a message and press Enter.',
  '  /sebagai <nama>    bicara sebagai orang lain / talk as someone else',
  '  /foto <berkas>     kirim foto / send a photo',
  '  /lokasi <lat> <lon> bagikan lokasi / share a location',
  '  /stiker, /suara    coba pesan yang belum didukung / try unsupported messages',
  '  Ctrl+D             keluar / quit',
  '',
].join('\n');

/** Stores a picture sent from the console; returns its media id or why it was refused. */
export type SavePhoto = (
  bytes: Uint8Array,
  from: string,
) => Promise<{ type: 'stored'; mediaId: string } | { type: 'rejected'; reason: string }>;

/** What the console needs. */
export interface ConsoleDeps {
  input: Readable;
  output: Writable;
  receive: (inbound: Inbound) => Promise<unknown>;
  savePhoto?: SavePhoto;
  clock: Clock;
  ids: Ids;
  logger: Logger;
  /** Called once standard input has ended and every line has been handled. */
  onEnd?: () => void;
  /** A file remembering who is speaking (`/sebagai`), so a restart keeps talking as them. */
  whoFile?: string;
  /** Where a sent photo's file is (a chart /skor drew), to name it; the media id otherwise. */
  photoPath?: (mediaId: string) => Promise<string | undefined>;
}

/** Who spoke last, as remembered in `file`; the operator when nothing is. */
function rememberedSpeaker(file: string | undefined): string {
  if (!file) return CONSOLE_OPERATOR;
  try {
    const name = readFileSync(file, 'utf8').trim();
    return name ? consoleIdentity(name) : CONSOLE_OPERATOR;
  } catch {
    return CONSOLE_OPERATOR;
  }
}

/** The console chat: one terminal, one or several simulated people. */
export interface ConsoleChannel {
  channel: RuntimeChannel;
  start(): void;
  /** Stops reading; resolves when lines already read are handled. */
  stop(): Promise<void>;
}

/**
 * Creates the console channel. Lines typed are messages from the current person
 * (the operator at first); replies to them are printed as they are sent, replies to
 * other simulated people are printed with their name.
 */
export function createConsoleChannel(deps: ConsoleDeps): ConsoleChannel {
  const session = deps.ids.next();
  let counter = 0;
  let current = rememberedSpeaker(deps.whoFile);
  const interactive = (deps.output as { isTTY?: boolean }).isTTY === true;
  /** Shows who is speaking before the next line, on a terminal. */
  const prompt = () => {
    if (interactive) deps.output.write(`${current} › `);
  };
  let pending: Promise<unknown> = Promise.resolve();
  let reader: readline.Interface | undefined;
  let stopped = false;
  const print = (line: string) => deps.output.write(`${line}\n`);

  const channel: RuntimeChannel = {
    name: CONSOLE_CHANNEL,
    isAdmin: (inbound) => inbound.externalId === CONSOLE_OPERATOR,
    async send(externalId: string, message: RenderedMessage): Promise<SendResult> {
      const who = externalId === current ? '' : ` → ${externalId}`;
      const text = renderNumberedText(message).replace(/\n/g, '\n    ');
      const files = await Promise.all(
        (message.attachments ?? []).map((a) =>
          a.type === 'photo' ? deps.photoPath?.(a.mediaId) : undefined,
        ),
      );
      const shown = (message.attachments ?? []).map((a, index) =>
        a.type === 'photo'
          ? `\n    📷 ${files[index] ?? a.mediaId}`
          : a.type === 'document'
            ? `\n    📎 ${a.fileName}`
            : `\n    📍 ${a.latitude}, ${a.longitude}`,
      );
      print(`bot${who} › ${text}${shown.join('')}\n`);
      return { type: 'sent' };
    },
  };

  async function toPayload(line: string): Promise<InboundPayload | undefined> {
    const parsed = parseConsoleLine(line);
    if (parsed.type === 'empty') return undefined;
    if (parsed.type === 'message') return parsed.payload;
    if (parsed.type === 'usage') {
      print(`(${parsed.text})\n`);
      return undefined;
    }
    if (parsed.type === 'switch') {
      current = consoleIdentity(parsed.name);
      print(`(sekarang Anda sebagai "${current}" / you are now "${current}")\n`);
      if (deps.whoFile) {
        await fs.writeFile(deps.whoFile, `${current}\n`).catch((error) => {
          deps.logger.warn({ err: error }, 'console speaker not remembered');
        });
      }
      return undefined;
    }
    if (!deps.savePhoto) {
      print('(foto tidak tersedia / photos are not available)');
      return undefined;
    }
    const bytes = await fs.readFile(parsed.path).catch(() => undefined);
    if (!bytes) {
      print(`(berkas tidak ditemukan / file not found: ${parsed.path})`);
      return undefined;
    }
    const saved = await deps.savePhoto(bytes, current);
    if (saved.type === 'rejected') {
      print(`(foto ditolak / photo refused: ${saved.reason})`);
      return undefined;
    }
    return { type: 'photo', mediaId: saved.mediaId, caption: parsed.caption };
  }

  async function handleLine(line: string): Promise<void> {
    const payload = await toPayload(line);
    if (!payload) return;
    counter += 1;
    await deps.receive({
      channel: CONSOLE_CHANNEL,
      messageId: `${session}-${counter}`,
      externalId: current,
      receivedAt: deps.clock.now(),
      payload,
    });
  }

  return {
    channel,
    start() {
      print(BANNER);
      print(`(Anda sebagai "${current}" / you are "${current}")\n`);
      prompt();
      reader = readline.createInterface({ input: deps.input, terminal: false });
      reader.on('line', (line) => {
        pending = pending
          .then(() => handleLine(line))
          .catch((error) => deps.logger.error({ err: error }, 'console line failed'))
          .then(prompt);
      });
      reader.on('close', () => {
        if (!stopped) void pending.then(() => deps.onEnd?.());
      });
    },
    async stop() {
      stopped = true;
      reader?.close();
      await pending;
    },
  };
}
