import { and, asc, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { channelIdentities, contacts, conversations } from '../schema/index.js';

/** A contact row. */
export type Contact = typeof contacts.$inferSelect;
/** A channel identity row. */
export type ChannelIdentity = typeof channelIdentities.$inferSelect;

/** The contact writes of each transaction (or database), by {@link noteContactWrite}. */
const contactWrites = new WeakMap<Db, { count: number; row: Contact | undefined }>();

/**
 * Notes a change to contact rows made through `db`. Every query that updates or deletes
 * contacts calls it (test/db/contact-writes.test.ts holds them to it): the flow runner reads
 * the person again after an action only when the action changed one. `row`: the whole row
 * as the write left it (`returning()`), when the write returned it; the runner then takes
 * it instead of reading the person again.
 */
export function noteContactWrite(db: Db, row?: Contact): void {
  contactWrites.set(db, { count: contactWritesIn(db) + 1, row });
}

/** How many times {@link noteContactWrite} was called for `db`. */
export function contactWritesIn(db: Db): number {
  return contactWrites.get(db)?.count ?? 0;
}

/**
 * The row the latest contact write through `db` left, when that write returned it; undefined
 * when it did not (a DELETE, an UPDATE of several rows, one that matched nothing).
 */
export function lastContactWritten(db: Db): Contact | undefined {
  return contactWrites.get(db)?.row;
}

/**
 * Updates the columns `set` of one contact (when `where` holds too) and notes the write with
 * the row as it left it, so that the flow runner need not read the person again.
 */
export async function updateContact(
  db: Db,
  params: { contactId: string; set: Partial<Contact>; where?: SQL },
): Promise<void> {
  const { set, where } = params;
  const idMatches = eq(contacts.id, params.contactId);
  const [row] = await db
    .update(contacts)
    .set(set)
    .where(where ? and(idMatches, where) : idMatches)
    .returning();
  noteContactWrite(db, row);
}

/** The contact reached at `externalId` on `channel`, if known. */
export async function findContactByIdentity(
  db: Db,
  params: { channel: string; externalId: string },
): Promise<{ contact: Contact; identity: ChannelIdentity } | undefined> {
  const rows = await db
    .select({ contact: contacts, identity: channelIdentities })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .where(
      and(
        eq(channelIdentities.channel, params.channel),
        eq(channelIdentities.externalId, params.externalId),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Creates a contact and its first channel identity. */
export async function createContact(
  db: Db,
  params: {
    contactId: string;
    identityId: string;
    channel: string;
    externalId: string;
    phone?: string;
    language: string;
    role: string;
    now: Date;
  },
): Promise<{ contact: Contact; identity: ChannelIdentity }> {
  const [contact] = await db
    .insert(contacts)
    .values({
      id: params.contactId,
      language: params.language,
      role: params.role,
      createdAt: params.now,
      updatedAt: params.now,
    })
    .returning();
  const [identity] = await db
    .insert(channelIdentities)
    .values({
      id: params.identityId,
      contactId: params.contactId,
      channel: params.channel,
      externalId: params.externalId,
      phone: params.phone ?? null,
      createdAt: params.now,
    })
    .returning();
  if (!contact || !identity) throw new Error('contact insert returned no row');
  return { contact, identity };
}

/** The contact with this id, if it exists. */
export async function getContact(
  db: Db,
  params: { contactId: string },
): Promise<Contact | undefined> {
  const rows = await db.select().from(contacts).where(eq(contacts.id, params.contactId)).limit(1);
  return rows[0];
}

/**
 * Locks the contact's row for the rest of the transaction and returns it. Every change of a
 * person's role, village or role requests takes this lock first, then touches
 * `role_requests`: an admin's decision and the person's own change then run one after the
 * other (a role confirmed while its person moves away waits for the move), never in a
 * deadlock.
 */
export async function lockContact(
  db: Db,
  params: { contactId: string },
): Promise<Contact | undefined> {
  const rows = await db
    .select()
    .from(contacts)
    .where(eq(contacts.id, params.contactId))
    .for('update');
  return rows[0];
}

/** Changes the language the contact is spoken to in. */
export async function setContactLanguage(
  db: Db,
  params: { contactId: string; language: string; now: Date },
): Promise<void> {
  await updateContact(db, {
    contactId: params.contactId,
    set: { language: params.language, updatedAt: params.now },
  });
}

/** Marks an identity reachable again (the person wrote) or unreachable (blocked the bot). */
export async function setIdentityReachability(
  db: Db,
  params: { channel: string; externalId: string; unreachableSince: Date | null },
): Promise<void> {
  await db
    .update(channelIdentities)
    .set({ unreachableSince: params.unreachableSince })
    .where(
      and(
        eq(channelIdentities.channel, params.channel),
        eq(channelIdentities.externalId, params.externalId),
      ),
    );
}

/** Sets the name the person gave (2-60 characters, checked by the flow). */
export async function setDisplayName(
  db: Db,
  params: { contactId: string; name: string; now: Date },
): Promise<void> {
  await updateContact(db, {
    contactId: params.contactId,
    set: { displayName: params.name, updatedAt: params.now },
  });
}

/**
 * Sets the person's village by its Kemendagri code, as it is: no role is ended. For tests
 * and tools that set up people; a person's own move goes through `moveToVillage`
 * (role-requests.ts), which ends a staff role tied to the old area.
 */
export async function setVillageCode(
  db: Db,
  params: { contactId: string; villageCode: string; now: Date },
): Promise<void> {
  await updateContact(db, {
    contactId: params.contactId,
    set: {
      villageCode: params.villageCode,
      updatedAt: params.now,
    },
  });
}

/** Sets the role the person holds (warga at once; others after an admin confirms). */
export async function setRole(
  db: Db,
  params: { contactId: string; role: string; now: Date },
): Promise<void> {
  await updateContact(db, {
    contactId: params.contactId,
    set: { role: params.role, updatedAt: params.now },
  });
}

/** Records that the person confirmed their profile; keeps the first time. */
export async function markRegistered(
  db: Db,
  params: { contactId: string; now: Date },
): Promise<void> {
  const set = { registeredAt: params.now, updatedAt: params.now };
  await updateContact(db, {
    contactId: params.contactId,
    set,
    where: isNull(contacts.registeredAt),
  });
}

/** Every channel identity of a contact, oldest first. */
export async function listIdentities(
  db: Db,
  params: { contactId: string },
): Promise<ChannelIdentity[]> {
  return db
    .select()
    .from(channelIdentities)
    .where(eq(channelIdentities.contactId, params.contactId))
    .orderBy(asc(channelIdentities.createdAt), asc(channelIdentities.id));
}

/**
 * Where to reach a contact without a message of theirs to answer: the identity on the
 * channel they last wrote on, else their newest reachable identity.
 */
export async function lastAddressOf(
  db: Db,
  params: { contactId: string },
): Promise<{ channel: string; externalId: string } | undefined> {
  const rows = await db
    .select({ channel: channelIdentities.channel, externalId: channelIdentities.externalId })
    .from(channelIdentities)
    .leftJoin(conversations, eq(conversations.contactId, channelIdentities.contactId))
    .where(eq(channelIdentities.contactId, params.contactId))
    .orderBy(
      sql`(${channelIdentities.channel} = ${conversations.channel}) is true desc`,
      sql`(${channelIdentities.unreachableSince} is null) desc`,
      desc(channelIdentities.createdAt),
    )
    .limit(1);
  return rows[0];
}
