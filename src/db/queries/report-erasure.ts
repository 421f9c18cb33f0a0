import { and, eq, inArray, isNotNull, or, sql } from 'drizzle-orm';
import { nationalDigits } from '../../core/phone.js';
import {
  holdsPersonal,
  type PersonalTraces,
  phonesIn,
  REDACTED,
  redactPersonal,
} from '../../domain/redaction.js';
import type { Db } from '../client.js';
import {
  channelIdentities,
  contacts,
  outbox,
  reportHistory,
  reportMedia,
  reportSupports,
  reports,
} from '../schema/index.js';
import { deleteUnusedMedia } from './media.js';

type ReportRow = typeof reports.$inferSelect;

/** What ties the erased person to a report. */
interface Ties {
  /** They filed it (for themselves, or as kader for a resident). */
  filed: boolean;
  /** They are the resident of an assisted report (its contact is one of their numbers). */
  resident: boolean;
}

/**
 * Anonymises the reports of a person who deletes their data (UU PDP Pasal 43-44), in the
 * caller's transaction, before their profile and phone numbers go. A report stays for the
 * village (its category, village, status and history), but nothing in it points back to
 * them:
 *
 * - a report they filed loses the link to them, every photo they sent and their own
 *   replies (the history entry stays, its note emptied); their name and phone numbers are
 *   redacted from the description, landmark and staff notes;
 * - a report about them (filed for themselves, or an assisted report whose resident
 *   contact is one of their numbers) also loses its exact pin (the village stays) and every
 *   phone number typed in it; as resident, their name and contact on it are redacted;
 * - an assisted report they filed as kader keeps the resident's name, contact and pin:
 *   those are the resident's, who agreed to the report, not the kader's.
 *
 * Their name also leaves the actor of other reports' history, and their supports go; the
 * messages a kader got while filing and following a report for them (their name and number
 * in the kader's delivery record) go too.
 * Returns the SHA-256 of the photo files to remove from disk, and the ids of the reports
 * changed (copies of their views elsewhere must go too: see erasure.ts).
 */
export async function anonymiseReportsOf(
  db: Db,
  params: { contactId: string; now: Date },
): Promise<{ mediaFiles: string[]; reportIds: string[] }> {
  const person = await personOf(db, params);
  const filed = await db.select().from(reports).where(eq(reports.contactId, params.contactId));
  const asResident = await residentReportsOf(db, person.phones);
  const touched = new Map<string, { report: ReportRow; ties: Ties }>();
  for (const report of filed)
    touched.set(report.id, { report, ties: { filed: true, resident: false } });
  for (const report of asResident) {
    const filedToo = touched.has(report.id);
    touched.set(report.id, { report, ties: { filed: filedToo, resident: true } });
  }
  for (const { report, ties } of touched.values()) {
    await scrubReport(db, { report, ties, person, ...params });
  }
  await forgetFilersCopies(db, { reports: asResident, person, contactId: params.contactId });
  const mediaFiles = await removePhotos(db, { reportIds: filed.map((r) => r.id) });
  await db
    .update(reportHistory)
    .set({ actorId: null })
    .where(eq(reportHistory.actorId, params.contactId));
  await db.delete(reportSupports).where(eq(reportSupports.contactId, params.contactId));
  return { mediaFiles, reportIds: [...touched.keys()] };
}

/** The person's name and phone numbers, as stored. */
async function personOf(
  db: Db,
  params: { contactId: string },
): Promise<{ name: string | null; phones: string[] }> {
  const [contact] = await db
    .select({ name: contacts.displayName })
    .from(contacts)
    .where(eq(contacts.id, params.contactId));
  const identities = await db
    .select({ phone: channelIdentities.phone })
    .from(channelIdentities)
    .where(
      and(eq(channelIdentities.contactId, params.contactId), isNotNull(channelIdentities.phone)),
    );
  const phones = identities.flatMap((row) => (row.phone ? [row.phone] : []));
  return { name: contact?.name ?? null, phones };
}

