import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleChannel } from '../../../src/channels/console/index.js';
import { createLogger } from '../../../src/logger.js';
import { createTestClock, createTestIds } from '../../support/harness.js';

describe('the console names the file of a photo it shows', () => {
  it('prints the path photoPath gives, else the media id', async () => {
    const output = new PassThrough();
    let printed = '';
    output.on('data', (d) => (printed += d));
    const chat = createConsoleChannel({
      input: new PassThrough(),
      output,
      receive: async () => ({ type: 'handled', contactId: 'c' }),
      clock: createTestClock(),
      ids: createTestIds(),
      logger: createLogger({ level: 'silent', format: 'json' }),
      photoPath: async (id) => (id === 'chart-1' ? '/data/media/ab/abc.jpg' : undefined),
    });
    const attachments = [
      { type: 'photo' as const, mediaId: 'chart-1' },
      { type: 'photo' as const, mediaId: 'other' },
    ];
    await chat.channel.send('operator', { texts: ['📊 Skor'], attachments });
    expect(printed).toContain('📷 /data/media/ab/abc.jpg');
    expect(printed).toContain('📷 other');
  });
});
