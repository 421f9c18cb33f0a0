import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.js';
import { conversations, inboundMessages } from '../schema/index.js';

/**
 * Records an inbound message id. Returns false when it was already recorded: the
 * platform delivered it again and it must change nothing. Without `contactId` for what
 * a channel answers itself, outside any conversation (a group invitation).
 */
export async function recordInbound(
  db: Db,
  params: { channel: string; messageId: string; contactId?: string; now: Date },
): Promise<boolean> {
  const rows = await db
    .insert(inboundMessages)
    .values({
      channel: params.channel,
      messageId: params.messageId,
      contactId: params.contactId ?? null,
      receivedAt: params.now,
    })
    .onConflictDoNothing()
    .returning({ messageId: inboundMessages.messageId });
  return rows.length > 0;
}

/** True when an inbound message id is recorded: a delivery of it again changes nothing. */
export async function isInboundRecorded(
  db: Db,
  params: { channel: string; messageId: string },
): Promise<boolean> {
  const rows = await db
    .select({ messageId: inboundMessages.messageId })
    .from(inboundMessages)
    .where(
      and(
        eq(inboundMessages.channel, params.channel),
        eq(inboundMessages.messageId, params.messageId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

/**
 * The contact's conversation row, locked for this transaction so that two processes
 * never run the same person's conversation at once.
 */
export async function loadConversationForUpdate(
  db: Db,
  params: { contactId: string },
): Promise<{ state: unknown; channel: string } | undefined> {
  const rows = await db
    .select({ state: conversations.state, channel: conversations.channel })
    .from(conversations)
    .where(eq(conversations.contactId, params.contactId))
    .for('update')
    .limit(1);
  return rows[0];
}

/** Saves the conversation state and the channel the person last used. */
export async function saveConversation(
  db: Db,
  params: { contactId: string; channel: string; state: unknown; now: Date },
): Promise<void> {
  await db
    .insert(conversations)
    .values({
      contactId: params.contactId,
      channel: params.channel,
      state: params.state,
      updatedAt: params.now,
    })
    .onConflictDoUpdate({
      target: conversations.contactId,
      set: { channel: params.channel, state: params.state, updatedAt: params.now },
    });
}
