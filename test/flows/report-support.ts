import { createHash } from 'node:crypto';
import { asc } from 'drizzle-orm';
import { createActions } from '../../flows/index.js';
import type { Contact } from '../../src/db/queries/contacts.js';
import { insertMediaIfNew } from '../../src/db/queries/media.js';
import { findReportByTicket, listHistory, reportMediaIds } from '../../src/db/queries/reports.js';
import { reports } from '../../src/db/schema/index.js';
import { type RandomInt, TICKET_ALPHABET } from '../../src/domain/report/ticket.js';
import { createHarness, type Harness, type HarnessOptions } from '../support/harness.js';
import { registerContact, type TestProfile } from '../support/register.js';
import { testVillages } from '../support/villages.js';

/** Sukamaju, Kec. Cibeber, Kab. Cianjur (the default village of registered people). */
export const SUKAMAJU = '32.03.03.2013';
/** Sukamanah, same kecamatan. */
export const SUKAMANAH = '32.03.03.2017';
/** Bojongsoang, Kab. Bandung. */
export const BOJONGSOANG = '32.04.08.2002';

/**
 * Randomness that spells `tickets` (without `LP-`) in order, then goes on with a small
 * deterministic generator: tests know every ticket in advance.
 */
export function scriptedTickets(...tickets: string[]): RandomInt {
  const draws = tickets.flatMap((ticket) => [...ticket].map((c) => TICKET_ALPHABET.indexOf(c)));
  let seed = 7;
  return (max) => {
    const next = draws.shift();
    if (next !== undefined) return next;
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % max;
  };
}

/** A harness on the app's flows and actions, with report tickets drawn from `random`. */
export async function createReportHarness(
  random: RandomInt,
  options: HarnessOptions = {},
): Promise<Harness> {
  const removed: string[] = [];
  const actions = createActions({
    villages: testVillages,
    removeMediaFile: async (sha256) => {
      removed.push(sha256);
    },
    random,
  });
  const h = await createHarness({ onboarding: true, actions, ...options });
  // As with the harness's own actions: the photo files /hapusdata asked to remove.
  h.removedMediaFiles = removed;
  return h;
}

/** Registers a member of staff (role held, as if an admin had confirmed it). */
export function registerStaff(
  h: Harness,
  externalId: string,
  role: string,
  profile: TestProfile = {},
): Promise<Contact> {
  return registerContact(h, externalId, { ...profile, role });
}

/** Stores a media row for a photo a channel received (bytes are not needed here). */
export async function addPhoto(h: Harness, id: string, channel = 'test'): Promise<void> {
  const sha256 = createHash('sha256').update(id).digest('hex');
  await insertMediaIfNew(h.db.db, {
    row: {
      id,
      sha256,
      mimeType: 'image/jpeg',
      sizeBytes: 1000,
      originChannel: channel,
      createdAt: h.clock.now(),
    },
  });
}

/** Sends a photo already stored with {@link addPhoto}. */
export function sendPhoto(h: Harness, from: string, mediaId: string): Promise<string[]> {
  return h.say(from, { type: 'photo', mediaId });
}

/** Shares a pin. */
export function sendPin(h: Harness, from: string, latitude: number, longitude: number) {
  return h.say(from, { type: 'location', latitude, longitude });
}

/** The report with this ticket, with its photos and history. */
export async function reportOf(h: Harness, ticket: string) {
  const report = await findReportByTicket(h.db.db, { ticket });
  if (!report) throw new Error(`no report ${ticket}`);
  return {
    report,
    photos: await reportMediaIds(h.db.db, { reportId: report.id }),
    history: await listHistory(h.db.db, { reportId: report.id }),
  };
}

/** Every report, oldest first. */
export function allReports(h: Harness) {
  return h.db.db.select().from(reports).orderBy(asc(reports.createdAt), asc(reports.id));
}

/**
 * Files a complaint through the flow with the fewest answers (no photo, no location,
 * normal privacy, "make a new one" if a similar report is offered); staff who may file
 * for residents answer "for myself" first. Returns the bot's last replies.
 */
export async function fileQuickly(
  h: Harness,
  from: string,
  report: { category: number; description: string; assisting?: boolean },
): Promise<string[]> {
  const start = ['/lapor', ...(report.assisting ? ['1'] : []), '1'];
  for (const line of start) await h.say(from, line);
  const offered = (await h.say(from, String(report.category))).join();
  if (offered.includes('buat laporan baru')) await h.say(from, '2');
  let replies: string[] = [];
  for (const line of [report.description, 'lewati', 'lewati', '1', '1']) {
    replies = await h.say(from, line);
  }
  return replies;
}

/**
 * A member of staff opens `ticket` with /kelola, picks the move by its label, gives the
 * reason (for a rejection) and the note. Returns the replies to the note.
 */
export async function staffMove(
  h: Harness,
  staff: string,
  ticket: string,
  move: { label: string; note: string; reason?: string },
): Promise<string[]> {
  await h.say(staff, `/kelola ${ticket}`);
  await h.say(staff, move.label);
  if (move.reason) await h.say(staff, move.reason);
  return h.say(staff, move.note);
}

/** What a person received since last asked, once every due message is sent. */
export async function newsFor(h: Harness, externalId: string): Promise<string[]> {
  await h.runtime.outbox.sweep();
  return h.channel.take(externalId);
}

/** The statuses a report went through, oldest first. */
export async function statusesOf(h: Harness, ticket: string): Promise<string[]> {
  return (await reportOf(h, ticket)).history.map((row) => row.toStatus);
}
