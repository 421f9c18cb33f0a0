import { afterEach, describe, expect, it } from 'vitest';
import { inboundMessages } from '../../../src/db/schema/index.js';
import { incoming } from './messages.js';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

const SITI_LID = '201234567890123@lid';
const SITI_PN = '6281234567890@s.whatsapp.net';
const BUDI_LID = '209876543210987@lid';
const BUDI_PN = '6285700000002@s.whatsapp.net';
/** The test clock's start, in epoch seconds. */
const NOW_S = 1_772_413_200;
const HOUR_S = 3_600;

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('WhatsApp messages sent while the bot was away', () => {
  it('answers messages delivered as append after a reconnect, in order, once', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    const first = incoming(
      SITI_LID,
      { conversation: 'halo' },
      { alt: SITI_PN, timestamp: NOW_S - 2 * HOUR_S },
    );
    const second = incoming(
      SITI_LID,
      { conversation: '/saran' },
      { alt: SITI_PN, timestamp: NOW_S - HOUR_S },
    );
    // Baileys hands offline messages over as `append`, not `notify`; here newest first.
    socket.deliver([second, first], 'append');
    await t.wa.idle();
    const replies = socket.take(SITI_LID).join('\n---\n');
    expect(replies).toContain('Apa yang ingin Anda lakukan?');
    expect(replies).toContain('Saran Anda tentang apa?');
    expect(replies.indexOf('Apa yang ingin')).toBeLessThan(replies.indexOf('Saran Anda'));
    // The same messages again (another reconnect, or as notify): nothing more.
    socket.deliver([first, second], 'append');
    socket.deliver(second, 'notify');
    await t.wa.idle();
    expect(socket.take(SITI_LID)).toEqual([]);
  });

  it('sends one late notice for messages older than the limit, only when nothing newer came', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    const old = (jid: string, alt: string, text: string, hours: number) =>
      incoming(jid, { conversation: text }, { alt, timestamp: NOW_S - hours * HOUR_S });
    const sitiOld = [old(SITI_LID, SITI_PN, 'halo', 30), old(SITI_LID, SITI_PN, 'tolong', 26)];
    const budiOld = old(BUDI_LID, BUDI_PN, 'lama sekali', 48);
    const budiNew = old(BUDI_LID, BUDI_PN, 'halo', 1);
    socket.deliver([...sitiOld, budiOld, budiNew], 'append');
    await t.wa.idle();
    const siti = socket.take(SITI_LID);
    expect(siti).toEqual([expect.stringContaining('Maaf, pesan Anda baru terbaca')]);
    const budi = socket.take(BUDI_LID);
    expect(budi.join('\n')).toContain('Apa yang ingin Anda lakukan?');
    expect(budi.join('\n')).not.toContain('baru terbaca');
    expect(await t.h.db.db.$count(inboundMessages)).toBe(4);
    // Delivered again: no second notice.
    socket.deliver(sitiOld, 'append');
    await t.wa.idle();
    expect(socket.take(SITI_LID)).toEqual([]);
  });

  it('answers a queued message WhatsApp gave no time for', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    const message = incoming(SITI_LID, { conversation: 'halo' }, { alt: SITI_PN });
    delete message.messageTimestamp;
    socket.deliver([message], 'append');
    await t.wa.idle();
    expect(socket.take(SITI_LID).join('\n')).toContain('Apa yang ingin Anda lakukan?');
  });
});
