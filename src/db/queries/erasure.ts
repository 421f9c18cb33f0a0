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
 * field: step 1 finds them anywhere in other people's outbox rows and conversation state.
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

/** Finds an {@link ABOUT_PARAM} equal to `$id` at any depth of a JSON document. */
const MENTION_PATH = `$.**.${ABOUT_PARAM} ? (@ == $id)`;

function mentions(column: typeof outbox.message | typeof conversations.state, contactId: string) {
  return sql`jsonb_path_exists(${column}, ${MENTION_PATH}::jsonpath, jsonb_build_object('id', ${contactId}::text))`;
}

/**
 * Removes everything stored about the contact, in the caller's transaction: profile,
 * channel identities (phone numbers), conversation, outbox rows, role requests, feedback
 * and its photos' rows; cuts the link from consent records, inbound message ids and
 * questionnaire answers (which stay in village scores under an anonymous key); anonymises
 * their reports (which stay for the village, without them and their photos); and
 * drops other people's messages and state that mention them. Returns the SHA-256 of the
 * photo files to remove from disk.
 */
export async function eraseContactData(
  db: Db,
  params: { contactId: string; idleState: unknown; now: Date },
): Promise<{ mediaFiles: string[] }> {
  const { contactId } = params;
  await lockContact(db, { contactId });
  await db
    .delete(outbox)
    .where(or(eq(outbox.contactId, contactId), mentions(outbox.message, contactId)));
  await db
    .update(conversations)
    .set({ state: params.idleState, updatedAt: params.now })
    .where(and(ne(conversations.contactId, contactId), mentions(conversations.state, contactId)));
  await db.delete(conversations).where(eq(conversations.contactId, contactId));
  const reports = await anonymiseReportsOf(db, { contactId, now: params.now });
  const mediaFiles = [...reports.mediaFiles, ...(await eraseMedia(db, { contactId }))];
  await db.delete(feedback).where(eq(feedback.contactId, contactId));
  await db.delete(roleRequests).where(eq(roleRequests.contactId, contactId));
  await db
    .update(roleRequests)
    .set({ decidedBy: null })
    .where(eq(roleRequests.decidedBy, contactId));
  await db.update(consents).set({ contactId: null }).where(eq(consents.contactId, contactId));
  await forgetRespondent(db, { contactId });
  await db
    .update(inboundMessages)
    .set({ contactId: null })
    .where(eq(inboundMessages.contactId, contactId));
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
