import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { channelIdentities, contacts } from '../schema/index.js';

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

/**
 * Decides the external id a WhatsApp sender is known by, keeping one person one contact
 * across WhatsApp's move from phone numbers to LIDs. The LID is the key whenever it is
 * known; the phone number is kept on the identity.
 *
 * - An identity under the LID: its phone is filled in or updated when now known.
 * - Else an identity under the phone-number address (the person wrote before WhatsApp
 *   gave us their LID): it is re-keyed to the LID, so the contact, its conversation and
 *   history stay the same.
 * - Else nothing changes; the runtime creates the contact under the returned id.
 *
 * Two contacts that already exist separately (one seen only by LID, one only by number)
 * are left apart: merging contacts is not this function's job.
 */
export async function linkWhatsappIdentity(
  db: Db,
  sender: WhatsappSender,
): Promise<{ externalId: string; relinked: boolean }> {
  const { channel, lid, pn, phone } = sender;
  if (!lid) {
    if (!pn) throw new Error('a WhatsApp sender needs a LID or a phone-number address');
    return { externalId: pn, relinked: false };
  }
  return db.transaction(async (tx) => {
    const byLid = await findIdentity(tx, channel, lid);
    if (byLid) {
      if (phone && byLid.phone !== phone) {
        await tx.update(channelIdentities).set({ phone }).where(eq(channelIdentities.id, byLid.id));
      }
      return { externalId: lid, relinked: false };
    }
    const byPn = pn ? await findIdentity(tx, channel, pn) : undefined;
    if (!byPn) return { externalId: lid, relinked: false };
    await tx
      .update(channelIdentities)
      .set({ externalId: lid, phone: phone ?? byPn.phone })
      .where(eq(channelIdentities.id, byPn.id));
    return { externalId: lid, relinked: true };
  });
}

async function findIdentity(db: Db, channel: string, externalId: string) {
  const rows = await db
    .select({ id: channelIdentities.id, phone: channelIdentities.phone })
    .from(channelIdentities)
    .where(
      and(eq(channelIdentities.channel, channel), eq(channelIdentities.externalId, externalId)),
    )
    .limit(1);
  return rows[0];
}

/** The language of the contact known on `channel` by `externalId`, if there is one. */
export async function languageOfIdentity(
  db: Db,
  params: { channel: string; externalId: string },
): Promise<string | undefined> {
  const rows = await db
    .select({ language: contacts.language })
    .from(channelIdentities)
    .innerJoin(contacts, eq(contacts.id, channelIdentities.contactId))
    .where(
      and(
        eq(channelIdentities.channel, params.channel),
        eq(channelIdentities.externalId, params.externalId),
      ),
    )
    .limit(1);
  return rows[0]?.language;
}
