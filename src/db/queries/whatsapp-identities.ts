import { and, asc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Db } from '../client.js';
import { channelIdentities, contacts } from '../schema/index.js';
import { findContactByIdentity, noteContactWrite } from './contacts.js';

/** What a WhatsApp message told about its sender: at least one of `lid` and `pn`. */
export interface WhatsappSender {
  channel: string;
  /** The sender's LID address (`…@lid`), when known. */
  lid?: string;
  /** The sender's phone-number address (`…@s.whatsapp.net`), when known. */
  pn?: string;
  /** The phone number as digits with country code, when known. */
  phone?: string;
}

/** What {@link linkWhatsappIdentity} and {@link linkCloudIdentity} may also do. */
export interface LinkOptions {
  /** Configured admin numbers: a contact found to have one becomes admin. */
  adminPhones?: readonly string[];
  /**
   * The other WhatsApp channels (Baileys and the Cloud API share people): a sender new on
   * this channel whose number is stored on one of them is given an identity on the same
   * contact. `newId` names that identity; `now` dates it.
   */
  siblings?: { channels: readonly string[]; newId: () => string; now: () => Date };
}

type Identity = { id: string; contactId: string; externalId: string; phone: string | null };

/**
 * Decides the external id a WhatsApp sender is known by, keeping one person one contact
 * across WhatsApp's move from phone numbers to LIDs. The LID is the key whenever it is
 * known; the phone number is kept on the identity.
 *
 * - An identity under the LID: its phone is filled in or updated when now known.
 * - Else an identity under the phone-number address, or, failing that, one whose stored
 *   phone is the sender's number (a person seen by LID, now writing by number alone): it
 *   is used, and re-keyed to the LID when the LID is known, so the contact, its
 *   conversation and history stay the same.
 * - Else nothing changes; the runtime creates the contact under the returned id.
 *
 * Two identities of one person found on two contacts (seen first by LID alone, then by
 * number alone, before either was linked to the other) are merged: the identity stays on
 * the contact created first, under the LID; the later contact keeps what it holds but is
 * no longer reached on WhatsApp.
 *
 * When the sender's number is a configured admin number, the contact becomes admin (the
 * number may be learnt long after the contact was created by LID).
 */
export async function linkWhatsappIdentity(
  db: Db,
  sender: WhatsappSender,
  options: LinkOptions = {},
): Promise<{ externalId: string; relinked: boolean; merged: boolean }> {
  const { channel, lid, pn, phone } = sender;
  if (!lid && !pn) throw new Error('a WhatsApp sender needs a LID or a phone-number address');
  return db.transaction(async (tx) => {
    const byLid = lid ? await findIdentity(tx, channel, lid) : undefined;
    const byPn =
      (pn ? await findIdentity(tx, channel, pn) : undefined) ??
      (phone ? await findByPhone(tx, channel, phone, byLid?.id) : undefined);
    let kept = byLid ?? byPn;
    let knownPhone = kept?.phone ?? null;
    let merged = false;
    let relinked = false;
    if (byLid && byPn && byLid.id !== byPn.id) {
      const result = await merge(tx, byLid, byPn);
      kept = result.kept;
      knownPhone = kept.phone ?? result.droppedPhone;
      merged = true;
    } else if (!byLid && byPn && lid && byPn.externalId !== lid) {
      relinked = true;
    }
    if (!kept) {
      const externalId = (lid ?? pn) as string;
      await attachToSibling(tx, { channel, externalId, phone }, options);
      return { externalId, relinked: false, merged: false };
    }
    const externalId = lid ?? kept.externalId;
    const newPhone = phone ?? knownPhone;
    if (kept.externalId !== externalId || kept.phone !== newPhone) {
      await tx
        .update(channelIdentities)
        .set({ externalId, phone: newPhone })
        .where(eq(channelIdentities.id, kept.id));
    }
    await promoteAdmin(tx, kept.contactId, newPhone, options);
    return { externalId, relinked, merged };
  });
}

/**
 * The identity of a Cloud API sender (its WhatsApp id, the phone number's digits): as it
 * is, or, for someone new on this channel whose number is stored on a sibling channel
 * (Baileys), a new identity on that same contact. An admin number makes the contact admin.
 */
