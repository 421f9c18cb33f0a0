import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  addPhoto,
  allReports,
  BOJONGSOANG,
  createReportHarness,
  fileQuickly,
  newsFor,
  registerStaff,
  reportOf,
  SUKAMANAH,
  scriptedTickets,
  sendPhoto,
  sendPin,
  staffMove,
  statusesOf,
} from './report-support.js';

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('STAAA', 'STBBB', 'STCCC', 'STDDD'));
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerStaff(h, 'kader-desa', 'kader_digital', { name: 'Kader Desa' });
  await registerStaff(h, 'kader-lain', 'kader_digital', {
    name: 'Kader Lain',
    villageCode: BOJONGSOANG,
  });
  await registerStaff(h, 'duta', 'duta_digital', { name: 'Duta', villageCode: SUKAMANAH });
  await registerStaff(h, 'pendamping', 'pendamping_desa', {
    name: 'Pendamping',
    villageCode: SUKAMANAH,
  });
  await registerStaff(h, 'admin', 'admin', { name: 'Admin Pusat', villageCode: BOJONGSOANG });
  await registerContact(h, 'siti', { name: 'Siti Aminah' });
  await registerContact(h, 'budi', { name: 'Budi' });
  await fileQuickly(h, 'siti', { category: 1, description: 'Jalan berlubang di depan masjid' });
  await newsFor(h, 'pak-kades');
});
afterAll(() => h.close());

