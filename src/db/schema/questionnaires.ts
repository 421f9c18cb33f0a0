import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { contacts } from './contacts.js';

/**
 * The anonymous key under which a person's questionnaire answers are stored. The link to
 * the person is cut when they delete their data; their answers then stay in village
 * aggregates under this key alone.
 */
export const questionnaireRespondents = pgTable('questionnaire_respondents', {
  /** Random, meaningless outside this table. */
  id: text('id').primaryKey(),
  /** The person; null once they deleted their data. */
  contactId: text('contact_id')
    .unique('questionnaire_respondents_contact_uq')
    .references(() => contacts.id, { onDelete: 'set null' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
});

/**
 * One respondent's answers to one pillar's bank version, about one village (the person's
 * village when they answered). Scored by that version, whatever the bank says today.
 */
export const questionnaireResponses = pgTable(
  'questionnaire_responses',
  {
    id: text('id').primaryKey(),
    respondentId: text('respondent_id')
      .notNull()
      .references(() => questionnaireRespondents.id, { onDelete: 'cascade' }),
    /** Kemendagri code of the desa/kelurahan the answers are about. */
    villageCode: text('village_code').notNull(),
    /** tata_kelola, masyarakat, lingkungan, hidup, ekonomi or mobilitas. */
    pillar: text('pillar').notNull(),
    bankVersion: integer('bank_version').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When the last item that applied was answered; null while items are open. */
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [
    uniqueIndex('questionnaire_responses_uq').on(
      t.respondentId,
      t.villageCode,
      t.pillar,
      t.bankVersion,
    ),
    index('questionnaire_responses_village_idx').on(t.villageCode, t.pillar),
  ],
);

/** The answer to one item of a response: the latest one given (`kembali` replaces it). */
export const questionnaireAnswers = pgTable(
  'questionnaire_answers',
  {
    responseId: text('response_id')
      .notNull()
      .references(() => questionnaireResponses.id, { onDelete: 'cascade' }),
    /** The item's id in the response's bank version (G1, P4, ...). */
    itemId: text('item_id').notNull(),
    /** The Answer as JSON: `{ type: 'choice', value: 'some' }`, `{ type: 'dont_know' }`, ... */
    answer: jsonb('answer').notNull(),
    /** K (confirmed kader or perangkat of the village) or W, when answered. */
    audience: text('audience').notNull(),
    /** The person's role when answered. */
    role: text('role').notNull(),
    /** When first answered. */
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** When last answered. */
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.itemId] })],
);
