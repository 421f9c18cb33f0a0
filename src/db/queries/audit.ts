/**
 * The audit log: what staff did, on the web or in the chat. Entries stay for the programme;
 * /hapusdata of a person redacts the personal values (their name, the link to them).
 */
import { count, desc, eq, or } from 'drizzle-orm';
import type { Json } from '../../core/messages.js';
import type { Db } from '../client.js';
import { auditLog } from '../schema/index.js';

/** Keys of `before`/`after` that carry personal values, redacted by /hapusdata. */
export const AUDIT_PERSONAL_KEYS = ['name'] as const;

/** One audit entry as stored. */
export type AuditRow = typeof auditLog.$inferSelect;

/** What one entry records. */
export interface AuditEntry {
  actor: { id: string; displayName: string | null; role: string };
  /** `web`, or the chat channel the action came in on. */
  channel: string;
  action: string;
  subject: string;
  subjectContactId?: string | null;
  before?: Record<string, Json> | null;
  after?: Record<string, Json> | null;
  now: Date;
}

/** Writes one entry, in the caller's transaction (the one of the action itself). */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    actorId: entry.actor.id,
    actorName: entry.actor.displayName,
    actorRole: entry.actor.role,
    channel: entry.channel,
    action: entry.action,
    subject: entry.subject,
    subjectContactId: entry.subjectContactId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    createdAt: entry.now,
  });
}

/** A page of entries, newest first, and how many there are. */
export async function listAudit(
  db: Db,
  params: { limit: number; offset: number },
): Promise<{ rows: AuditRow[]; total: number }> {
  const rows = await db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(params.limit)
    .offset(params.offset);
  const [total] = await db.select({ n: count() }).from(auditLog);
  return { rows, total: Number(total?.n ?? 0) };
}

function redacted(values: unknown): Record<string, Json> | null {
  if (!values || typeof values !== 'object') return null;
  const copy = { ...(values as Record<string, Json>) };
  for (const key of AUDIT_PERSONAL_KEYS) if (key in copy) copy[key] = null;
  return copy;
}

/**
 * /hapusdata: entries by or about the contact stay, without their name and without the
 * link to them.
 */
export async function eraseAuditOf(db: Db, params: { contactId: string }): Promise<void> {
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      or(eq(auditLog.actorId, params.contactId), eq(auditLog.subjectContactId, params.contactId)),
    );
  for (const row of rows) {
    const byThem = row.actorId === params.contactId;
    const aboutThem = row.subjectContactId === params.contactId;
    await db
      .update(auditLog)
      .set({
        ...(byThem ? { actorId: null, actorName: null } : {}),
        ...(aboutThem
          ? { subjectContactId: null, before: redacted(row.before), after: redacted(row.after) }
          : {}),
      })
      .where(eq(auditLog.id, row.id));
  }
}
