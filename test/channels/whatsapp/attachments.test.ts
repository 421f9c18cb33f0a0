import type { AnyMessageContent } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { createWhatsappSender } from '../../../src/channels/whatsapp/sender.js';
import type { WhatsappSocket } from '../../../src/channels/whatsapp/socket.js';
import { createTestClock, silentLogger } from '../../support/harness.js';

describe('WhatsApp attachments', () => {
  it('sends the text, each photo that still exists as an image, then the pin', async () => {
    const sent: AnyMessageContent[] = [];
    const socket = {
      sendMessage: async (_jid: string, content: AnyMessageContent) => {
        sent.push(content);
        return undefined;
      },
      sendPresenceUpdate: async () => {},
    } as unknown as WhatsappSocket;
    const picture = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);
    const sender = createWhatsappSender({
      socket: () => socket,
      intervalMs: 0,
      clock: createTestClock(),
      sleep: async () => {},
      random: () => 0,
      logger: silentLogger,
      loadPhoto: async (mediaId) => (mediaId === 'kept' ? picture : undefined),
    });
    const result = await sender.send('6281200000001@s.whatsapp.net', {
      texts: ['*LP-7KQ3M* · Pengaduan'],
      attachments: [
        { type: 'photo', mediaId: 'kept' },
        { type: 'photo', mediaId: 'erased' },
        { type: 'location', latitude: -6.2, longitude: 106.8 },
      ],
    });
    expect(result).toEqual({ type: 'sent' });
    expect(sent).toEqual([
      { text: '*LP-7KQ3M* · Pengaduan' },
      { image: Buffer.from(picture) },
      { location: { degreesLatitude: -6.2, degreesLongitude: 106.8 } },
    ]);
  });
});
