import type { InboundPayload } from '../../core/messages.js';

/** A console line: either a message for the bot or an instruction to the console itself. */
export type ConsoleLine =
  | { type: 'message'; payload: InboundPayload }
  | { type: 'switch'; name: string }
  | { type: 'photo'; path: string; caption?: string }
  /** A console instruction typed wrong: how to use it, printed, nothing sent. */
  | { type: 'usage'; text: string }
  | { type: 'empty' };

/** How to use the console's own instructions, in both languages. */
export const CONSOLE_USAGE = {
  sebagai: 'Pakai: /sebagai <nama>, misalnya /sebagai siti / Use: /as <name>, for example /as siti',
  lokasi:
    'Pakai: /lokasi <lintang> <bujur>, misalnya /lokasi -6.9175 107.6191 (lintang -90 sampai 90, bujur -180 sampai 180) / Use: /location <latitude> <longitude>, for example /location -6.9175 107.6191 (latitude -90 to 90, longitude -180 to 180)',
} as const;

/** Console-only words that simulate what a phone would send. */
const SIMULATED: Record<string, 'sticker' | 'voice' | 'video' | 'document'> = {
  stiker: 'sticker',
  sticker: 'sticker',
  suara: 'voice',
  voice: 'voice',
  video: 'video',
  dokumen: 'document',
  document: 'document',
};

/**
 * Reads one line typed at the console. `/sebagai <nama>` switches person, `/foto <file>`
 * sends a picture, `/lokasi <lat> <lon>` shares a pin, `/stiker` and friends simulate
 * unsupported messages; other `/words` are bot commands; anything else is text.
 */
export function parseConsoleLine(line: string): ConsoleLine {
  const text = line.trim();
  if (text.length === 0) return { type: 'empty' };
  const command = /^\/(\p{L}[\p{L}\p{N}_]*)(?:\s+([\s\S]*))?$/u.exec(text);
  if (!command?.[1]) return { type: 'message', payload: { type: 'text', text } };
  const name = command[1].toLowerCase();
  const args = (command[2] ?? '').trim();
  if (name === 'sebagai' || name === 'as') {
    return args ? { type: 'switch', name: args } : { type: 'usage', text: CONSOLE_USAGE.sebagai };
  }
  if (name === 'foto' || name === 'photo') {
    const [path, ...caption] = args.split(/\s+/);
    if (path)
      return caption.length > 0
        ? { type: 'photo', path, caption: caption.join(' ') }
        : { type: 'photo', path };
  }
  if (name === 'lokasi' || name === 'location') {
    const match = /^(-?\d+(?:\.\d+)?)[,\s]+(-?\d+(?:\.\d+)?)$/.exec(args);
    const latitude = Number(match?.[1]);
    const longitude = Number(match?.[2]);
    if (!match || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      return { type: 'usage', text: CONSOLE_USAGE.lokasi };
    }
    return { type: 'message', payload: { type: 'location', latitude, longitude } };
  }
  const kind = SIMULATED[name];
  if (kind) return { type: 'message', payload: { type: 'unsupported', kind } };
  return { type: 'message', payload: { type: 'command', name, args } };
}

/** The console identity for a person's name: lower-case, dashes for spaces. */
export function consoleIdentity(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'operator'
  );
}
