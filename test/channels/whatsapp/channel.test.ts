import { proto } from '@whiskeysockets/baileys';
import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { WHATSAPP_TYPING_MIN_MS } from '../../../src/channels/whatsapp/sender.js';
import {
  channelIdentities,
  contacts,
  feedback,
  inboundMessages,
  media,
} from '../../../src/db/schema/index.js';
import type { Harness } from '../../support/harness.js';
import { playTranscript } from '../../support/transcript.js';
import { incoming } from './messages.js';
import {
  ADMIN_PHONE,
  createWhatsappTest,
  TEST_MEDIA_MAX_BYTES,
  TEST_SEND_INTERVAL_MS,
  type WhatsappTest,
} from './setup.js';

const SITI_LID = '201234567890123@lid';
const SITI_PN = '6281234567890@s.whatsapp.net';
const BUDI_LID = '209876543210987@lid';
const BUDI_PN = '6285700000002@s.whatsapp.net';

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Plays a transcript (see test/support/transcript.ts) over WhatsApp as `jid`. */
function chat(test: WhatsappTest, jid: string, alt: string | undefined, script: string) {
  const over = {
    ...test.h,
    say: (_from: string, text: string) => test.say(jid, text, alt ? { alt } : {}),
  } as Harness;
  return playTranscript(over, jid, script);
}

async function identitiesOf(test: WhatsappTest) {
  return test.h.db.db
    .select()
    .from(channelIdentities)
    .where(eq(channelIdentities.channel, 'whatsapp'));
}

