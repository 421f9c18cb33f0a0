import {
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * Training sessions (bimtek): who they are for (roles and region codes), when (instants,
 * with the IANA zone they are shown in), where (a venue or an online link), and their
 * status (terjadwal, diubah, dibatalkan, selesai).
 */
export const trainingSessions = pgTable(
  'training_sessions',
  {
    id: text('id').primaryKey(),
    title: text('title').notNull(),
    topic: text('topic').notNull(),
    /** One of the six Desa Cerdas pillars, or null. */
    pillar: text('pillar'),
    /** Roles invited (warga, kader_digital, duta_digital, perangkat_desa, pendamping_desa). */
    audience: text('audience').array().notNull(),
    /** Kemendagri codes of provinces, kabupaten, kecamatan or desa; a person of any of them is invited. */
    regions: text('regions').array().notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** IANA zone the times are shown in (Asia/Jakarta, Asia/Makassar, Asia/Jayapura). */
    timeZone: text('time_zone').notNull(),
    /** The place, for a session in a room; null for an online one. */
    venue: text('venue'),
    latitude: doublePrecision('latitude'),
    longitude: doublePrecision('longitude'),
    /** The link, for an online session. */
    onlineUrl: text('online_url'),
    /** Seats; null: no limit. */
    capacity: integer('capacity'),
    trainerContactId: text('trainer_contact_id').references(() => contacts.id, {
      onDelete: 'set null',
    }),
    materialsUrl: text('materials_url'),
    /** terjadwal → diubah (time or place changed) → dibatalkan | selesai. */
    status: text('status').notNull(),
    createdBy: text('created_by').references(() => contacts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('training_sessions_starts_idx').on(t.status, t.startsAt)],
);

/**
 * A person's answer to a session: ikut (going), tidak (not going) or menunggu (on the
 * waitlist, in the order of `waiting_since`), and their attendance. /hapusdata sets the
 * contact to null: the row stays as an anonymous count for the session's record.
 */
export const trainingRsvps = pgTable(
  'training_rsvps',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    /** ikut | tidak | menunggu. */
    status: text('status').notNull(),
    /** When they became `ikut` (said so, or were promoted): reminders due before are not sent. */
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'date' }),
    /** When they joined the waitlist: the position is the order of this. */
    waitingSince: timestamp('waiting_since', { withTimezone: true, mode: 'date' }),
    /** hadir (checked in) | absen (said ikut, did not come; recorded at the end). */
    attendance: text('attendance'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true, mode: 'date' }),
    /** When the feedback question was sent: it is asked once. */
    feedbackAskedAt: timestamp('feedback_asked_at', { withTimezone: true, mode: 'date' }),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('training_rsvps_person_uq').on(t.sessionId, t.contactId),
    index('training_rsvps_contact_idx').on(t.contactId),
  ],
);

/** Feedback on a session (1-5 and an optional comment); anonymous after /hapusdata. */
export const trainingFeedback = pgTable(
  'training_feedback',
  {
    id: text('id').primaryKey(),
    sessionId: text('session_id')
      .notNull()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    contactId: text('contact_id').references(() => contacts.id, { onDelete: 'set null' }),
    rating: integer('rating').notNull(),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [uniqueIndex('training_feedback_person_uq').on(t.sessionId, t.contactId)],
);

/**
 * The check-in of a session, opened by its trainer or manager: a short code shown in the
 * room and a token for a Telegram deep link, valid until `expires_at`.
 */
export const trainingCheckins = pgTable(
  'training_checkins',
  {
    sessionId: text('session_id')
      .primaryKey()
      .references(() => trainingSessions.id, { onDelete: 'cascade' }),
    /** 6 characters without look-alikes (no 0/O, 1/I/L). */
    code: text('code').notNull(),
    token: text('token').notNull(),
    openedBy: text('opened_by').references(() => contacts.id, { onDelete: 'set null' }),
    openedAt: timestamp('opened_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('training_checkins_code_uq').on(t.code),
    uniqueIndex('training_checkins_token_uq').on(t.token),
  ],
);
