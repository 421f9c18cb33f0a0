/**
 * A person's questionnaire answers: their anonymous respondent key, their responses (one
 * per village, pillar and bank version) and the answer to each item.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import {
  questionnaireAnswers,
  questionnaireRespondents,
  questionnaireResponses,
} from '../schema/index.js';

/** A response row. */
export type ResponseRow = typeof questionnaireResponses.$inferSelect;

/** One answer with the response it belongs to. */
export interface ResponseAnswerRow {
  responseId: string;
  villageCode: string;
  pillar: string;
  bankVersion: number;
  itemId: string;
  /** The stored Answer JSON; read it with `parseAnswer`. */
  answer: unknown;
  audience: string;
  answeredAt: Date;
}

/** The contact's respondent key, if they ever answered. */
export async function respondentOf(
  db: Db,
  params: { contactId: string },
): Promise<string | undefined> {
  const rows = await db
    .select({ id: questionnaireRespondents.id })
    .from(questionnaireRespondents)
    .where(eq(questionnaireRespondents.contactId, params.contactId))
    .limit(1);
  return rows[0]?.id;
}

/** The contact's respondent key, created with `id` when they have none. */
export async function ensureRespondent(
  db: Db,
  params: { contactId: string; id: string; now: Date },
): Promise<string> {
  await db
    .insert(questionnaireRespondents)
    .values({ id: params.id, contactId: params.contactId, createdAt: params.now })
    .onConflictDoNothing({ target: questionnaireRespondents.contactId });
  const id = await respondentOf(db, params);
  if (!id) throw new Error('respondent insert returned no row');
  return id;
}

/**
 * Cuts the link between a person and their respondent key (they deleted their data):
 * their answers stay, anonymous, in village aggregates.
 */
export async function forgetRespondent(db: Db, params: { contactId: string }): Promise<void> {
  await db
    .update(questionnaireRespondents)
    .set({ contactId: null })
    .where(eq(questionnaireRespondents.contactId, params.contactId));
}

/** Every response of a respondent about a village, oldest version first. */
export async function responsesOf(
  db: Db,
  params: { respondentId: string; villageCode: string },
): Promise<ResponseRow[]> {
  return db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.respondentId, params.respondentId),
        eq(questionnaireResponses.villageCode, params.villageCode),
      ),
    )
    .orderBy(asc(questionnaireResponses.pillar), asc(questionnaireResponses.bankVersion));
}

/** The response with this id, if it belongs to the respondent. */
export async function responseOf(
  db: Db,
  params: { respondentId: string; responseId: string },
): Promise<ResponseRow | undefined> {
  const rows = await db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.id, params.responseId),
        eq(questionnaireResponses.respondentId, params.respondentId),
      ),
    )
    .limit(1);
  return rows[0];
}

/** Starts a response; returns the existing one when the respondent already has it. */
export async function createResponse(
  db: Db,
  params: {
    id: string;
    respondentId: string;
    villageCode: string;
    pillar: string;
    bankVersion: number;
    now: Date;
  },
): Promise<ResponseRow> {
  await db
    .insert(questionnaireResponses)
    .values({
      id: params.id,
      respondentId: params.respondentId,
      villageCode: params.villageCode,
      pillar: params.pillar,
      bankVersion: params.bankVersion,
      startedAt: params.now,
      updatedAt: params.now,
    })
    .onConflictDoNothing();
  const rows = await db
    .select()
    .from(questionnaireResponses)
    .where(
      and(
        eq(questionnaireResponses.respondentId, params.respondentId),
        eq(questionnaireResponses.villageCode, params.villageCode),
        eq(questionnaireResponses.pillar, params.pillar),
        eq(questionnaireResponses.bankVersion, params.bankVersion),
      ),
    );
  const row = rows[0];
  if (!row) throw new Error('response insert returned no row');
  return row;
}

