import { afterEach, describe, expect, it } from 'vitest';
import { WHATSAPP_MAX_TEXT_CHARS } from '../../../src/channels/whatsapp/render.js';
import type { RenderedMessage } from '../../../src/core/messages.js';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

const SITI_LID = '201234567890123@lid';

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** A paragraph that fills most of one WhatsApp part, starting with `label`. */
const paragraph = (label: string) =>
  `${label} ${'kata '.repeat(WHATSAPP_MAX_TEXT_CHARS / 5 - 200)}`;

describe('WhatsApp messages sent in several parts', () => {
  it('resumes a 3-part text at the part that failed: 1, 2, 3, never 1 again', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    const message: RenderedMessage = {
      texts: [paragraph('SATU'), paragraph('DUA'), paragraph('TIGA')],
    };
    const context = { outboxId: 41, outbound: { texts: [] } };
    let failures = 1;
    socket.failWhen = (_jid, content) =>
      'text' in content && String(content.text).startsWith('DUA') && failures-- > 0;
    expect(await t.wa.channel.send(SITI_LID, message, context)).toMatchObject({ type: 'retry' });
    expect(await t.wa.channel.send(SITI_LID, message, context)).toEqual({ type: 'sent' });
    expect(socket.take(SITI_LID).map((text) => text.split(' ')[0])).toEqual([
      'SATU',
      'DUA',
      'TIGA',
    ]);
    // Sent in full: the same message again is sent whole.
    expect(await t.wa.channel.send(SITI_LID, message, context)).toEqual({ type: 'sent' });
    expect(socket.take(SITI_LID)).toHaveLength(3);
  });

  it('resumes a photo after its caption text without sending the text again', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    const message: RenderedMessage = {
      texts: ['Foto laporan LPR-0001'],
      attachments: [{ type: 'photo', mediaId: 'media-1' }],
    };
    let failures = 2;
    socket.failWhen = (_jid, content) => 'image' in content && failures-- > 0;
    expect(await t.wa.channel.send(SITI_LID, message)).toMatchObject({ type: 'retry' });
    expect(await t.wa.channel.send(SITI_LID, message)).toMatchObject({ type: 'retry' });
    expect(await t.wa.channel.send(SITI_LID, message)).toEqual({ type: 'sent' });
    const sent = socket.take(SITI_LID);
    expect(sent).toHaveLength(2);
    expect(sent[0]).toBe('Foto laporan LPR-0001');
    expect(sent[1]).toContain('image');
  });
});
