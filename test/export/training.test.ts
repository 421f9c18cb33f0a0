import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, trainingRsvps, trainingSessions } from '../../src/db/schema/index.js';
import type { VillageDirectory } from '../../src/domain/villages.js';
import { parseCsv } from '../../src/export/csv-parse.js';
import { exportAttendance, exportSessions, TRAINING_COLUMNS } from '../../src/export/training.js';
import { importSessions, readSessionsCsv } from '../../src/export/training-import.js';
import { createTrainingSchedule } from '../../src/runtime/jobs/training.js';
import { addPeople } from '../runtime/scheduler-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../support/db.js';
import { testVillages } from '../support/villages.js';

const HEADER = TRAINING_COLUMNS.join(',');
const GOOD = [
  'Bimtek Website Desa,Membuat website desa,tata_kelola,kader_digital;warga,51.03.01,2026-12-01 09:00,2026-12-01 12:00,,Balai Desa Tuban,,30,,https://materi.example.org/web,',
  '"Bimtek Medsos, lanjutan",Media sosial desa,,kader_digital,51.03,2026-12-02 13:00,2026-12-02 15:00,WIB,,https://meet.example.org/x,,,,terjadwal',
];
const NOW = new Date('2026-11-28T00:00:00Z');

describe.each(DRIVERS)('training CSV on %s', (driver) => {
  let db: TestDatabase;
  let directory: VillageDirectory;
  let n = 0;
  const newId = () => `session-${++n}`;

  beforeAll(async () => {
    db = await createTestDb(driver);
    directory = (await testVillages()).directory;
  }, 120_000);
  afterAll(async () => {
    await db.close();
  });

  it('imports nothing when one row is bad, and names each bad row and field', async () => {
    const text = [
      HEADER,
      GOOD[0],
      'Bimtek Keuangan,Keuangan desa,,kader_digital,51.99.99,2026-12-03 09:00,2026-12-03 08:00,,Balai,,dua,,,',
      GOOD[1],
    ].join('\r\n');
    const read = await readSessionsCsv(db.db, text, directory);
    expect(read).toEqual({
      type: 'bad',
      problems: [
        'baris 3, kolom wilayah: kode 51.99.99 tidak dikenal',
        'baris 3, kolom selesai: harus sesudah mulai',
        'baris 3, kolom kapasitas: angka bulat 1 atau lebih, atau kosong (tanpa batas)',
      ],
    });
    expect(await db.db.select().from(trainingSessions)).toEqual([]);
    const noHeader = await readSessionsCsv(db.db, 'judul,topik\nA,B', directory);
    expect(noHeader.type === 'bad' && noHeader.problems[0]).toContain('baris 1: kolom tidak ada');
  });

  it('imports every good row in one go, with the zone from the area or the column, and plans reminders', async () => {
    const read = await readSessionsCsv(db.db, [HEADER, ...GOOD].join('\n'), directory);
    if (read.type !== 'ok') throw new Error(read.problems.join('\n'));
    const count = await importSessions(db.db, {
      sessions: read.sessions,
      timers: createTrainingSchedule(),
      newId,
      now: NOW,
    });
    expect(count).toBe(2);
    const rows = await db.db.select().from(trainingSessions).orderBy(trainingSessions.startsAt);
    expect(rows.map((r) => [r.title, r.timeZone, r.startsAt.toISOString(), r.capacity])).toEqual([
      ['Bimtek Website Desa', 'Asia/Makassar', '2026-12-01T01:00:00.000Z', 30],
      ['Bimtek Medsos, lanjutan', 'Asia/Jakarta', '2026-12-02T06:00:00.000Z', null],
    ]);
    expect(rows[1]?.onlineUrl).toBe('https://meet.example.org/x');
    const reminders = await db.db.select().from(jobs).where(eq(jobs.kind, 'training.reminder'));
    expect(reminders).toHaveLength(4);
  });

  it('exports the sessions with the import’s columns, and the attendance of one', async () => {
    const { csv, count } = await exportSessions(db.db);
    expect(count).toBe(2);
    const [header, first, second] = parseCsv(csv);
    expect(header).toEqual([...TRAINING_COLUMNS]);
    expect(first).toEqual(
      parseCsv(GOOD[0]?.replace(',,Balai', ',WITA,Balai') ?? '')[0]?.map((cell, i) =>
        i === 13 ? 'terjadwal' : cell,
      ),
    );
    expect(second?.[0]).toBe('Bimtek Medsos, lanjutan');
    const [session] = await db.db
      .select()
      .from(trainingSessions)
      .where(eq(trainingSessions.title, 'Bimtek Website Desa'));
    await addPeople(
      db.db,
      [{ externalId: 'ayu', name: 'Ayu', role: 'kader_digital', villageCode: '51.03.01.1001' }],
      NOW,
    );
    await db.db.insert(trainingRsvps).values({
      id: 'rsvp-ayu',
      sessionId: session?.id ?? '',
      contactId: 'contact-ayu',
      status: 'ikut',
      attendance: 'hadir',
      checkedInAt: new Date('2026-12-01T01:05:00Z'),
      createdAt: NOW,
      updatedAt: NOW,
    });
    const attendance = await exportAttendance(db.db, { sessionId: session?.id ?? '', directory });
    expect(parseCsv(attendance?.csv ?? '')).toEqual([
      [
        'sesi',
        'nama',
        'peran',
        'kode_desa',
        'desa',
        'rsvp',
        'kehadiran',
        'hadir_pada',
        'nilai',
        'komentar',
      ],
      [
        'Bimtek Website Desa',
        'Ayu',
        'kader_digital',
        '51.03.01.1001',
        'Tuban',
        'ikut',
        'hadir',
        '2026-12-01 09:05',
        '',
        '',
      ],
    ]);
    expect(await exportAttendance(db.db, { sessionId: 'nope', directory })).toBeUndefined();
  });
});
