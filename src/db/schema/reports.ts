import {
  bigint,
  boolean,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';
import { media } from './media.js';

/**
 * Citizen reports (laporan). A report stays for the village when its reporter deletes
 * their data: the link to them, and their photos, go (`anonymised_at` records when).
 */
export const reports = pgTable(
  'reports',
  {
    id: text('id').primaryKey(),
    /** `LP-` and five characters; what people type and read aloud. */
    ticket: text('ticket').notNull(),
    /** Who filed it: the resident, or the kader/perangkat who filed for one; null once erased. */
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** Assisted reports: the resident's name as the kader typed it; null otherwise. */
    residentName: text('resident_name'),
    /** Assisted reports: how to reach the resident, when they gave it. */
    residentContact: text('resident_contact'),
    /** Assisted reports: when the kader confirmed the resident agreed to the report. */
    residentConsentAt: timestamp('resident_consent_at', { withTimezone: true, mode: 'date' }),
    /** pengaduan, aspirasi or informasi. */
    type: text('type').notNull(),
    category: text('category').notNull(),
    /** The Desa Cerdas pillar of the category, for analytics. */
    pillar: text('pillar').notNull(),
    description: text('description').notNull(),
    /** Kemendagri code of the village the problem is in; never the name. */
    villageCode: text('village_code').notNull(),
    /** A shared pin, kept only when the reporter said the problem is there. */
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** A typed landmark (patokan). */
    landmark: text('landmark'),
    /** Hides the reporter from staff. */
    anonymous: boolean('anonymous').notNull(),
    /** Shows description and photos only to the village's perangkat and admins. */
    confidential: boolean('confidential').notNull(),
    status: text('status').notNull(),
    /** While PERLU_INFO: the status to return to once the reporter answers. */
    infoFrom: text('info_from'),
    /** Set with DITOLAK: duplikat, tidak_jelas, bukan_kewenangan or spam. */
    rejectReason: text('reject_reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('reports_ticket_uq').on(t.ticket),
    index('reports_village_status_idx').on(t.villageCode, t.status, t.createdAt),
    index('reports_contact_idx').on(t.contactId, t.createdAt),
  ],
);

/** The photos of a report, in the order they were sent. */
export const reportMedia = pgTable(
  'report_media',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    mediaId: text('media_id')
      .notNull()
      .references(() => media.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.position] }),
    index('report_media_media_idx').on(t.mediaId),
  ],
);

/** Every move of a report: who, when, from what to what, and their note. */
export const reportHistory = pgTable(
  'report_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** Null for the filing itself. */
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    /** reporter, staff, or system (the scheduler). */
    actorKind: text('actor_kind').notNull(),
    /** The person who moved it; null once they deleted their data. */
    actorId: text('actor_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** The staff's note or question, or the reporter's answer. */
    note: text('note'),
    /** With DITOLAK: the reason. */
    reason: text('reason'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('report_history_report_idx').on(t.reportId, t.id)],
);

/** People who said "me too" to an open report instead of filing the same one again. */
export const reportSupports = pgTable(
  'report_supports',
  {
    reportId: text('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    contactId: text('contact_id')
      .notNull()
      .references(() => contacts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.reportId, t.contactId] }),
    index('report_supports_contact_idx').on(t.contactId),
  ],
);
