/**
 * The platform message ids of sent messages, kept on their outbox rows: a message kept up
 * to date in place (`Outbound.inPlace`, a broadcast's progress) finds the one to edit by a
 * later message with the same key, and the Cloud API's delivery updates find their row.
 */
import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { outbox } from '../schema/index.js';

/**
 * The platform id recorded for the latest message with `key` to the same person and
 * address as outbox row `outboxId` (that row left out); undefined when there is none.
 */
export async function inPlaceMessageId(
  db: Db,
  params: { outboxId: number; externalId: string; key: string },
): Promise<string | undefined> {
  const person = db
    .select({ contactId: outbox.contactId })
    .from(outbox)
    .where(eq(outbox.id, params.outboxId));
  const [row] = await db
    .select({ id: outbox.platformMessageId })
    .from(outbox)
    .where(
      and(
        eq(outbox.contactId, sql`(${person})`),
        eq(outbox.externalId, params.externalId),
        ne(outbox.id, params.outboxId),
        isNotNull(outbox.platformMessageId),
        sql`${outbox.message}->'inPlace'->>'key' = ${params.key}`,
      ),
    )
    .orderBy(desc(outbox.id))
    .limit(1);
  return row?.id ?? undefined;
}

/** Records the platform's id of the message sent for outbox row `outboxId`. */
export async function recordPlatformMessageId(
  db: Db,
  params: { outboxId: number; platformMessageId: string },
): Promise<void> {
  await db
    .update(outbox)
    .set({ platformMessageId: params.platformMessageId })
    .where(eq(outbox.id, params.outboxId));
}
