import type { RenderedMessage } from '../../src/core/messages.js';
import type { Db } from '../../src/db/client.js';
import { channelIdentities, contacts } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import type { SendResult } from '../../src/runtime/types.js';

export { createTestClock, type TestClock } from '../support/clock.js';

/** A logger that writes nothing (the harness's `silentLogger`). */
export { silentLogger as quietLogger } from '../support/logger.js';

/** A channel that records who it sent to, in order, and the text sent. */
export interface ListeningChannel {
  name: string;
  sent: { externalId: string; text: string }[];
  send(externalId: string, message: RenderedMessage): Promise<SendResult>;
}

/** Creates a {@link ListeningChannel} that accepts every send. */
export function createListeningChannel(name = 'test'): ListeningChannel {
  const channel: ListeningChannel = {
    name,
    sent: [],
    async send(externalId, message) {
      channel.sent.push({ externalId, text: message.texts.join('\n') });
      return { type: 'sent' };
    },
  };
  return channel;
}

/** What {@link addPeople} writes for each person. */
export interface Person {
  externalId: string;
  /** Registered with the current consent unless false. */
  registered?: boolean;
  deleted?: boolean;
  unreachable?: boolean;
  /** False: no channel identity at all. */
  identity?: boolean;
  role?: string;
  villageCode?: string;
  language?: string;
  name?: string;
}

/** Writes people straight into the database, many per statement; returns their contact ids. */
export async function addPeople(db: Db, people: Person[], now: Date): Promise<string[]> {
  const CHUNK = 1_000;
  for (let start = 0; start < people.length; start += CHUNK) {
    const chunk = people.slice(start, start + CHUNK);
    await db.insert(contacts).values(
      chunk.map((p) => ({
        id: `contact-${p.externalId}`,
        displayName: p.name ?? `Warga ${p.externalId}`,
        language: p.language ?? 'id',
        role: p.role ?? 'warga',
        villageCode: p.villageCode ?? '32.03.03.2013',
        consentVersion: p.registered === false ? null : PRIVACY_NOTICE_VERSION,
        registeredAt: p.registered === false ? null : now,
        deletedAt: p.deleted ? now : null,
        createdAt: now,
        updatedAt: now,
      })),
    );
    const reachable = chunk.filter((p) => p.identity !== false);
    if (reachable.length === 0) continue;
    await db.insert(channelIdentities).values(
      reachable.map((p) => ({
        id: `identity-${p.externalId}`,
        contactId: `contact-${p.externalId}`,
        channel: 'test',
        externalId: p.externalId,
        unreachableSince: p.unreachable ? now : null,
        createdAt: now,
      })),
    );
  }
  return people.map((p) => `contact-${p.externalId}`);
}
