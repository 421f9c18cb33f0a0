import { sql } from 'drizzle-orm';
import { index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** A person the bot talks to, whatever channels they use. */
export const contacts = pgTable('contacts', {
  id: text('id').primaryKey(),
  /** Chosen by the person during onboarding; null until then. */
  displayName: text('display_name'),
  language: text('language').notNull(),
  /** warga, kader_digital, duta_digital, perangkat_desa, pendamping_desa or admin. */
  role: text('role').notNull().default('warga'),
  /** Kemendagri code of the person's desa/kelurahan (`PP.KK.CC.TNNN`); never the name. */
  villageCode: text('village_code'),
  /**
   * Version of the privacy notice the person agreed to and has not withdrawn; null when
   * they have not agreed (or declined, or withdrew). The record itself is in `consents`.
   */
  consentVersion: integer('consent_version'),
  /** When the person confirmed their profile at the end of onboarding. */
  registeredAt: timestamp('registered_at', { withTimezone: true, mode: 'date' }),
  /**
   * Set when the person deleted their data: the row is an empty tombstone kept only until
   * the goodbye message is sent, then removed by the outbox sender.
   */
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'date' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/** How a contact is reached on one channel: a Telegram chat id, a WhatsApp LID, a console name. */
export const channelIdentities = pgTable(
  'channel_identities',
  {
    id: text('id').primaryKey(),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    externalId: text('external_id').notNull(),
    /** E.164 phone number when the platform tells it; personal data. */
    phone: text('phone'),
    /** Set when the platform said the person cannot be reached (blocked the bot). */
    unreachableSince: timestamp('unreachable_since', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('channel_identities_channel_external_uq').on(t.channel, t.externalId),
    index('channel_identities_contact_idx').on(t.contactId),
    // A person's identities on the two WhatsApp channels are found by their number.
    index('channel_identities_phone_idx').on(t.phone).where(sql`phone is not null`),
  ],
);
