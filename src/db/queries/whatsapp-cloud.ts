import { and, eq, max, ne, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client.js';
import { channelIdentities, inboundMessages, outbox } from '../schema/index.js';

/**
 * When the person known on `channel` by `externalId` last wrote on that channel (the
 * start of the Cloud API's 24-hour window); undefined when never, or when the records
 * were purged.
 */
export async function lastInboundAt(
  db: Db,
  params: { channel: string; externalId: string },
): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: max(inboundMessages.receivedAt) })
    .from(inboundMessages)
    .innerJoin(channelIdentities, eq(channelIdentities.contactId, inboundMessages.contactId))
    .where(
      and(
        eq(inboundMessages.channel, params.channel),
        eq(channelIdentities.channel, params.channel),
        eq(channelIdentities.externalId, params.externalId),
      ),
    );
  const at = row?.at;
  return at ? new Date(at) : undefined;
}

/** A delivery update a platform sent about one of the bot's messages. */
export interface DeliveryStatus {
  platformMessageId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  at: Date;
  error?: string;
}

/**
 * Records a delivery update on the outbox row of its message: delivered and read times
 * (the first report of each kept; read implies delivered), or the failure with its code.
 * Updates may come in any order and more than once. Returns false when no row has that id.
 */
export async function recordDeliveryStatus(db: Db, update: DeliveryStatus): Promise<boolean> {
  const row = eq(outbox.platformMessageId, update.platformMessageId);
  const first = (column: AnyPgColumn): SQL =>
    sql`coalesce(${column}, ${update.at.toISOString()}::timestamptz)`;
  const set =
    update.status === 'sent'
      ? { sentAt: first(outbox.sentAt) }
      : update.status === 'delivered'
        ? { deliveredAt: first(outbox.deliveredAt) }
        : update.status === 'read'
          ? { deliveredAt: first(outbox.deliveredAt), readAt: first(outbox.readAt) }
          : { status: 'failed', lastError: update.error ?? 'failed (no reason given)' };
  const updated = await db
    .update(outbox)
    .set(set)
    .where(update.status === 'failed' ? and(row, ne(outbox.status, 'failed')) : row)
    .returning({ id: outbox.id });
  return updated.length > 0;
}
