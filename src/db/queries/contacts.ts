import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { channelIdentities, contacts, conversations } from '../schema/index.js';

/** A contact row. */
export type Contact = typeof contacts.$inferSelect;
/** A channel identity row. */
export type ChannelIdentity = typeof channelIdentities.$inferSelect;

/** How many contact rows each transaction (or database) changed, by {@link noteContactWrite}. */
const contactWrites = new WeakMap<Db, number>();

/**
 * Notes a change to contact rows made through `db`. Every query that updates or deletes
 * contacts calls it (test/db/contact-writes.test.ts holds them to it): the flow runner reads
 * the person again after an action only when the action changed one.
 */
export function noteContactWrite(db: Db): void {
  contactWrites.set(db, (contactWrites.get(db) ?? 0) + 1);
}

/** How many times {@link noteContactWrite} was called for `db`. */
export function contactWritesIn(db: Db): number {
  return contactWrites.get(db) ?? 0;
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
  noteContactWrite(db);
  await db
    .update(contacts)
    .set({ language: params.language, updatedAt: params.now })
    .where(eq(contacts.id, params.contactId));
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
  noteContactWrite(db);
  await db
    .update(contacts)
    .set({ displayName: params.name, updatedAt: params.now })
    .where(eq(contacts.id, params.contactId));
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
  noteContactWrite(db);
  await db
    .update(contacts)
    .set({ villageCode: params.villageCode, updatedAt: params.now })
    .where(eq(contacts.id, params.contactId));
}

/** Sets the role the person holds (warga at once; others after an admin confirms). */
export async function setRole(
  db: Db,
  params: { contactId: string; role: string; now: Date },
): Promise<void> {
  noteContactWrite(db);
  await db
    .update(contacts)
    .set({ role: params.role, updatedAt: params.now })
    .where(eq(contacts.id, params.contactId));
}

/** Records that the person confirmed their profile; keeps the first time. */
export async function markRegistered(
  db: Db,
  params: { contactId: string; now: Date },
): Promise<void> {
  noteContactWrite(db);
  await db
    .update(contacts)
    .set({ registeredAt: params.now, updatedAt: params.now })
    .where(and(eq(contacts.id, params.contactId), isNull(contacts.registeredAt)));
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
