import { eq } from 'drizzle-orm';
import { recordConsent } from '../../src/db/queries/consents.js';
import {
  type Contact,
  createContact,
  findContactByIdentity,
  getContact,
  markRegistered,
  setDisplayName,
  setRole,
  setVillageCode,
} from '../../src/db/queries/contacts.js';
import { consents } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import type { Harness } from './harness.js';

/** Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat. */
export const SUKAMAJU_CIBEBER = '32.03.03.2013';

/** What {@link registerContact} writes; every field has a default. */
export interface TestProfile {
  name?: string;
  villageCode?: string;
  role?: string;
  language?: string;
  /** E.164 phone number, as WhatsApp would give it. */
  phone?: string;
}

/**
 * Writes a person who has consented to the current notice and confirmed a profile
 * straight into the database, as if they had finished onboarding on the harness channel.
 */
export async function registerContact(
  h: Harness,
  externalId: string,
  profile: TestProfile = {},
): Promise<Contact> {
  const db = h.db.db;
  const now = h.clock.now();
  const contactId = `contact-${externalId}`;
  await createContact(db, {
    contactId,
    identityId: `identity-${externalId}`,
    channel: h.channel.name,
    externalId,
    phone: profile.phone,
    language: profile.language ?? 'id',
    role: 'warga',
    now,
  });
  await recordConsent(db, {
    id: `consent-${externalId}`,
    contactId,
    noticeVersion: PRIVACY_NOTICE_VERSION,
    answer: 'accepted',
    channel: h.channel.name,
    now,
  });
  await setDisplayName(db, { contactId, name: profile.name ?? 'Siti Aminah', now });
  await setVillageCode(db, {
    contactId,
    villageCode: profile.villageCode ?? SUKAMAJU_CIBEBER,
    now,
  });
  if (profile.role) await setRole(db, { contactId, role: profile.role, now });
  await markRegistered(db, { contactId, now });
  const contact = await getContact(db, { contactId });
  if (!contact) throw new Error('registered contact not found');
  return contact;
}

/** The contact behind `externalId` on the harness channel, as stored now. */
export async function contactOf(h: Harness, externalId: string): Promise<Contact | undefined> {
  const found = await findContactByIdentity(h.db.db, { channel: h.channel.name, externalId });
  return found?.contact;
}

/** The consent records of the contact behind `externalId`, as stored now. */
export async function consentsOf(h: Harness, externalId: string) {
  const contact = await contactOf(h, externalId);
  return h.db.db
    .select()
    .from(consents)
    .where(eq(consents.contactId, contact?.id ?? ''));
}
