/** Trainers of training sessions: registered people with a staff role, found by name or number. */
import { and, asc, eq, ilike, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { STAFF_ROLES } from '../../domain/roles.js';
import type { Db } from '../client.js';
import { channelIdentities, contacts } from '../schema/index.js';

/** A person who may train a session, as the wizard offers them. */
export interface TrainerCandidate {
  id: string;
  name: string;
  role: string;
  villageCode: string | null;
}

const registeredStaff = and(
  isNull(contacts.deletedAt),
  isNotNull(contacts.consentVersion),
  isNotNull(contacts.registeredAt),
  isNotNull(contacts.displayName),
  inArray(contacts.role, [...STAFF_ROLES]),
);

/** `%`, `_` and `\` typed by a person match themselves, not any text. */
const literal = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** What is shown of a trainer, read the same way by both lookups. */
const TRAINER_COLUMNS = {
  id: contacts.id,
  name: contacts.displayName,
  role: contacts.role,
  villageCode: contacts.villageCode,
};

/**
 * Registered people with a staff role whose name contains `name` (any case), or whose
 * number on any channel is `phone` ("+62…"); at most `limit`, by name.
 */
export async function findTrainerCandidates(
  db: Db,
  params: { name: string; phone?: string; limit: number },
): Promise<TrainerCandidate[]> {
  const byPhone = params.phone
    ? inArray(
        contacts.id,
        db
          .select({ id: channelIdentities.contactId })
          .from(channelIdentities)
          .where(eq(channelIdentities.phone, params.phone)),
      )
    : undefined;
  const rows = await db
    .select(TRAINER_COLUMNS)
    .from(contacts)
    .where(
      and(registeredStaff, or(ilike(contacts.displayName, `%${literal(params.name)}%`), byPhone)),
    )
    .orderBy(asc(contacts.displayName), asc(contacts.id))
    .limit(params.limit);
  return rows.map((row) => ({ ...row, name: row.name ?? '' }));
}

/** The trainer with this id, if they are still a registered person with a staff role. */
export async function trainerById(
  db: Db,
  params: { contactId: string },
): Promise<TrainerCandidate | undefined> {
  const [row] = await db
    .select(TRAINER_COLUMNS)
    .from(contacts)
    .where(and(registeredStaff, eq(contacts.id, params.contactId)));
  return row ? { ...row, name: row.name ?? '' } : undefined;
}
