/**
 * Deleting a person's data (UU PDP Pasal 8, 43-44), in two steps:
 *
 * 1. {@link eraseContactData}, in the transaction of the person's "yes, delete": removes
 *    every row about them and leaves the contact row as an empty tombstone (language only),
 *    so the goodbye the flow sends next can still be written to the outbox and delivered.
 * 2. {@link purgeDeletedContact}, by the outbox sender once nothing is left to send: removes
 *    the tombstone, and with it the goodbye's outbox row and the idle conversation row.
 *
 * Texts that show one person's data to someone else (an admin's list of role requests)
 * carry the param `about: <contact id>`, and state that holds such data keeps an `about`
 * field; views of a report carry `aboutReport: <report id>`. Step 1 finds them anywhere in
 * other people's outbox rows and conversation state, for the person and for every report
 * changed for them (see report-erasure.ts).
 */
import { and, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  channelIdentities,
  consents,
  contacts,
  conversations,
  feedback,
  inboundMessages,
  media,
  outbox,
  reportMedia,
  roleRequests,
} from '../schema/index.js';
import { lockContact } from './contacts.js';
import { forgetRespondent } from './questionnaire.js';
import { anonymiseReportsOf } from './report-erasure.js';

/** The name of the text param and state field that ties shown data to its person. */
const ABOUT_PARAM = 'about';
/** The same for a report: views of a report carry its id under this name (see report-view.ts). */
const ABOUT_REPORT_PARAM = 'aboutReport';

/** True when the JSON document holds `field` equal to one of `ids`, at any depth. */
function mentions(
  column: typeof outbox.message | typeof conversations.state,
  field: string,
  ids: string[],
) {
  const found = ids.map((id) => sql`${id}::text`);
  return sql`exists (select 1 from jsonb_path_query(${column}, ${`$.**.${field}`}::jsonpath) as m(v) where m.v #>> '{}' in (${sql.join(found, sql`, `)}))`;
}

/**
 * Removes everything stored about the contact, in the caller's transaction: profile,
 * channel identities (phone numbers), conversation, outbox rows, inbound message records
 * (the dedupe keys of their messages), role requests, feedback and its photos' rows; cuts
 * the link from consent records and questionnaire answers (which stay in village scores
 * under an anonymous key); anonymises their reports (which stay for the village without
 * anything pointing to them: see report-erasure.ts); and drops other people's messages
 * and state that show them or those reports. Returns the SHA-256 of the photo files to
 * remove from disk.
 */
export async function eraseContactData(
  db: Db,
  params: { contactId: string; idleState: unknown; now: Date },
): Promise<{ mediaFiles: string[] }> {
  const { contactId } = params;
  await lockContact(db, { contactId });
  const reports = await anonymiseReportsOf(db, { contactId, now: params.now });
  await forgetCopies(db, { ...params, reportIds: reports.reportIds });
  await db.delete(conversations).where(eq(conversations.contactId, contactId));
  const mediaFiles = [...reports.mediaFiles, ...(await eraseMedia(db, { contactId }))];
  await db.delete(feedback).where(eq(feedback.contactId, contactId));
  await db.delete(roleRequests).where(eq(roleRequests.contactId, contactId));
  await db
    .update(roleRequests)
    .set({ decidedBy: null })
    .where(eq(roleRequests.decidedBy, contactId));
  await db.update(consents).set({ contactId: null }).where(eq(consents.contactId, contactId));
  await forgetRespondent(db, { contactId });
  await db.delete(inboundMessages).where(eq(inboundMessages.contactId, contactId));
  await db.delete(channelIdentities).where(eq(channelIdentities.contactId, contactId));
  await db
    .update(contacts)
    .set({
      displayName: null,
      villageCode: null,
      role: 'warga',
      consentVersion: null,
      registeredAt: null,
      createdAt: params.now,
      updatedAt: params.now,
      deletedAt: params.now,
    })
    .where(eq(contacts.id, contactId));
  return { mediaFiles };
}

/**
 * Removes the contact's outbox rows, and other people's messages and conversation state
 * that show them or one of the reports changed for them (`reportIds`): an idle state
 * replaces such a conversation.
 */
async function forgetCopies(
  db: Db,
  params: { contactId: string; reportIds: string[]; idleState: unknown; now: Date },
): Promise<void> {
  const { contactId, reportIds } = params;
  const shown = (column: typeof outbox.message | typeof conversations.state) =>
    or(
      mentions(column, ABOUT_PARAM, [contactId]),
      ...(reportIds.length > 0 ? [mentions(column, ABOUT_REPORT_PARAM, reportIds)] : []),
    );
  await db.delete(outbox).where(or(eq(outbox.contactId, contactId), shown(outbox.message)));
  await db
    .update(conversations)
    .set({ state: params.idleState, updatedAt: params.now })
    .where(and(ne(conversations.contactId, contactId), shown(conversations.state)));
}

/** Deletes the media rows of the contact's photos (unless another person's feedback uses them). */
async function eraseMedia(db: Db, params: { contactId: string }): Promise<string[]> {
  const theirs = await db
    .select({ mediaIds: feedback.mediaIds })
    .from(feedback)
    .where(eq(feedback.contactId, params.contactId));
  const linked = await db
    .select({ id: media.id })
    .from(media)
    .where(eq(media.contactId, params.contactId));
  const ids = new Set([
    ...theirs.flatMap((row) => (Array.isArray(row.mediaIds) ? (row.mediaIds as string[]) : [])),
    ...linked.map((row) => row.id),
  ]);
  const files: string[] = [];
  for (const id of ids) {
    const shared = await db
      .select({ id: feedback.id })
      .from(feedback)
      .where(
        and(
          sql`${feedback.contactId} is distinct from ${params.contactId}`,
          sql`${feedback.mediaIds} @> ${JSON.stringify([id])}::jsonb`,
        ),
      )
      .limit(1);
    if (shared.length > 0) continue;
    // The same picture in another person's report is stored once: it stays for them.
    const [row] = await db
      .delete(media)
      .where(
        and(
          eq(media.id, id),
          sql`not exists (select 1 from ${reportMedia} where ${reportMedia.mediaId} = ${id})`,
        ),
      )
      .returning({ sha256: media.sha256 });
    if (row) files.push(row.sha256);
  }
  return files;
}

/**
 * Removes a deleted contact's tombstone once none of its messages waits to be sent; the
 * rows that still point at it (its sent goodbye, its idle conversation) go with it.
 * Does nothing for a contact that was not deleted. Returns true when it removed one.
 */
export async function purgeDeletedContact(db: Db, params: { contactId: string }): Promise<boolean> {
  const rows = await db
    .delete(contacts)
    .where(
      and(
        eq(contacts.id, params.contactId),
        isNotNull(contacts.deletedAt),
        sql`not exists (select 1 from outbox o where o.contact_id = ${params.contactId} and o.status in ('pending', 'sending'))`,
      ),
    )
    .returning({ id: contacts.id });
  return rows.length > 0;
}
