import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { contacts, media, reports } from '../../../src/db/schema/index.js';
import { type CloudTest, createCloudTest } from './setup.js';

const SITI = '6281234567890';

let t: CloudTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Presses the button or list row titled `title` of the last interactive message to `to`. */
async function press(test: CloudTest, to: string, title: string): Promise<string[]> {
  const last = test.graph.sent.filter((s) => s.to === to && s.body.type === 'interactive').at(-1);
  const interactive = last?.body.interactive as
    | {
        type: string;
        action: {
          buttons?: { reply: { id: string; title: string } }[];
          sections?: { rows: { id: string; title: string }[] }[];
        };
      }
    | undefined;
  const choices =
    interactive?.action.buttons?.map((b) => b.reply) ??
    interactive?.action.sections?.flatMap((s) => s.rows) ??
    [];
  const chosen = choices.find((c) => c.title === title);
  if (!chosen || !interactive) throw new Error(`no button or row "${title}" in the last message`);
  const type = interactive.type === 'button' ? 'button_reply' : 'list_reply';
  await test.send(to, { type: 'interactive', interactive: { type, [type]: chosen } });
  return test.graph.take(to);
}

describe('WhatsApp Cloud API conversation', () => {
  it('onboards a person with buttons and lists, then files a report with a photo and a pin', async () => {
    t = await createCloudTest({ onboarding: true });
    const welcome = (await t.say(SITI, 'halo')).join('\n');
    expect(welcome).toContain('Selamat datang');
    expect(welcome).toContain('1. Bahasa Indonesia');
    expect(welcome).toContain('[buttons: Bahasa Indonesia | English]');
    expect((await press(t, SITI, 'Bahasa Indonesia')).join('\n')).toContain('18 tahun');
    expect((await press(t, SITI, 'Ya')).join('\n')).toContain('Privasi Anda');
    expect((await press(t, SITI, 'Setuju')).join('\n')).toContain('Siapa nama Anda?');
    const role = (await t.say(SITI, 'Siti Aminah')).join('\n');
    expect(role).toContain('Apa peran Anda di desa?');
    expect(role).toMatch(/\[(buttons|list): Warga/);
    expect((await press(t, SITI, 'Warga')).join('\n')).toContain('Di desa/kelurahan mana');
    const villages = (await t.say(SITI, 'desa bojongsoang')).join('\n');
    expect(villages).toContain('1. Bojongsoang — Kec. Bojongsoang');
    // A village's label is longer than a list row allows: numbered text alone.
    expect(villages).not.toMatch(/\[(buttons|list):/);
    expect((await t.say(SITI, '1')).join('\n')).toContain('Periksa profil Anda');
    expect((await press(t, SITI, 'Benar, simpan')).join('\n')).toContain('Pendaftaran selesai');

    expect((await t.say(SITI, '/lapor')).join('\n')).toContain('Jenis laporan apa?');
    expect((await t.say(SITI, '1')).join('\n')).toContain('Tentang apa?');
    expect((await t.say(SITI, '1')).join('\n')).toContain('Ceritakan masalahnya');
    expect((await t.say(SITI, 'Jalan desa berlubang besar di dekat masjid.')).join('\n')).toContain(
      'Kirim foto masalahnya',
    );
    const photo = await sharp({
      create: { width: 12, height: 8, channels: 3, background: '#357' },
    })
      .jpeg()
      .withExif({ IFD0: { Copyright: 'Siti', Artist: 'Siti Aminah' } })
      .toBuffer();
    t.graph.media.set('media-777', { bytes: photo, mimeType: 'image/jpeg' });
    await t.send(SITI, { type: 'image', image: { id: 'media-777', mime_type: 'image/jpeg' } });
    expect(t.graph.take(SITI).join('\n')).toContain('Foto 1 dari 3 diterima');
    expect((await t.say(SITI, 'selesai')).join('\n')).toContain('Di mana tempatnya?');
    await t.send(SITI, { type: 'location', location: { latitude: -6.9123, longitude: 107.1234 } });
    expect(t.graph.take(SITI).join('\n')).toContain('tepat di titik yang Anda bagikan');
    expect((await t.say(SITI, 'ya')).join('\n')).toContain('Bagaimana laporan ini dikirim?');
    const summary = (await t.say(SITI, '1')).join('\n');
    expect(summary).toContain('• Foto: 1');
    expect((await t.say(SITI, '1')).join('\n')).toContain('Laporan terkirim');

    const [person] = await t.h.db.db.select().from(contacts);
    expect(person).toMatchObject({ displayName: 'Siti Aminah', villageCode: '32.04.08.2002' });
    const [report] = await t.h.db.db.select().from(reports);
    expect(report?.contactId).toBe(person?.id);
    const [picture] = await t.h.db.db.select().from(media);
    expect(picture).toMatchObject({ originChannel: 'whatsapp-cloud', mimeType: 'image/jpeg' });
    // Stored without the EXIF data the phone put in (here a name).
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const stored = await t.readMedia(picture?.id ?? '');
    expect(stored).toBeDefined();
    expect((await sharp(stored).metadata()).exif).toBeUndefined();
  });

  it('names what it cannot read, and asks again', async () => {
    t = await createCloudTest();
    await t.say(SITI, 'halo');
    await t.send(SITI, { type: 'sticker', sticker: { id: 's1' } });
    expect(t.graph.take(SITI).join('\n')).toContain('Stiker belum bisa kami baca');
    await t.send(SITI, { type: 'audio', audio: { id: 'a1', voice: true } });
    expect(t.graph.take(SITI).join('\n')).toContain('Pesan suara belum bisa kami dengar');
    await t.send(SITI, { type: 'reaction', reaction: { message_id: 'x', emoji: '👍' } });
    expect(t.graph.take(SITI)).toEqual([]);
  });
});
