import { afterEach, describe, expect, it } from 'vitest';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

const BUDI_LID = '209876543210987@lid';
const BUDI_PN = '6285700000002@s.whatsapp.net';

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('WhatsApp albums', () => {
  it('ignores the announcement of an album and answers its photos', async () => {
    t = await createWhatsappTest();
    await t.say(BUDI_LID, 'halo', { alt: BUDI_PN });
    const announcement = await t.say(
      BUDI_LID,
      { albumMessage: { expectedImageCount: 2 } },
      { alt: BUDI_PN },
    );
    expect(announcement).toEqual([]);
    const photo = await t.say(
      BUDI_LID,
      { imageMessage: { mimetype: 'image/png', fileLength: 300 } },
      { alt: BUDI_PN },
    );
    expect(photo.join('\n')).toContain('saat ini kami belum perlu foto');
    expect(photo.join('\n')).not.toContain('Jenis pesan ini belum bisa kami baca');
  });
});
