import { expect } from 'vitest';
import type { Harness } from './harness.js';

/**
 * Plays a conversation written as a chat transcript and checks the bot's answers:
 *
 * ```
 * > halo                      what the person sends
 * < Selamat datang            a line the bot's replies must contain, in order
 * < 1. Kirim saran
 * >                           (an empty "> " line sends nothing)
 * ```
 *
 * Every `<` line must appear in the replies to the `>` line above it, after the
 * previous `<` match; `<!` lines must not appear. Lines starting with `#` are comments.
 */
export async function playTranscript(h: Harness, from: string, script: string): Promise<void> {
  let replies = '';
  let position = 0;
  let sent = '(start)';
  for (const raw of script.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('>')) {
      sent = line.slice(1).trim();
      replies = (await h.say(from, sent)).join('\n---\n');
      position = 0;
      continue;
    }
    if (line.startsWith('<!')) {
      const unwanted = line.slice(2).trim();
      expect(replies, `after "${sent}" the bot must not say "${unwanted}"`).not.toContain(unwanted);
      continue;
    }
    if (line.startsWith('<')) {
      const wanted = line.slice(1).trim();
      const found = replies.indexOf(wanted, position);
      expect(
        found,
        `after "${sent}" the bot should say "${wanted}"; it said:\n${replies}`,
      ).toBeGreaterThanOrEqual(0);
      position = found + wanted.length;
      continue;
    }
    throw new Error(`transcript line must start with >, <, <! or #: ${line}`);
  }
}
