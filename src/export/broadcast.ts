/**
 * The "not reached" list of a broadcast as CSV, one row per village of its audience:
 * how many people it was for, how many got it, and why the others did not, with the
 * Kemendagri code and names, so a cadre can visit or call them. Villages with the most
 * people not reached come first.
 */
import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { reachByVillage } from '../db/queries/broadcast-report.js';
import { broadcasts } from '../db/schema/index.js';
import type { VillageDirectory } from '../domain/villages.js';
import { toCsv } from './csv.js';

/** Columns of the file. */
export const BROADCAST_CSV_HEADER = [
  'kode_desa',
  'desa',
  'kecamatan',
  'kabupaten_kota',
  'provinsi',
  'penerima',
  'terkirim',
  'tidak_terjangkau_total',
  'gagal',
  'tidak_terjangkau',
  'berhenti_berlangganan',
  'tanpa_persetujuan',
  'tanpa_alamat',
  'belum_dikirim',
] as const;

/** The CSV of broadcast number `number`; undefined when there is no such broadcast. */
export async function exportBroadcastReach(
  db: Db,
  params: { number: number; directory: VillageDirectory },
): Promise<{ csv: string; villages: number } | undefined> {
  const [broadcast] = await db
    .select({ id: broadcasts.id })
    .from(broadcasts)
    .where(and(eq(broadcasts.number, params.number)));
  if (!broadcast) return undefined;
  const rows = await reachByVillage(db, { bulkId: broadcast.id });
  const lines = rows.map((row) => {
    const village = row.villageCode ? params.directory.get(row.villageCode) : undefined;
    return [
      row.villageCode ?? '',
      village?.name ?? '',
      village?.district.name ?? '',
      village?.regency.name ?? '',
      village?.province.name ?? '',
      row.audience,
      row.sent,
      row.notReached,
      row.failed,
      row.unreachable,
      row.optedOut,
      row.noConsent,
      row.noAddress,
      row.notSentYet,
    ];
  });
  return { csv: toCsv(BROADCAST_CSV_HEADER, lines), villages: rows.length };
}