/** The answers of these responses, in item order of answering. */
export async function answersOf(
  db: Db,
  params: { responseIds: string[] },
): Promise<ResponseAnswerRow[]> {
  if (params.responseIds.length === 0) return [];
  return db
    .select({
      responseId: questionnaireAnswers.responseId,
      villageCode: questionnaireResponses.villageCode,
      pillar: questionnaireResponses.pillar,
      bankVersion: questionnaireResponses.bankVersion,
      itemId: questionnaireAnswers.itemId,
      answer: questionnaireAnswers.answer,
      audience: questionnaireAnswers.audience,
      answeredAt: questionnaireAnswers.answeredAt,
    })
    .from(questionnaireAnswers)
    .innerJoin(
      questionnaireResponses,
      eq(questionnaireResponses.id, questionnaireAnswers.responseId),
    )
    .where(inArray(questionnaireAnswers.responseId, params.responseIds))
    .orderBy(asc(questionnaireAnswers.createdAt), asc(questionnaireAnswers.itemId));
}

/**
 * Saves the answer to one item of a response, replacing an earlier one (its first time
 * is kept), with the person's audience and role now.
 */
export async function saveAnswer(
  db: Db,
  params: {
    responseId: string;
    itemId: string;
    answer: unknown;
    audience: string;
    role: string;
    now: Date;
    /** When the answer was first given; `now` by default (an answer carried over keeps its own). */
    createdAt?: Date;
  },
): Promise<void> {
  const values = {
    responseId: params.responseId,
    itemId: params.itemId,
    answer: params.answer,
    audience: params.audience,
    role: params.role,
    createdAt: params.createdAt ?? params.now,
    answeredAt: params.now,
  };
  await db
    .insert(questionnaireAnswers)
    .values(values)
    .onConflictDoUpdate({
      target: [questionnaireAnswers.responseId, questionnaireAnswers.itemId],
      set: {
        answer: values.answer,
        audience: values.audience,
        role: values.role,
        answeredAt: values.answeredAt,
      },
    });
}

/**
 * Copies answers of an older response into a newer one (a new bank version still asks
 * those items), keeping when, by whom (audience, role) and how they were given.
 */
export async function copyAnswers(
  db: Db,
  params: { fromResponseId: string; toResponseId: string; itemIds: string[] },
): Promise<void> {
  if (params.itemIds.length === 0) return;
  const rows = await db
    .select()
    .from(questionnaireAnswers)
    .where(
      and(
        eq(questionnaireAnswers.responseId, params.fromResponseId),
        inArray(questionnaireAnswers.itemId, params.itemIds),
      ),
    );
  if (rows.length === 0) return;
  await db
    .insert(questionnaireAnswers)
    .values(rows.map((row) => ({ ...row, responseId: params.toResponseId })))
    .onConflictDoNothing();
}

/**
 * Records that a response changed: `completed` when no applicable item is open (the
 * first completion time is kept), otherwise open again.
 */
export async function markResponse(
  db: Db,
  params: { responseId: string; completed: boolean; now: Date },
): Promise<void> {
  await db
    .update(questionnaireResponses)
    .set({
      updatedAt: params.now,
      completedAt: params.completed
        ? sql`coalesce(${questionnaireResponses.completedAt}, ${params.now.toISOString()}::timestamptz)`
        : null,
    })
    .where(eq(questionnaireResponses.id, params.responseId));
}

/** Every answer of the contact (while linked to them), oldest response first. */
export async function answersOfContact(
  db: Db,
  params: { contactId: string },
): Promise<ResponseAnswerRow[]> {
  const respondentId = await respondentOf(db, params);
  if (!respondentId) return [];
  const responses = await db
    .select({ id: questionnaireResponses.id })
    .from(questionnaireResponses)
    .where(eq(questionnaireResponses.respondentId, respondentId))
    .orderBy(asc(questionnaireResponses.startedAt), asc(questionnaireResponses.id));
  return answersOf(db, { responseIds: responses.map((r) => r.id) });
}