/** Assisted reports whose resident contact is one of `phones`. */
async function residentReportsOf(db: Db, phones: string[]): Promise<ReportRow[]> {
  const wanted = [...new Set(phones.map(nationalDigits))].filter((digits) => digits.length >= 7);
  if (wanted.length === 0) return [];
  const digitsOf = sql`regexp_replace(${reports.residentContact}, '[^0-9]', '', 'g')`;
  const candidates = await db
    .select()
    .from(reports)
    .where(or(...wanted.map((digits) => sql`${digitsOf} like ${`%${digits}%`}`)));
  return candidates.filter((report) =>
    phonesIn(report.residentContact ?? '').some((digits) => wanted.includes(digits)),
  );
}

/** Redacts one report and its history as its {@link Ties} to the person say. */
async function scrubReport(
  db: Db,
  params: {
    report: ReportRow;
    ties: Ties;
    person: { name: string | null; phones: string[] };
    contactId: string;
    now: Date;
  },
): Promise<void> {
  const { report, ties, person, now } = params;
  const aboutThem = ties.resident || (ties.filed && report.residentName === null);
  const traces: PersonalTraces = {
    names: [
      ...(person.name ? [person.name] : []),
      ...(ties.resident && report.residentName ? [report.residentName] : []),
    ],
    phones: person.phones,
    anyPhone: aboutThem,
  };
  await db
    .update(reports)
    .set({
      description: redactPersonal(report.description, traces),
      landmark: report.landmark === null ? null : redactPersonal(report.landmark, traces),
      ...(aboutThem ? { latitude: null, longitude: null } : {}),
      ...(ties.resident ? { residentName: REDACTED, residentContact: null } : {}),
      ...(ties.filed ? { contactId: null, anonymisedAt: now } : {}),
      updatedAt: now,
    })
    .where(eq(reports.id, report.id));
  const history = await db
    .select()
    .from(reportHistory)
    .where(and(eq(reportHistory.reportId, report.id), isNotNull(reportHistory.note)));
  for (const row of history) {
    const own = ties.filed && row.actorKind === 'reporter';
    const note = own ? null : redactPersonal(row.note ?? '', traces);
    if (note === row.note) continue;
    await db.update(reportHistory).set({ note }).where(eq(reportHistory.id, row.id));
  }
}

/**
 * Deletes the outbox rows of the kaders who filed `reports` for the person that hold the
 * person's name (as they gave it, or as the kader typed it) or one of their numbers: the
 * questions and summary of the filing, and staff notes about them.
 */
async function forgetFilersCopies(
  db: Db,
  params: {
    reports: ReportRow[];
    person: { name: string | null; phones: string[] };
    contactId: string;
  },
): Promise<void> {
  for (const report of params.reports) {
    if (!report.contactId || report.contactId === params.contactId) continue;
    const traces: PersonalTraces = {
      names: [
        ...(params.person.name ? [params.person.name] : []),
        ...(report.residentName ? [report.residentName] : []),
      ],
      phones: params.person.phones,
      anyPhone: false,
      nameParts: false,
    };
    const rows = await db
      .select({ id: outbox.id, message: outbox.message })
      .from(outbox)
      .where(eq(outbox.contactId, report.contactId));
    const copies = rows.filter((row) => holdsPersonal(JSON.stringify(row.message), traces));
    if (copies.length === 0) continue;
    await db.delete(outbox).where(
      inArray(
        outbox.id,
        copies.map((row) => row.id),
      ),
    );
  }
}

/** Removes the photos of `reportIds`; returns the SHA-256 of files no longer used. */
async function removePhotos(db: Db, params: { reportIds: string[] }): Promise<string[]> {
  if (params.reportIds.length === 0) return [];
  const photos = await db
    .select({ mediaId: reportMedia.mediaId })
    .from(reportMedia)
    .where(inArray(reportMedia.reportId, params.reportIds));
  await db.delete(reportMedia).where(inArray(reportMedia.reportId, params.reportIds));
  const files: string[] = [];
  for (const mediaId of new Set(photos.map((p) => p.mediaId))) {
    const sha256 = await deleteUnusedMedia(db, { mediaId });
    if (sha256) files.push(sha256);
  }
  return files;
}
