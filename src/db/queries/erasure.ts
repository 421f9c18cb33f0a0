/**
 * Deleting a person's data (UU PDP Pasal 8, 43-44), in two steps:
 *
 * 1. In the transaction of the person's "yes, delete", each capability removes or
 *    anonymises its own rows about them (src/runtime/personal-data.ts loops over the
 *    registry), then {@link eraseContactRecords} removes what every capability shares:
 *    other people's copies, the conversation, photos nothing uses any more, the records
 *    of their messages and their channel identities, and leaves the contact row as an empty
 *    tombstone (language only), so the goodbye the flow sends next can still be written to
 *    the outbox and delivered.
 * 2. {@link purgeDeletedContact}, by the outbox sender once nothing is left to send: removes
 *    the tombstone, and with it the goodbye's outbox row and the idle conversation row.
 *
 * Texts that show one person's data to someone else (an admin's list of role requests)
 * carry the param `about: <contact id>`, and state that holds such data keeps an `about`
 * field; views of a report carry `aboutReport: <report id>`. Step 1 finds them anywhere in
 * other people's outbox rows and conversation state, for the person and for every id a
 * capability names (the reports changed for them: see report-erasure.ts).
 */
import { and, eq, isNotNull, ne, or, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  bulkRecipients,
  channelIdentities,
  contacts,
  conversations,
  inboundMessages,
  outbox,
} from '../schema/index.js';
import { noteContactWrite } from './contacts.js';
import { deleteUnusedMedia, mediaIdsOf } from './media.js';

/** The name of the text param and state field that ties shown data to its person. */
export const ABOUT_PARAM = 'about';

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
 * Removes, in the caller's transaction, what is stored about the contact outside any
 * capability, once the capabilities removed their own rows: their outbox rows, and other
 * people's messages and conversation state that show them or name one of the `about` ids
 * (an idle state replaces such a conversation); their conversation; the media rows of
 * their photos (`mediaIds` and the ones saved for them) that nothing uses any more; the
 * records of their messages (dedupe keys); their channel identities (phone numbers); and
 * their profile, leaving a tombstone. Returns the SHA-256 of the photo files to remove.
 */
export async function eraseContactRecords(
  db: Db,
  params: {
    contactId: string;
    /** Ids under other param names, by name: `{ aboutReport: [...] }`. */
    about: Record<string, string[]>;
    mediaIds: string[];
    idleState: unknown;
    now: Date;
  },
): Promise<{ mediaFiles: string[] }> {
  const { contactId } = params;
  await forgetCopies(db, params);
  await db.delete(conversations).where(eq(conversations.contactId, contactId));
  const candidates = new Set([...params.mediaIds, ...(await mediaIdsOf(db, { contactId }))]);
  const mediaFiles: string[] = [];
  for (const mediaId of candidates) {
    const sha256 = await deleteUnusedMedia(db, { mediaId });
    if (sha256) mediaFiles.push(sha256);
  }
  await db.delete(inboundMessages).where(eq(inboundMessages.contactId, contactId));
  await db.delete(channelIdentities).where(eq(channelIdentities.contactId, contactId));
  noteContactWrite(db);
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
 * that show them or one of the `about` ids: an idle state replaces such a conversation.
 */
async function forgetCopies(
  db: Db,
  params: { contactId: string; about: Record<string, string[]>; idleState: unknown; now: Date },
): Promise<void> {
  const { contactId } = params;
  const named = Object.entries(params.about).filter(([, ids]) => ids.length > 0);
  const shown = (column: typeof outbox.message | typeof conversations.state) =>
    or(
      mentions(column, ABOUT_PARAM, [contactId]),
      ...named.map(([field, ids]) => mentions(column, field, ids)),
    );
  await db.delete(outbox).where(or(eq(outbox.contactId, contactId), shown(outbox.message)));
  await db
    .update(conversations)
    .set({ state: params.idleState, updatedAt: params.now })
    .where(and(ne(conversations.contactId, contactId), shown(conversations.state)));
}

/**
 * Removes a deleted contact's tombstone once none of its messages waits to be sent; the
 * rows that still point at it (its sent goodbye, its idle conversation, its places in bulk
 * sends) go with it.
 * Does nothing for a contact that was not deleted. Returns true when it removed one.
 */
export async function purgeDeletedContact(db: Db, params: { contactId: string }): Promise<boolean> {
  noteContactWrite(db);
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
  if (rows.length === 0) return false;
  // No foreign key cascades to them (src/db/schema/bulk.ts).
  await db.delete(bulkRecipients).where(eq(bulkRecipients.contactId, params.contactId));
  return true;
}
