import { eq } from 'drizzle-orm';
import { Api } from 'grammy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallbackSigner } from '../../../src/channels/telegram/callback-data.js';
import type { InPlaceStore } from '../../../src/channels/telegram/in-place.js';
import { createTelegramSender } from '../../../src/channels/telegram/sender.js';
import type { Outbound } from '../../../src/core/messages.js';
import {
  inPlaceMessageId,
  recordPlatformMessageId,
} from '../../../src/db/queries/outbox-in-place.js';
import { outbox } from '../../../src/db/schema/index.js';
import { addPeople } from '../../runtime/scheduler-support.js';
import { createTestDb, DRIVERS, type TestDatabase } from '../../support/db.js';
import { type FakeBotApi, startFakeBotApi } from '../../support/fake-bot-api.js';
import { silentLogger } from '../../support/harness.js';

const CHAT = 42;
const NOW = new Date('2026-03-02T01:00:00Z');

describe.each(DRIVERS)('a message kept up to date in place over Telegram on %s', (driver) => {
  let db: TestDatabase;
  let fake: FakeBotApi;
  let sender: ReturnType<typeof createTelegramSender>;

  beforeAll(async () => {
    db = await createTestDb(driver);
    await addPeople(db.db, [{ externalId: String(CHAT) }], NOW);
    fake = await startFakeBotApi();
    const store: InPlaceStore = {
      find: async (params) => {
        const id = await inPlaceMessageId(db.db, params);
        return id === undefined ? undefined : Number(id);
      },
      record: ({ outboxId, messageId }) =>
        recordPlatformMessageId(db.db, { outboxId, platformMessageId: String(messageId) }),
    };
    sender = createTelegramSender({
      api: new Api(fake.token, { apiRoot: fake.apiRoot }),
      pace: { take: async () => {}, pause: () => {}, spare: () => true },
      signer: createCallbackSigner(fake.token),
      translate: (text) => text.key,
      defaultLanguage: 'id',
      logger: silentLogger,
      inPlace: store,
    });
  });
  afterAll(async () => {
    await fake.close();
    await db.close();
  });

  /** Writes the message as an outbox row, as a job would, and sends it as the outbox does. */
  async function send(text: string, key?: string) {
    const outbound: Outbound = { texts: [{ key: text }], ...(key ? { inPlace: { key } } : {}) };
    const [row] = await db.db
      .insert(outbox)
      .values({
        contactId: `contact-${CHAT}`,
        channel: 'telegram',
        externalId: String(CHAT),
        message: outbound,
        nextAttemptAt: NOW,
        createdAt: NOW,
      })
      .returning({ id: outbox.id });
    const result = await sender.send(
      String(CHAT),
      { texts: [text] },
      {
        outboxId: row?.id ?? 0,
        outbound,
      },
    );
    expect(result).toEqual({ type: 'sent' });
    return row?.id ?? 0;
  }
  const texts = () =>
    fake
      .chat(CHAT)
      .messages()
      .map((m) => m.text);

  it('sends the first, edits it with the next ones, and leaves other messages alone', async () => {
    const first = await send('📢 Siaran #1: 100 / 300 terkirim', 'progress:1');
    await send('Halo', undefined);
    await send('📢 Siaran #1: 200 / 300 terkirim', 'progress:1');
    // The same text again (an edit sent twice after a crash): Telegram says "not modified".
    await send('📢 Siaran #1: 200 / 300 terkirim', 'progress:1');
    await send('📢 Siaran #2: 5 / 10 terkirim', 'progress:2');
    expect(texts()).toEqual([
      '📢 Siaran #1: 200 / 300 terkirim',
      'Halo',
      '📢 Siaran #2: 5 / 10 terkirim',
    ]);
    expect(fake.callsOf('editMessageText')).toHaveLength(2);
    const [row] = await db.db
      .select({ id: outbox.platformMessageId })
      .from(outbox)
      .where(eq(outbox.id, first));
    expect(row?.id).toBe('1');
  });

  it('sends a new message when the one to edit is gone, and edits that one next', async () => {
    await db.db
      .update(outbox)
      .set({ platformMessageId: '999' })
      .where(eq(outbox.channel, 'telegram'));
    await send('📢 Siaran #1: 300 / 300 terkirim', 'progress:1');
    await send('📢 Siaran #1: selesai', 'progress:1');
    expect(texts()).toEqual([
      '📢 Siaran #1: 200 / 300 terkirim',
      'Halo',
      '📢 Siaran #2: 5 / 10 terkirim',
      '📢 Siaran #1: selesai',
    ]);
  });
});
