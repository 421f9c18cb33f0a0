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
  registerStaff,
  reportOf,
  scriptedTickets,
  sendPhoto,
  sendPin,
} from './report-support.js';

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('EDT23', 'AAAAA', 'AAAAA', 'RSTRT'), {
    exclusive: true,
  });
  await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerStaff(h, 'kader-bojong', 'kader_digital', {
    name: 'Kader Bojong',
    villageCode: BOJONGSOANG,
  });
});
afterAll(() => h.close());

describe('the report summary (transcript)', () => {
  it('changes every part from the summary before sending', async () => {
    await registerContact(h, 'siti', { name: 'Siti' });
    await addPhoto(h, 'foto-lama');
    await addPhoto(h, 'foto-baru');
    await playTranscript(
      h,
      'siti',
      '> /lapor\n> 1\n> 1\n> Lampu jalan mati di gang tiga sejak Senin',
    );
    await sendPhoto(h, 'siti', 'foto-lama');
    await h.say('siti', 'selesai');
    await sendPin(h, 'siti', -6.9, 107.1);
    await playTranscript(
      h,
      'siti',
      `
      > ya
      > 1
      < Periksa laporan Anda:
      < • Foto: 1
      < 1. Kirim laporan
      < 2. Ubah jenis & kategori
      < 3. Ubah uraian
      < 4. Ubah foto
      < 5. Ubah lokasi
      < 6. Ubah desa
      < 7. Ubah cara kirim
      < 8. Batalkan laporan
      > 3
      < Ceritakan masalahnya
      > Lampu jalan mati di gang tiga dan gang empat sejak Senin
      < Periksa laporan Anda:
      < • Uraian: Lampu jalan mati di gang tiga dan gang empat sejak Senin
      > 2
      < Jenis laporan apa?
      > 2
      < Tentang apa?
      > 8
      < Periksa laporan Anda:
      < • Jenis: Aspirasi
      < • Kategori: Internet, sinyal & listrik
      > ubah lokasi
      < Di mana tempatnya?
      > pertigaan gang tiga
      < Periksa laporan Anda:
      < • Lokasi: patokan: pertigaan gang tiga
      <! osm.org
      > 6
      < Di desa/kelurahan mana masalahnya?
      > desa bojongsoang
      < Pilih desanya:
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      > 1
      < Periksa laporan Anda:
      < • Desa: Bojongsoang, Kec. Bojongsoang, Kab. Bandung
      > 7
      < Bagaimana laporan ini dikirim?
      > 4
      < • Cara kirim: anonim dan rahasia
      > 4
      < Kirim foto masalahnya
      `,
    );
    await sendPhoto(h, 'siti', 'foto-baru');
    await playTranscript(
      h,
      'siti',
      `
      > selesai
      < • Foto: 1
      > 1
      < Nomor tiket Anda: *LP-EDT23*
      `,
    );
    const { report, photos } = await reportOf(h, 'LP-EDT23');
    expect(report).toMatchObject({
      type: 'aspirasi',
      category: 'internet_listrik',
      pillar: 'mobilitas',
      description: 'Lampu jalan mati di gang tiga dan gang empat sejak Senin',
      villageCode: BOJONGSOANG,
      latitude: null,
      landmark: 'pertigaan gang tiga',
      anonymous: true,
      confidential: true,
    });
    expect(photos).toEqual(['foto-baru']);
    // The staff of the report's village hear of it, not those of the reporter's.
    await h.runtime.outbox.sweep();
    expect(h.channel.take('kader-bojong')).toEqual([expect.stringContaining('*LP-EDT23*')]);
    expect(h.channel.take('pak-kades')).toEqual([]);
  });

  it('draws another ticket when the first is taken', async () => {
    await registerContact(h, 'budi', { name: 'Budi' });
    const first = await fileQuickly(h, 'budi', {
      category: 5,
      description: 'Guru honorer jarang datang',
    });
    expect(first.join()).toContain('*LP-AAAAA*');
    const second = await fileQuickly(h, 'budi', {
      category: 7,
      description: 'Surat pengantar lama sekali',
    });
    expect(second.join()).toContain('*LP-RSTRT*');
    expect((await allReports(h)).map((r) => r.ticket)).toEqual(
      expect.arrayContaining(['LP-AAAAA', 'LP-RSTRT']),
    );
  });

  it('keeps the photos sent before a restart', async () => {
    await registerContact(h, 'cici', { name: 'Cici' });
    await addPhoto(h, 'foto-a');
    await addPhoto(h, 'foto-b');
    await playTranscript(h, 'cici', '> /lapor\n> 1\n> 2\n> Sampah menumpuk di pinggir sungai');
    expect((await sendPhoto(h, 'cici', 'foto-a'))[0]).toContain('Foto 1 dari 3 diterima');
    await h.restart({ crashed: true });
    expect((await sendPhoto(h, 'cici', 'foto-b'))[0]).toContain('Foto 2 dari 3 diterima');
    await playTranscript(
      h,
      'cici',
      '> selesai\n> lewati\n> 1\n< • Foto: 2\n> 1\n< Nomor tiket Anda',
    );
    const [last] = (await allReports(h)).slice(-1);
    expect((await reportOf(h, last?.ticket ?? '')).photos).toEqual(['foto-a', 'foto-b']);
  });
});
