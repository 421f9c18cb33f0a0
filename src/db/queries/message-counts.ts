import { count, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { inboundMessages, outbox } from '../schema/index.js';

/** How many messages of a contact the bot keeps a trace of, each way. */
export async function countMessagesOf(
  db: Db,
  params: { contactId: string },
): Promise<{ inbound: number; outbound: number }> {
  const [inbound] = await db
    .select({ n: count() })
    .from(inboundMessages)
    .where(eq(inboundMessages.contactId, params.contactId));
  const [outbound] = await db
    .select({ n: count() })
    .from(outbox)
    .where(eq(outbox.contactId, params.contactId));
  return { inbound: Number(inbound?.n ?? 0), outbound: Number(outbound?.n ?? 0) };
}