describe('WhatsApp channel', () => {
  it('completes onboarding, then a suggestion with a photo: numbers, number words, labels', async () => {
    t = await createWhatsappTest({ onboarding: true });
    await chat(
      t,
      SITI_LID,
      SITI_PN,
      `
      > halo
      < Selamat datang di *Sapa Desa*
      < Pilih bahasa / Choose a language:
      < 1. Bahasa Indonesia
      < 2. English
      > satu
      < Apakah Anda berusia 18 tahun atau lebih?
      > ya
      < *Privasi Anda*
      < 1. Setuju
      < 2. Tidak setuju
      > setuju
      < persetujuan Anda sudah dicatat
      < Siapa nama Anda?
      > Siti Aminah
      < Apa peran Anda di desa?
      < 1. Warga
      > 1
      < Di desa/kelurahan mana Anda tinggal?
      > desa bojongsoang
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      > 1.
      < Periksa profil Anda:
      < • Nama: Siti Aminah
      < 1. Benar, simpan
      > benar simpan
      < Pendaftaran selesai 🎉
      < Halo, Siti Aminah 👋
      < _Balas dengan angka pilihan Anda._
      > kirim saran untuk sapa desa
      < Saran Anda tentang apa?
      < 3. Ide fitur baru
      > ide fitur bru
      < Silakan tulis saran Anda
      > Jadwal bimtek belum ada di menu
      < Seberapa puas Anda
      > empat
      < Ada tangkapan layar
      `,
    );
    const photo = await t.say(
      SITI_LID,
      { imageMessage: { caption: 'tangkapan layar', mimetype: 'image/png', fileLength: 300 } },
      { alt: SITI_PN },
    );
    expect(photo.join('\n')).toContain('Foto 1 dari 3 diterima');
    await chat(
      t,
      SITI_LID,
      SITI_PN,
      `
      > selesai
      < ingin dihubungi
      > 2
      < • Topik: Ide fitur baru
      < • Foto: 1
      < Kirim sekarang?
      > ya
      < Terima kasih! Saran Anda sudah kami terima
      `,
    );
    const [person] = await t.h.db.db.select().from(contacts);
    expect(person).toMatchObject({ displayName: 'Siti Aminah', villageCode: '32.04.08.2002' });
    expect(person?.registeredAt).not.toBeNull();
    const [saved] = await t.h.db.db.select().from(feedback);
    expect(saved).toMatchObject({ topic: 'idea', rating: 4, wantsReply: false });
    const [picture] = await t.h.db.db.select().from(media);
    expect(saved?.mediaIds).toEqual([picture?.id]);
    expect(picture).toMatchObject({ originChannel: 'whatsapp', mimeType: 'image/jpeg' });
  });

  it('shows "typing…" before each message and paces the number with jitter', async () => {
    t = await createWhatsappTest();
    await t.say(SITI_LID, 'halo', { alt: SITI_PN });
    await t.say(SITI_LID, '8', { alt: SITI_PN });
    await t.say(SITI_LID, 'menu', { alt: SITI_PN });
    const calls = t.socket().calls;
    expect(calls).toEqual([
      `presence composing ${SITI_LID}`,
      `message ${SITI_LID}`,
      `presence composing ${SITI_LID}`,
      `message ${SITI_LID}`,
      `presence composing ${SITI_LID}`,
      `message ${SITI_LID}`,
    ]);
    // The test clock stands still, so each later message waits a whole interval + jitter.
    expect(t.sleeps[0]).toBe(WHATSAPP_TYPING_MIN_MS);
    for (const ms of t.sleeps.slice(1)) expect(ms).toBe(TEST_SEND_INTERVAL_MS * 1.25);
  });

  it('answers every supported kind and politely names the unsupported ones', async () => {
    t = await createWhatsappTest();
    const say = (content: proto.IMessage) =>
      t?.say(BUDI_LID, content, { alt: BUDI_PN }).then((r) => r.join('\n---\n'));
    expect(await say({ conversation: 'halo' })).toContain('Apa yang ingin Anda lakukan?');
    const cases: [proto.IMessage, string][] = [
      [{ audioMessage: { ptt: true } }, 'Pesan suara belum bisa kami dengar'],
      [{ audioMessage: {} }, 'Berkas suara belum bisa kami dengar'],
      [{ stickerMessage: {} }, 'Stiker belum bisa kami baca'],
      [{ videoMessage: {} }, 'Video belum bisa kami terima'],
      [{ documentMessage: { mimetype: 'application/pdf' } }, 'Dokumen belum bisa kami terima'],
      [{ contactMessage: { displayName: 'Pak RT' } }, 'Kartu kontak belum bisa kami terima'],
      [
        { locationMessage: { degreesLatitude: -7.25, degreesLongitude: 112.75 } },
        'saat ini kami belum perlu lokasi',
      ],
      [
        { liveLocationMessage: { degreesLatitude: -7.25, degreesLongitude: 112.75 } },
        'saat ini kami belum perlu lokasi',
      ],
      [{ imageMessage: { caption: 'foto' } }, 'saat ini kami belum perlu foto'],
      [
        { imageMessage: { fileLength: TEST_MEDIA_MAX_BYTES + 1 } },
        'Jenis pesan ini belum bisa kami baca',
      ],
    ];
    for (const [content, answer] of cases) {
      const reply = await say(content);
      expect(reply, JSON.stringify(content)).toContain(answer);
      expect(reply, 'then the question again').toContain('Apa yang ingin Anda lakukan?');
    }
    expect(
      await say({ listResponseMessage: { singleSelectReply: { selectedRowId: '6' } } }),
    ).toContain('Saran Anda tentang apa?');
    expect(
      await say({
        ephemeralMessage: {
          message: { buttonsResponseMessage: { selectedButtonId: '2', selectedDisplayText: 'x' } },
        },
      }),
    ).toContain('Silakan tulis saran Anda');
  });

  it('refuses a picture that is too large once downloaded, or no picture at all', async () => {
    t = await createWhatsappTest();
    await t.say(BUDI_LID, '/saran', { alt: BUDI_PN });
    await t.say(BUDI_LID, '1', { alt: BUDI_PN });
    await t.say(BUDI_LID, 'Tolong tambah jadwal bimtek', { alt: BUDI_PN });
    expect((await t.say(BUDI_LID, '5', { alt: BUDI_PN })).join('\n')).toContain('tangkapan layar');
    const picture = { imageMessage: { mimetype: 'image/jpeg' } };
    t.image.bytes = new Uint8Array(TEST_MEDIA_MAX_BYTES + 1);
    expect((await t.say(BUDI_LID, picture, { alt: BUDI_PN })).join('\n')).toContain(
      'Jenis pesan ini belum bisa kami baca',
    );
    t.image.bytes = new TextEncoder().encode('not a picture at all');
    expect((await t.say(BUDI_LID, picture, { alt: BUDI_PN })).join('\n')).toContain(
      'Jenis pesan ini belum bisa kami baca',
    );
    expect(await t.h.db.db.$count(media)).toBe(0);
  });

  it('sends nothing for what is not a person writing to the bot', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    const quiet = [
      t.say('status@broadcast', 'status', { participant: BUDI_PN }),
      t.say('120363041234567890@g.us', 'halo grup', { participant: BUDI_LID }),
      t.say('120363041234567890@newsletter', 'berita'),
      t.say(BUDI_LID, 'pesan saya sendiri', { fromMe: true }),
      t.say(BUDI_LID, {
        protocolMessage: { type: proto.Message.ProtocolMessage.Type.REVOKE, key: { id: 'X' } },
      }),
      t.say(BUDI_LID, { reactionMessage: { text: '👍', key: { id: 'X' } } }),
      t.say(BUDI_LID, {}, { stub: proto.WebMessageInfo.StubType.CIPHERTEXT }),
    ];
    await Promise.all(quiet);
    socket.deliver([], 'notify');
    socket.deliver(
      incoming(BUDI_LID, { conversation: 'dari HP lain' }, { fromMe: true }),
      'append',
    );
    await t.wa.idle();
    expect(socket.sent).toEqual([]);
    expect(await t.h.db.db.$count(inboundMessages)).toBe(0);
    expect(await t.h.db.db.$count(contacts)).toBe(0);
  });

  it('answers a message delivered twice only once', async () => {
    t = await createWhatsappTest();
    const first = await t.say(SITI_LID, 'halo', { alt: SITI_PN, id: '3EB0SAME' });
    const second = await t.say(SITI_LID, 'halo', { alt: SITI_PN, id: '3EB0SAME' });
    expect(first).toHaveLength(1);
    expect(second).toEqual([]);
  });

  it('keys a LID sender by the LID and keeps the phone number WhatsApp gives', async () => {
    t = await createWhatsappTest();
    await t.say(SITI_LID, 'halo', { alt: SITI_PN });
    await t.say(BUDI_LID, 'halo');
    const rows = await identitiesOf(t);
    expect(rows.map((r) => [r.externalId, r.phone]).sort()).toEqual(
      [
        [SITI_LID, '6281234567890'],
        [BUDI_LID, null],
      ].sort(),
    );
    // Later WhatsApp tells Budi's number: it is added to the same identity.
    const reply = await t.say(BUDI_LID, '7', { alt: BUDI_PN });
    expect(reply.join('\n')).toContain('Pilih bahasa');
    const budi = (await identitiesOf(t)).filter((r) => r.externalId === BUDI_LID);
    expect(budi).toEqual([expect.objectContaining({ phone: '6285700000002' })]);
  });

  it('finds the number of a LID-only sender in what Baileys learnt', async () => {
    t = await createWhatsappTest();
    t.socket().lidToPn.set(BUDI_LID, '6285700000002:0@s.whatsapp.net');
    await t.say(BUDI_LID, 'halo');
    const [row] = await identitiesOf(t);
    expect(row).toMatchObject({ externalId: BUDI_LID, phone: '6285700000002' });
  });

  it('keeps one contact for a person seen by phone number, then by LID', async () => {
    t = await createWhatsappTest();
    const first = await t.say(SITI_PN, 'halo');
    expect(first.join('\n')).toContain('Selamat datang');
    await t.say(SITI_PN, '6');
    // WhatsApp now addresses her by LID, with her number as the alternative.
    const reply = await t.say(SITI_LID, 'Ide fitur baru', { alt: SITI_PN });
    expect(reply.join('\n')).toContain('Silakan tulis saran Anda');
    const rows = await identitiesOf(t);
    expect(rows).toEqual([
      expect.objectContaining({ externalId: SITI_LID, phone: '6281234567890' }),
    ]);
    expect(await t.h.db.db.$count(contacts)).toBe(1);
  });

  it('makes the configured admin numbers admins, matched on the phone number', async () => {
    t = await createWhatsappTest();
    await t.say('202222222222222@lid', 'halo', { alt: `${ADMIN_PHONE}@s.whatsapp.net` });
    await t.say(BUDI_LID, 'halo', { alt: BUDI_PN });
    const roles = await t.h.db.db
      .select({ role: contacts.role, phone: channelIdentities.phone })
      .from(contacts)
      .innerJoin(channelIdentities, eq(channelIdentities.contactId, contacts.id));
    expect(roles.sort((a, b) => String(a.phone).localeCompare(String(b.phone)))).toEqual([
      { role: 'admin', phone: ADMIN_PHONE },
      { role: 'warga', phone: '6285700000002' },
    ]);
  });

  it('asks the outbox to retry while disconnected', async () => {
    t = await createWhatsappTest();
    t.socket().close(428);
    const result = await t.wa.channel.send(SITI_LID, { texts: ['halo'] });
    expect(result).toMatchObject({ type: 'retry' });
    expect(await t.wa.channel.send('siti', { texts: ['halo'] })).toMatchObject({ type: 'failed' });
  });
});
