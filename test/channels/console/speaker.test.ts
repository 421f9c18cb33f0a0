import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { createConsoleChannel } from '../../../src/channels/console/index.js';
import type { Inbound } from '../../../src/core/messages.js';
import { createLogger } from '../../../src/logger.js';
import { createTestClock, createTestIds } from '../../support/harness.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-console-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs a console on `lines` and returns what it printed and who each message came from. */
async function run(lines: string[], whoFile: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (d) => (printed += d));
  const from: string[] = [];
  const ended = new Promise<void>((resolve) => {
    const chat = createConsoleChannel({
      input,
      output,
      receive: async (inbound: Inbound) => from.push(inbound.externalId),
      clock: createTestClock(),
      ids: createTestIds(),
      logger: createLogger({ level: 'silent', format: 'json' }),
      onEnd: resolve,
      whoFile,
    });
    chat.start();
  });
  input.end(lines.map((line) => `${line}\n`).join(''));
  await ended;
  return { printed, from };
}

describe('the console says who is speaking', () => {
  it('at start, on /sebagai, and again after a restart', async () => {
    const whoFile = path.join(dir, 'console-speaker');
    const first = await run(['halo', '/sebagai Bu Rina', 'halo', '/lokasi 100 200'], whoFile);
    expect(first.printed).toContain('(Anda sebagai "operator" / you are "operator")');
    expect(first.printed).toContain('(sekarang Anda sebagai "bu-rina" / you are now "bu-rina")');
    expect(first.printed).toContain('Pakai: /lokasi <lintang> <bujur>');
    expect(first.from).toEqual(['operator', 'bu-rina']);
    const again = await run(['halo'], whoFile);
    expect(again.printed).toContain('(Anda sebagai "bu-rina" / you are "bu-rina")');
    expect(again.from).toEqual(['bu-rina']);
  });
});