describe('staff handle reports by chat (transcript)', () => {
  it('lists, opens and moves a report to SELESAI; the villager confirms and it is DITUTUP', async () => {
    await playTranscript(
      h,
      'pak-kades',
      `
      > menu
      > laporan masuk (petugas)
      < Laporan terbuka di wilayah Anda, yang terlama dulu. Pilih untuk membuka:
      <! (1–1 dari 1)
      < 1. LP-STAAA · Jalan, jembatan & fasilitas umum · Diterima · 02/03/2026 · Sukamaju
      > 1
      < *LP-STAAA* · Pengaduan
      < • Desa: Sukamaju, Kec. Cibeber, Kab. Cianjur
      < • Status: *Diterima*
      < • Pelapor: Siti Aminah
      < • Uraian: Jalan berlubang di depan masjid
      < • Lokasi: tidak diisi
      < Riwayat:
      < – 02/03/2026: Diterima
      < Apa tindak lanjut untuk *LP-STAAA*?
      < 1. Tandai diverifikasi
      < 2. Tolak laporan
      < 3. Tanya pelapor (perlu informasi)
      < 4. Kembali ke daftar
      < 5. Tutup
      > 1
      < Tulis catatan untuk status *Diverifikasi*. Catatan ini dikirim ke pelapor.
      > Sudah dicek ke lokasi
      < ✅ *LP-STAAA* sekarang *Diverifikasi*. Perubahan dicatat dan dikabarkan ke pelapor.
      < Laporan terbuka di wilayah Anda
      > 2
      < Baik. Ketik /kelola kapan saja
      `,
    );
    expect(await newsFor(h, 'siti')).toEqual([
      '📣 Laporan *LP-STAAA*: status sekarang *Diverifikasi*.\n\nCatatan petugas: “Sudah dicek ke lokasi”',
    ]);
    await staffMove(h, 'pak-kades', 'LP-STAAA', {
      label: 'teruskan ke instansi/petugas',
      note: 'Diteruskan ke Dinas PU',
    });
    await staffMove(h, 'pak-kades', 'LP-STAAA', {
      label: 'mulai diproses',
      note: 'Tim sudah turun',
    });
    expect(await newsFor(h, 'siti')).toEqual([
      expect.stringContaining('status sekarang *Diteruskan*'),
      expect.stringContaining('status sekarang *Diproses*'),
    ]);
    await playTranscript(
      h,
      'pak-kades',
      `
      > /kelola lp-staaa
      < 1. Tandai selesai
      < 2. Tanya pelapor (perlu informasi)
      < Tutup
      > selesai
      < Tulis apa yang sudah dikerjakan.
      > Lubang sudah ditambal
      < ✅ *LP-STAAA* sekarang *Selesai*.
      `,
    );
    const [asked] = await newsFor(h, 'siti');
    expect(asked).toContain('📣 Laporan *LP-STAAA*: status sekarang *Selesai*.');
    expect(asked).toContain('Petugas menulis: “Lubang sudah ditambal”');
    expect(asked).toContain('Apakah masalahnya sudah beres?');
    await playTranscript(
      h,
      'siti',
      `
      > ya, sudah beres
      < Terima kasih! Laporan *LP-STAAA* ditutup.
      `,
    );
    expect(await newsFor(h, 'pak-kades')).toEqual([
      expect.stringContaining(
        '✅ Pelapor *LP-STAAA* di desa Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat menyatakan masalahnya sudah beres.',
      ),
    ]);
    expect(await statusesOf(h, 'LP-STAAA')).toEqual([
      'DITERIMA',
      'DIVERIFIKASI',
      'DITERUSKAN',
      'DIPROSES',
      'SELESAI',
      'DITUTUP',
    ]);
    const { history } = await reportOf(h, 'LP-STAAA');
    expect(history.map((row) => [row.actorKind, row.actorId, row.note])).toEqual([
      ['reporter', 'contact-siti', null],
      ['staff', 'contact-pak-kades', 'Sudah dicek ke lokasi'],
      ['staff', 'contact-pak-kades', 'Diteruskan ke Dinas PU'],
      ['staff', 'contact-pak-kades', 'Tim sudah turun'],
      ['staff', 'contact-pak-kades', 'Lubang sudah ditambal'],
      ['reporter', 'contact-siti', null],
    ]);
  });

  it('refuses a move the report no longer allows, with a clear message', async () => {
    await fileQuickly(h, 'budi', {
      category: 7,
      description: 'Pelayanan surat di kantor desa lambat',
    });
    await playTranscript(h, 'pak-kades', '> /kelola LP-STBBB\n< 1. Tandai diverifikasi');
    await staffMove(h, 'kader-desa', 'LP-STBBB', {
      label: 'tolak laporan',
      reason: '4',
      note: 'Isi tidak pantas',
    });
    await playTranscript(
      h,
      'pak-kades',
      `
      > 1
      > Sudah dicek
      < Tidak bisa: *LP-STBBB* sekarang berstatus *Ditolak*, dan dari status itu hanya bisa pindah ke: tidak ada (menunggu pelapor, atau sudah selesai).
      < • Status: *Ditolak* (Spam atau SARA)
      < 1. Kembali ke daftar
      `,
    );
    expect(await statusesOf(h, 'LP-STBBB')).toEqual(['DITERIMA', 'DITOLAK']);
    expect((await reportOf(h, 'LP-STBBB')).report).toMatchObject({
      status: 'DITOLAK',
      rejectReason: 'spam',
    });
    expect(await newsFor(h, 'budi')).toEqual([
      '📣 Laporan *LP-STBBB* ditolak: Spam atau SARA.\n\nCatatan petugas: “Isi tidak pantas”',
    ]);
  });

  it('refuses a villager who is no member of staff', async () => {
    await playTranscript(
      h,
      'budi',
      `
      > /kelola
      < Menu ini untuk petugas
      > /kelola LP-STBBB
      < Menu ini untuk petugas
      <! Pelayanan surat
      `,
    );
  });

  it('keeps staff to their area: another village’s kader is refused, a duta sees the kabupaten, a pendamping only reads', async () => {
    await playTranscript(
      h,
      'kader-lain',
      `
      > /kelola LP-STAAA
      < Laporan *LP-STAAA* bukan di wilayah Anda, jadi tidak bisa Anda buka.
      <! Jalan berlubang
      > /kelola
      < Tidak ada laporan terbuka di wilayah Anda
      `,
    );
    await fileQuickly(h, 'budi', {
      category: 4,
      description: 'Posyandu kekurangan timbangan bayi',
    });
    await playTranscript(
      h,
      'pendamping',
      `
      > /kelola LP-STCCC
      < • Uraian: Posyandu kekurangan timbangan bayi
      < Anda bisa melihat *LP-STCCC*, tetapi tidak bisa mengubah statusnya sekarang.
      < 1. Kembali ke daftar
      < 2. Tutup
      <! Tandai diverifikasi
      `,
    );
    await playTranscript(
      h,
      'duta',
      '> /kelola\n< 1. LP-STCCC · Kesehatan & gizi · Diterima\n> 1\n< 1. Tandai diverifikasi\n> 5',
    );
  });

  it('hides an anonymous reporter from staff, and a confidential report from all but the perangkat and admins', async () => {
    await playTranscript(
      h,
      'siti',
      '> /lapor\n> 1\n> 9\n> Ada dugaan gizi buruk pada balita tetangga\n> lewati\n> lewati\n> 4\n> 1\n< *LP-STDDD*',
    );
    await playTranscript(
      h,
      'kader-desa',
      `
      > /kelola LP-STDDD
      < • Pelapor: anonim
      < • Uraian dan foto dirahasiakan
      <! Siti
      <! gizi buruk
      > 5
      `,
    );
    await playTranscript(
      h,
      'pak-kades',
      `
      > /kelola LP-STDDD
      < • Pelapor: anonim
      < • Uraian: Ada dugaan gizi buruk pada balita tetangga
      <! Siti
      > 5
      `,
    );
    await playTranscript(
      h,
      'admin',
      '> /kelola LP-STDDD\n< • Uraian: Ada dugaan gizi buruk\n<! Siti\n> 5',
    );
  });

  it('sends the photos and the pin with an opened report, the photos only to who may see them', async () => {
    await addPhoto(h, 'foto-gizi');
    await playTranscript(h, 'budi', '> /lapor\n> 1\n> 2\n> Sumur warga RT 4 tercemar limbah');
    await sendPhoto(h, 'budi', 'foto-gizi');
    await h.say('budi', 'selesai');
    await sendPin(h, 'budi', -6.91, 107.12);
    await playTranscript(h, 'budi', '> ya\n> 3\n> 1\n< Nomor tiket Anda');
    const [filed] = (await allReports(h)).slice(-1);
    const ticket = filed?.ticket ?? '';
    const attachmentsSeenBy = async (staff: string) => {
      h.channel.take(staff);
      await h.say(staff, `/kelola ${ticket}`);
      const shown = h.channel.sent.filter((s) => s.externalId === staff && s.message.attachments);
      await h.say(staff, '5');
      return shown.at(-1)?.message.attachments;
    };
    const pin = { type: 'location', latitude: -6.91, longitude: 107.12 };
    expect(await attachmentsSeenBy('pak-kades')).toEqual([
      { type: 'photo', mediaId: 'foto-gizi' },
      pin,
    ]);
    expect(await attachmentsSeenBy('kader-desa')).toEqual([pin]);
  });
});
