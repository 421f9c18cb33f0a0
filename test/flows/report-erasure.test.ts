/**
 * What an erased reporter leaves behind (issue 11, item 6): the report stays for the
 * village, with nothing in it that points back to them.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inboundMessages } from '../../src/db/schema/index.js';
import { REDACTED } from '../../src/domain/redaction.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import { everyRow, tablesHolding } from './every-row.js';
import {
  createReportHarness,
  registerStaff,
  reportOf,
  SUKAMAJU,
  scriptedTickets,
  sendPin,
  staffMove,
} from './report-support.js';

/** Siti's number in the forms people type it, and as WhatsApp gives it. */
const SITI_PHONES = ['0812-3456-7890', '0812 3456 7890', '081234567890', '6281234567890'];
const RUDI_PHONES = ['0857-1111-2222', '085711112222', '6285711112222'];

/**
 * Every row of every table, without the consent ids test/support/register.ts makes of
 * the chat ids (`consent-siti`): the app's own ids say nothing about a person.
 */
async function storedRows(database: TestDatabase): Promise<Record<string, string>> {
  const dump = await everyRow(database);
  return Object.fromEntries(
    Object.entries(dump).map(([table, rows]) => [table, rows.replace(/consent-\w+/g, '')]),
  );
}

describe.each(DRIVERS)('an erased reporter on %s', (driver) => {
  let database: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    database = await createTestDb(driver);
    h = await createReportHarness(scriptedTickets('REAAA', 'REBBB', 'RECCC', 'REDDD'), {
      db: database,
    });
    await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
    await registerContact(h, 'siti', { name: 'Siti Aminah', phone: '+6281234567890' });
    await registerStaff(h, 'rudi', 'kader_digital', {
      name: 'Rudi Hartono',
      phone: '+6285711112222',
    });
  });
  afterAll(async () => {
    await h.close();
    await database.close();
  });

  it('leaves the reports for the village without their name, numbers, replies or pin', async () => {
    // LP-REAAA: her own, with a pin, her name and number in the description.
    await playTranscript(
      h,
      'siti',
      '> /lapor\n> 1\n> 2\n> Selokan mampet di depan rumah Siti Aminah. Hubungi saya di 0812-3456-7890\n> lewati',
    );
    await sendPin(h, 'siti', -6.9123, 107.1234);
    await playTranscript(h, 'siti', '> ya\n> 1\n> 1\n< *LP-REAAA*');
    // LP-REBBB: her own, anonymous, with a landmark naming her.
    await playTranscript(
      h,
      'siti',
      `
      > /lapor
      > 1
      > 8
      > Sinyal HP hilang sejak tiang rusak
      > lewati
      > Gang depan rumah bu Siti, wa +62 812 3456 7890
      > 2
      > 1
      < *LP-REBBB*
      `,
    );
    // LP-RECCC: filed by kader Rudi for her (her number as the resident's contact), pinned.
    await playTranscript(
      h,
      'rudi',
      `
      > /lapor
      > 2
      > Bu Siti
      > ya
      > 0812 3456 7890
      > ya
      > 1
      > 1
      > Jalan setapak rusak, Bu Siti minta diperbaiki
      > lewati
      `,
    );
    await sendPin(h, 'rudi', -6.93, 107.13);
    await playTranscript(h, 'rudi', '> ya\n> 1\n> 1\n< *LP-RECCC*');

    // Staff ask her, she answers with /jawab; staff notes name her.
    await staffMove(h, 'pak-kades', 'LP-REAAA', {
      label: 'tanya pelapor (perlu informasi)',
      note: 'Bu Siti Aminah, nomor 0812-3456-7890 tidak aktif. Nomor rumahnya berapa?',
    });
    await playTranscript(
      h,
      'siti',
      `
      > /jawab LP-REAAA
      > 1
      > Rumah cat hijau nomor 12, telepon saja ke 081234567890
      < jawaban Anda sudah dikirim
      `,
    );
    await staffMove(h, 'pak-kades', 'LP-REAAA', {
      label: 'tandai diverifikasi',
      note: 'Sudah bertemu Siti di lokasi',
    });
    await staffMove(h, 'pak-kades', 'LP-RECCC', {
      label: 'tandai diverifikasi',
      note: 'Sudah telepon Bu Siti, 0812 3456 7890',
    });
    // Staff have the anonymous report open: their chat holds its landmark.
    await playTranscript(h, 'pak-kades', '> /kelola LP-REBBB\n< Gang depan rumah bu Siti');
    const received = await h.db.db
      .select()
      .from(inboundMessages)
      .where(eq(inboundMessages.contactId, 'contact-siti'));
    expect(received.length).toBeGreaterThan(0);

    await playTranscript(
      h,
      'siti',
      `
      > /privasi
      < Setelah dihapus, laporan Anda tetap ada untuk desa tanpa apa pun yang menunjuk ke Anda
      > /hapusdata
      < Laporan Anda tetap ada untuk desa. Semua foto yang Anda kirim dihapus, balasan Anda untuk petugas dikosongkan, nama dan nomor HP Anda dihapus dari isinya, dan titik lokasi laporan tentang Anda dihapus (desanya tetap).
      > 1
      < Data Anda sudah dihapus
      `,
    );

    const dump = await storedRows(database);
    const needles = [
      'siti',
      'aminah',
      ...SITI_PHONES,
      '3456',
      'cat hijau',
      '-6.9123',
      '107.1234',
      '-6.93',
      '107.13',
    ];
    for (const needle of needles) {
      expect(tablesHolding(dump, needle), `still stored: ${needle}`).toEqual([]);
    }
    expect(
      (await h.db.db.select().from(inboundMessages)).filter((row) =>
        received.some((r) => r.messageId === row.messageId),
      ),
    ).toEqual([]);

    const own = await reportOf(h, 'LP-REAAA');
    expect(own.report).toMatchObject({
      contactId: null,
      villageCode: SUKAMAJU,
      latitude: null,
      longitude: null,
      description: `Selokan mampet di depan rumah ${REDACTED}. Hubungi saya di ${REDACTED}`,
      status: 'DIVERIFIKASI',
    });
    expect(own.history.map((row) => [row.actorKind, row.toStatus, row.note])).toEqual([
      ['reporter', 'DITERIMA', null],
      [
        'staff',
        'PERLU_INFO',
        `Bu ${REDACTED}, nomor ${REDACTED} tidak aktif. Nomor rumahnya berapa?`,
      ],
      ['reporter', 'DITERIMA', null],
      ['staff', 'DIVERIFIKASI', `Sudah bertemu ${REDACTED} di lokasi`],
    ]);
    expect((await reportOf(h, 'LP-REBBB')).report).toMatchObject({
      contactId: null,
      landmark: `Gang depan rumah bu ${REDACTED}, wa ${REDACTED}`,
    });
    const assisted = await reportOf(h, 'LP-RECCC');
    expect(assisted.report).toMatchObject({
      contactId: 'contact-rudi',
      residentName: REDACTED,
      residentContact: null,
      latitude: null,
      description: `Jalan setapak rusak, ${REDACTED} minta diperbaiki`,
    });
    expect(assisted.history.at(-1)?.note).toBe(`Sudah telepon ${REDACTED}, ${REDACTED}`);

    // The reports stay for the village's staff, without her.
    await playTranscript(
      h,
      'pak-kades',
      `
      > /kelola LP-REAAA
      < • Pelapor: (tidak ada)
      < • Uraian: Selokan mampet di depan rumah […]. Hubungi saya di […]
      < • Lokasi: tidak diisi
      <! Siti
      > 5
      > /kelola LP-RECCC
      < • Atas nama: […]
      < • Dibantu oleh: Rudi Hartono
      > 5
      `,
    );
  });

  it('keeps the resident’s name, contact and pin on a report the erased kader filed for them', async () => {
    await playTranscript(
      h,
      'rudi',
      `
      > /lapor
      > 2
      > Pak Joko
      > ya
      > 0813-9999-8888
      > ya
      > 1
      > 4
      > Posyandu kekurangan timbangan. Dilaporkan kader Rudi Hartono, 0857-1111-2222
      > lewati
      `,
    );
    await sendPin(h, 'rudi', -6.95, 107.15);
    await playTranscript(h, 'rudi', '> ya\n> 1\n> 1\n< *LP-REDDD*');
    await staffMove(h, 'pak-kades', 'LP-REDDD', {
      label: 'tanya pelapor (perlu informasi)',
      note: 'Pak Rudi, kapan timbangannya rusak?',
    });
    await playTranscript(h, 'rudi', '> /jawab LP-REDDD\n> 1\n> Sejak bulan lalu kata Pak Joko');

    await playTranscript(h, 'rudi', '> /hapusdata\n> 1\n< Data Anda sudah dihapus');

    const dump = await storedRows(database);
    for (const needle of ['rudi', 'hartono', ...RUDI_PHONES, 'bulan lalu']) {
      expect(tablesHolding(dump, needle), `still stored: ${needle}`).toEqual([]);
    }
    const { report, history } = await reportOf(h, 'LP-REDDD');
    expect(report).toMatchObject({
      contactId: null,
      residentName: 'Pak Joko',
      residentContact: '+6281399998888',
      latitude: -6.95,
      longitude: 107.15,
      description: `Posyandu kekurangan timbangan. Dilaporkan kader ${REDACTED}, ${REDACTED}`,
    });
    expect(history.map((row) => row.note)).toEqual([
      null,
      `Pak ${REDACTED}, kapan timbangannya rusak?`,
      null,
    ]);
    // Siti's assisted report loses the link to him too.
    expect((await reportOf(h, 'LP-RECCC')).report.contactId).toBeNull();
  });
});
