import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { channelIdentities, contacts } from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import { loadVillageDirectory, parseCsv } from '../../src/domain/villages.js';
import { BROADCAST_CSV_HEADER, exportBroadcastReach } from '../../src/export/broadcast.js';
import { OUTBOX_SWEEP_CONCURRENCY } from '../../src/runtime/outbox-sender.js';
import { createFreshPostgresDatabase } from '../bench/support.js';
import { type BotProcess, startBotProcess } from '../support/bot-process.js';
import { NO_POSTGRES, TEST_DATABASE_URL } from '../support/db.js';
import { startFakeBotApi } from '../support/fake-bot-api.js';
import { queueBroadcast, seedTelegramPeople } from './broadcast-support.js';

const RECIPIENTS = 2_000;
const FIRST_CHAT_ID = 500_000;
const ADMIN_CHAT_ID = 400_000;
/** Recipients who blocked the bot: the report counts them failed, the CSV per village. */
const BLOCKED = 20;
/** The kill: when this many recipients got the message. */
const KILL_AFTER = 1_000;
/** A 429 with retry_after is injected at every this many sends. */
const RATE_LIMIT_EVERY = 300;
const VILLAGES = ['32.03.03.2013', '32.03.03.2012', '32.04.08.2002'];
const TEXT = 'Bimtek Desa Cerdas hari Sabtu';
/** Longest the whole delivery may take. */
const DELIVERY_TIMEOUT_MS = 240_000;

describe.skipIf(NO_POSTGRES)('a broadcast over Telegram through a kill -9', () => {
  it(
    'delivers 2,000 recipients with 429s and a kill -9: one copy each, the report and the CSV right',
    async () => {
      const fresh = await createFreshPostgresDatabase(TEST_DATABASE_URL ?? '', 'bcast');
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-bcast-'));
      const database = await openDatabase({ driver: 'postgres', url: fresh.url });
      let bot: BotProcess | undefined;
      let restarting: Promise<void> = Promise.resolve();
      let delivered = 0;
      let sends = 0;
      const fake = await startFakeBotApi({
        longPollMs: 500,
        onSend: (message) => {
          sends += 1;
          if (sends % RATE_LIMIT_EVERY === 0) {
            fake.failNext('sendMessage', {
              status: 429,
              description: 'Too Many Requests: retry after 1',
              retryAfter: 1,
            });
          }
          if (message.chatId < FIRST_CHAT_ID || !message.text.includes(TEXT)) return;
          delivered += 1;
          if (delivered !== KILL_AFTER || !bot) return;
          const dying = bot;
          dying.kill();
          restarting = dying.exited.then(async () => {
            bot = await start();
          });
        },
      });
      const start = () =>
        startBotProcess({
          fake,
          databaseUrl: fresh.url,
          dataDir,
          env: { TELEGRAM_SEND_PER_SECOND: '200' },
        });
      try {
        const now = new Date();
        const chatIds = await seedTelegramPeople(database.db, {
          count: RECIPIENTS,
          firstChatId: FIRST_CHAT_ID,
          villages: VILLAGES,
          now,
        });
        await database.db.insert(contacts).values({
          id: 'contact-admin',
          displayName: 'Admin',
          language: 'id',
          role: 'admin',
          villageCode: VILLAGES[0],
          consentVersion: PRIVACY_NOTICE_VERSION,
          registeredAt: now,
          createdAt: now,
          updatedAt: now,
        });
        await database.db.insert(channelIdentities).values({
          id: 'identity-admin',
          contactId: 'contact-admin',
          channel: 'telegram',
          externalId: String(ADMIN_CHAT_ID),
          createdAt: now,
        });
        const blocked = chatIds.slice(0, BLOCKED);
        for (const chatId of blocked) fake.block(chatId);
        const number = await queueBroadcast(database.db, {
          id: 'crash-broadcast',
          senderId: 'contact-admin',
          text: TEXT,
          now,
        });
        bot = await start();

        const admin = fake.chat(ADMIN_CHAT_ID);
        const end = performance.now() + DELIVERY_TIMEOUT_MS;
        while (
          performance.now() < end &&
          !admin.messages().some((m) => m.text.includes(`Laporan siaran #${number}`))
        ) {
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        await restarting;

        // Each recipient got exactly one copy; the blocked ones none.
        const copies = new Map<number, number>();
        for (const message of fake.sent) {
          if (message.chatId >= FIRST_CHAT_ID && message.text.includes(TEXT)) {
            copies.set(message.chatId, (copies.get(message.chatId) ?? 0) + 1);
          }
        }
        const missing = chatIds.slice(BLOCKED).filter((chatId) => !copies.has(chatId));
        const doubled = [...copies.values()].filter((n) => n > 1).length;
        expect(missing).toEqual([]);
        expect(blocked.filter((chatId) => copies.has(chatId))).toEqual([]);
        // At most the messages in flight at the kill (see the README): one per person the
        // sweeper was sending to at that instant.
        expect(doubled).toBeLessThanOrEqual(OUTBOX_SWEEP_CONCURRENCY);
        expect(fake.callsOf('sendMessage').length).toBeGreaterThan(RECIPIENTS);

        // The report ends at the right numbers.
        const report = admin.messages().find((m) => m.text.includes(`Laporan siaran #${number}`));
        expect(report?.text).toContain('Terkirim: 1.980');
        expect(report?.text).toContain(`Gagal: ${BLOCKED}`);
        // The progress is one message, edited in place, ending at the final numbers.
        const progress = admin.messages().filter((m) => m.text.startsWith(`📢 Siaran #${number}:`));
        expect(progress.map((m) => m.text)).toEqual([
          `📢 Siaran #${number}: 1.980 / 2.000 terkirim, ${BLOCKED} gagal.`,
        ]);

        // The "not reached" CSV: the blocked people, by village.
        const directory = await loadVillageDirectory();
        const exported = await exportBroadcastReach(database.db, { number, directory });
        const [header, ...rows] = parseCsv(exported?.csv ?? '');
        expect(header).toEqual([...BROADCAST_CSV_HEADER]);
        const at = (name: (typeof BROADCAST_CSV_HEADER)[number]) =>
          BROADCAST_CSV_HEADER.indexOf(name);
        expect(rows.map((row) => row[0]).sort()).toEqual([...VILLAGES].sort());
        const sum = (name: (typeof BROADCAST_CSV_HEADER)[number]) =>
          rows.reduce((total, row) => total + Number(row[at(name)]), 0);
        expect(sum('penerima')).toBe(RECIPIENTS);
        expect(sum('terkirim')).toBe(RECIPIENTS - BLOCKED);
        expect(sum('tidak_terjangkau_total')).toBe(BLOCKED);
        for (const village of VILLAGES) {
          const expected = blocked.filter((_, i) => VILLAGES[i % VILLAGES.length] === village);
          const row = rows.find((r) => r[0] === village);
          expect(Number(row?.[at('tidak_terjangkau_total')])).toBe(expected.length);
        }
      } finally {
        await restarting;
        await bot?.stop();
        await fake.close();
        await database.close();
        await fresh.drop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      }
    },
    DELIVERY_TIMEOUT_MS + 120_000,
  );
});