export async function linkCloudIdentity(
  db: Db,
  sender: { channel: string; waId: string },
  options: LinkOptions = {},
): Promise<{ externalId: string }> {
  const { channel, waId } = sender;
  return db.transaction(async (tx) => {
    const found = await findIdentity(tx, channel, waId);
    if (found) {
      if (found.phone !== waId) {
        await tx
          .update(channelIdentities)
          .set({ phone: waId })
          .where(eq(channelIdentities.id, found.id));
      }
      await promoteAdmin(tx, found.contactId, waId, options);
      return { externalId: waId };
    }
    await attachToSibling(tx, { channel, externalId: waId, phone: waId }, options);
    return { externalId: waId };
  });
}

/** Gives a sender new on `channel` an identity on the contact a sibling channel knows by their number. */
async function attachToSibling(
  db: Db,
  sender: { channel: string; externalId: string; phone: string | undefined },
  options: LinkOptions,
): Promise<void> {
  const { siblings } = options;
  if (!sender.phone || !siblings || siblings.channels.length === 0) return;
  const [sibling] = await db
    .select({ contactId: channelIdentities.contactId })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .where(
      and(
        inArray(channelIdentities.channel, [...siblings.channels]),
        eq(channelIdentities.phone, sender.phone),
        isNull(contacts.deletedAt),
      ),
    )
    .orderBy(asc(channelIdentities.createdAt))
    .limit(1);
  if (!sibling) return;
  await db.insert(channelIdentities).values({
    id: siblings.newId(),
    contactId: sibling.contactId,
    channel: sender.channel,
    externalId: sender.externalId,
    phone: sender.phone,
    createdAt: siblings.now(),
  });
  await promoteAdmin(db, sibling.contactId, sender.phone, options);
}

async function promoteAdmin(
  db: Db,
  contactId: string,
  phone: string | null | undefined,
  options: LinkOptions,
): Promise<void> {
  if (!phone || !options.adminPhones?.includes(phone)) return;
  noteContactWrite(db);
  await db
    .update(contacts)
    .set({ role: 'admin' })
    .where(and(eq(contacts.id, contactId), ne(contacts.role, 'admin')));
}

/**
 * Keeps one of two identities of one person: the one on the contact created first, the
 * other deleted. Returns the kept one and the phone number the deleted one had.
 */
async function merge(
  db: Db,
  a: Identity,
  b: Identity,
): Promise<{ kept: Identity; droppedPhone: string | null }> {
  const olderId = await olderContact(db, a.contactId, b.contactId);
  const [kept, dropped] = olderId === b.contactId ? [b, a] : [a, b];
  await db.delete(channelIdentities).where(eq(channelIdentities.id, dropped.id));
  return { kept, droppedPhone: dropped.phone };
}

async function olderContact(db: Db, a: string, b: string): Promise<string> {
  const rows = await db
    .select({ id: contacts.id, createdAt: contacts.createdAt })
    .from(contacts)
    .where(inArray(contacts.id, [a, b]));
  rows.sort((x, y) => x.createdAt.getTime() - y.createdAt.getTime() || x.id.localeCompare(y.id));
  return rows[0]?.id ?? a;
}

const identityColumns = {
  id: channelIdentities.id,
  contactId: channelIdentities.contactId,
  externalId: channelIdentities.externalId,
  phone: channelIdentities.phone,
};

async function findIdentity(
  db: Db,
  channel: string,
  externalId: string,
): Promise<Identity | undefined> {
  const rows = await db
    .select(identityColumns)
    .from(channelIdentities)
    .where(
      and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalId, externalId)),
    )
    .limit(1);
  return rows[0];
}

/** The oldest identity on `channel` with this stored phone number, other than `except`. */
async function findByPhone(
  db: Db,
  channel: string,
  phone: string,
  except: string | undefined,
): Promise<Identity | undefined> {
  const rows = await db
    .select(identityColumns)
    .from(channelIdentities)
    .where(
      and(
        eq(channelIdentities.channel, channel),
        eq(channelIdentities.phone, phone),
        except ? ne(channelIdentities.id, except) : undefined,
      ),
    )
    .orderBy(asc(channelIdentities.createdAt))
    .limit(1);
  return rows[0];
}

/** The language of the contact known on `channel` by `externalId`, if there is one. */
export async function languageOfIdentity(
  db: Db,
  params: { channel: string; externalId: string },
): Promise<string | undefined> {
  return (await findContactByIdentity(db, params))?.contact.language;
}
