import type { Db } from '../../src/db/client.js';
import { insertBroadcast } from '../../src/db/queries/broadcasts.js';
import { channelIdentities, contacts } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import { scheduleBroadcastStart } from '../../src/runtime/jobs/broadcasts.js';

/** Rows written per statement. */
const CHUNK = 1_000;

/**
 * Writes `count` registered warga with a Telegram identity (chat ids from `firstChatId`),
 * spread over `villages` in turn; returns their chat ids.
 */
export async function seedTelegramPeople(
  db: Db,
  params: { count: number; firstChatId: number; villages: string[]; now: Date; role?: string },
): Promise<number[]> {
  const chatIds = Array.from({ length: params.count }, (_, i) => params.firstChatId + i);
  for (let start = 0; start < chatIds.length; start += CHUNK) {
    const chunk = chatIds.slice(start, start + CHUNK);
    await db.insert(contacts).values(
      chunk.map((chatId, i) => ({
        id: `contact-${chatId}`,
        displayName: `Warga ${chatId}`,
        language: 'id',
        role: params.role ?? 'warga',
        villageCode: params.villages[(start + i) % params.villages.length] ?? null,
        consentVersion: PRIVACY_NOTICE_VERSION,
        registeredAt: params.now,
        createdAt: params.now,
        updatedAt: params.now,
      })),
    );
    await db.insert(channelIdentities).values(
      chunk.map((chatId) => ({
        id: `identity-${chatId}`,
        contactId: `contact-${chatId}`,
        channel: 'telegram',
        externalId: String(chatId),
        createdAt: params.now,
      })),
    );
  }
  return chatIds;
}

/** Writes a broadcast of `senderId` to every warga, due to start at `now` (as /siaran does). */
export async function queueBroadcast(
  db: Db,
  params: { id: string; senderId: string; text: string; now: Date; regionCode?: string },
): Promise<number> {
  return db.transaction(async (tx) => {
    const number = await insertBroadcast(tx, {
      id: params.id,
      senderId: params.senderId,
      senderRole: 'admin',
      audience: {
        roles: ['warga'],
        regionCode: params.regionCode ?? null,
        language: null,
        channel: null,
      },
      texts: { main: params.text, second: null },
      mainLanguage: 'id',
      photoMediaId: null,
      urgent: false,
      state: 'scheduled',
      startAt: params.now,
      zone: 'WIB',
      now: params.now,
    });
    await scheduleBroadcastStart(tx, { broadcastId: params.id, at: params.now, now: params.now });
    return number;
  });
}
