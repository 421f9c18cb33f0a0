/**
 * Training sessions and attendance as CSV (`npm run export:pelatihan`,
 * `npm run export:kehadiran <session>`). The sessions' columns are the import's too, so an
 * export edited in a spreadsheet can be imported again (as new sessions).
 */
import type { Db } from '../db/client.js';
import { allSessions, getSession, type TrainingSession } from '../db/queries/training.js';
import { attendanceOf } from '../db/queries/training-rsvps.js';
import { wallTimeOf, zoneOfIana } from '../domain/training/time.js';
import type { VillageDirectory } from '../domain/villages.js';
import { toCsv } from './csv.js';

/** The columns of the sessions file, for export and import. */
export const TRAINING_COLUMNS = [
  'judul',
  'topik',
  'pilar',
  'peserta',
  'wilayah',
  'mulai',
  'selesai',
  'zona',
  'tempat',
  'tautan',
  'kapasitas',
  'pelatih',
  'materi',
  'status',
] as const;

/** The columns of the attendance file. */
export const ATTENDANCE_COLUMNS = [
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
] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-12-01 09:00", the wall time in the session's zone (what the import reads). */
export function localTime(instant: Date, timeZone: string): string {
  const w = wallTimeOf(instant, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}`;
}

function sessionRow(session: TrainingSession) {
  return [
    session.title,
    session.topic,
    session.pillar,
    session.audience.join(';'),
    session.regions.join(';'),
    localTime(session.startsAt, session.timeZone),
    localTime(session.endsAt, session.timeZone),
    zoneOfIana(session.timeZone),
    session.venue,
    session.onlineUrl,
    session.capacity,
    session.trainerContactId,
    session.materialsUrl,
    session.status,
  ];
}

/** Every session, oldest start first. */
export async function exportSessions(db: Db): Promise<{ csv: string; count: number }> {
  const sessions = await allSessions(db);
  return { csv: toCsv(TRAINING_COLUMNS, sessions.map(sessionRow)), count: sessions.length };
}

/**
 * The attendance of one session: each answer with the person (empty after their
 * /hapusdata), role, village code and name, RSVP, check-in time and feedback.
 */
export async function exportAttendance(
  db: Db,
  params: { sessionId: string; directory: VillageDirectory },
): Promise<{ csv: string; count: number } | undefined> {
  const session = await getSession(db, { id: params.sessionId });
  if (!session) return undefined;
  const rows = await attendanceOf(db, { sessionId: session.id });
  return {
    count: rows.length,
    csv: toCsv(
      ATTENDANCE_COLUMNS,
      rows.map((row) => [
        session.title,
        row.name,
        row.role,
        row.villageCode,
        row.villageCode ? params.directory.get(row.villageCode)?.name : null,
        row.status,
        row.attendance,
        row.checkedInAt ? localTime(row.checkedInAt, session.timeZone) : null,
        row.rating,
        row.comment,
      ]),
    ),
  };
}
