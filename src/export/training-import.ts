/**
 * Training sessions from a CSV file (`npm run import:pelatihan <file.csv>`): every row is
 * checked first, and one bad row imports nothing; each problem names its row (as a
 * spreadsheet numbers it, the header being row 1) and its column. The columns are those of
 * the export (training.ts).
 */
import type { Db } from '../db/client.js';
import { getContact } from '../db/queries/contacts.js';
import {
  insertSession,
  type NewTrainingSession,
  SESSION_STATUSES,
} from '../db/queries/training.js';
import { PILLAR_IDS } from '../domain/questionnaire/types.js';
import { IANA_ZONES, type IndonesianZone, zoneOfVillage } from '../domain/time-zones.js';
import { AUDIENCE_ROLES, REGION_CODE } from '../domain/training/access.js';
import { instantOf, parseWallTime } from '../domain/training/time.js';
import type { VillageDirectory } from '../domain/villages.js';
import type { TrainingTimers } from '../runtime/jobs/training.js';
import { parseCsv } from './csv-parse.js';
import { TRAINING_COLUMNS } from './training.js';

/** Separator of several roles or region codes in one field. */
export const LIST_SEPARATOR = ';';
const LINK = /^https?:\/\/\S+\.\S+$/i;
const ZONES = Object.keys(IANA_ZONES) as IndonesianZone[];

/** What reading the file gave: sessions to write, or every problem found. */
export type ReadSessions =
  | { type: 'ok'; sessions: Omit<NewTrainingSession, 'id' | 'createdAt' | 'updatedAt'>[] }
  | { type: 'bad'; problems: string[] };

type Column = (typeof TRAINING_COLUMNS)[number];

/** Reads and checks the rows; contacts named as trainers must exist. */
export async function readSessionsCsv(
  db: Db,
  text: string,
  directory: VillageDirectory,
): Promise<ReadSessions> {
  const [header, ...rows] = parseCsv(text);
  const missing = TRAINING_COLUMNS.filter((column) => !header?.includes(column));
  if (!header || missing.length > 0) {
    return { type: 'bad', problems: [`baris 1: kolom tidak ada: ${missing.join(', ')}`] };
  }
  const problems: string[] = [];
  const sessions: Extract<ReadSessions, { type: 'ok' }>['sessions'] = [];
  for (const [index, cells] of rows.entries()) {
    const line = index + 2;
    const get = (column: Column) => (cells[header.indexOf(column)] ?? '').trim();
    const bad = (column: Column, why: string) =>
      problems.push(`baris ${line}, kolom ${column}: ${why}`);
    const before = problems.length;
    const session = await readRow(db, get, bad, directory);
    if (session && problems.length === before) sessions.push(session);
  }
  if (rows.length === 0) problems.push('baris 2: tidak ada sesi');
  return problems.length > 0 ? { type: 'bad', problems } : { type: 'ok', sessions };
}

type Get = (column: Column) => string;
type Bad = (column: Column, why: string) => void;

function list(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

async function readRow(db: Db, get: Get, bad: Bad, directory: VillageDirectory) {
  const title = get('judul');
  if (title.length < 5 || title.length > 120) bad('judul', 'harus 5 sampai 120 huruf');
  const topic = get('topik');
  if (topic.length < 3) bad('topik', 'harus diisi (paling sedikit 3 huruf)');
  const pillar = get('pilar');
  if (pillar && !PILLAR_IDS.some((id) => id === pillar)) {
    bad('pilar', `bukan salah satu dari ${PILLAR_IDS.join(', ')}`);
  }
  const audience = list(get('peserta'));
  if (audience.length === 0 || !audience.every((role) => AUDIENCE_ROLES.some((r) => r === role))) {
    bad('peserta', `peran dipisah ";", dari ${AUDIENCE_ROLES.join(', ')}`);
  }
  const regions = list(get('wilayah'));
  const unknown = regions.find((code) => !REGION_CODE.test(code) || !exists(code, directory));
  if (regions.length === 0 || unknown) {
    bad('wilayah', unknown ? `kode ${unknown} tidak dikenal` : 'kode wilayah dipisah ";"');
  }
  const zoneName = get('zona') || zoneOfVillage(regions[0]);
  const zone = ZONES.find((z) => z === zoneName);
  if (!zone) bad('zona', 'WIB, WITA atau WIT');
  const timeZone = IANA_ZONES[zone ?? 'WIB'];
  const start = parseWallTime(get('mulai'));
  const end = parseWallTime(get('selesai'));
  if (!start) bad('mulai', 'tanggal dan jam, misalnya 2026-12-01 09:00');
  if (!end) bad('selesai', 'tanggal dan jam, misalnya 2026-12-01 12:00');
  const startsAt = start ? instantOf(start, timeZone) : undefined;
  const endsAt = end ? instantOf(end, timeZone) : undefined;
  if (startsAt && endsAt && endsAt <= startsAt) bad('selesai', 'harus sesudah mulai');
  const venue = get('tempat');
  const url = get('tautan');
  if (!venue && !url) bad('tempat', 'isi tempat, atau tautan untuk sesi daring');
  if (url && !LINK.test(url)) bad('tautan', 'harus diawali https:// atau http://');
  const capacityText = get('kapasitas');
  const capacity = capacityText ? Number(capacityText) : null;
  if (capacity !== null && (!Number.isInteger(capacity) || capacity < 1)) {
    bad('kapasitas', 'angka bulat 1 atau lebih, atau kosong (tanpa batas)');
  }
  const trainer = get('pelatih');
  if (trainer && !(await getContact(db, { contactId: trainer }))) {
    bad('pelatih', `kontak ${trainer} tidak ada`);
  }
  const materials = get('materi');
  if (materials && !LINK.test(materials)) bad('materi', 'harus diawali https:// atau http://');
  const status = get('status') || 'terjadwal';
  if (!SESSION_STATUSES.some((s) => s === status)) bad('status', SESSION_STATUSES.join(', '));
  if (!startsAt || !endsAt) return undefined;
  return {
    title,
    topic,
    pillar: pillar || null,
    audience,
    regions,
    startsAt,
    endsAt,
    timeZone,
    venue: url ? null : venue,
    onlineUrl: url || null,
    capacity,
    trainerContactId: trainer || null,
    materialsUrl: materials || null,
    status,
    createdBy: null,
  };
}

function exists(code: string, directory: VillageDirectory): boolean {
  const [from, to] = directory.range(code);
  return from < to;
}

/** Writes the sessions read, and plans their reminders, in one transaction. */
export async function importSessions(
  db: Db,
  params: {
    sessions: Extract<ReadSessions, { type: 'ok' }>['sessions'];
    timers: TrainingTimers;
    newId: () => string;
    now: Date;
  },
): Promise<number> {
  const { now } = params;
  await db.transaction(async (tx) => {
    for (const session of params.sessions) {
      const stored = await insertSession(tx, {
        ...session,
        id: params.newId(),
        createdAt: now,
        updatedAt: now,
      });
      if (stored.status === 'terjadwal' || stored.status === 'diubah') {
        await params.timers.planned(tx, stored, now);
      }
    }
  });
  return params.sessions.length;
}
