import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { proto } from '@whiskeysockets/baileys';
import sharp from 'sharp';
import type { PairingPrompt } from '../../../src/channels/whatsapp/connection.js';
import {
  createWhatsappChannel,
  type WhatsappChannel,
  type WhatsappChannelDeps,
} from '../../../src/channels/whatsapp/index.js';
import { whatsappAuthStore } from '../../../src/db/queries/whatsapp-auth.js';
import {
  languageOfIdentity,
  linkWhatsappIdentity,
} from '../../../src/db/queries/whatsapp-identities.js';
import { createMediaStore } from '../../../src/media/store.js';
import type { TestDatabase } from '../../support/db.js';
import { createHarness, createTestIds, type Harness, silentLogger } from '../../support/harness.js';
import { createFakeSocketFactory, createManualSchedule, type FakeSocket } from './fake-socket.js';
import { incoming } from './messages.js';

/** Largest picture the test channel downloads, in bytes. */
export const TEST_MEDIA_MAX_BYTES = 200_000;
/** The send interval of the test channel, in milliseconds. */
export const TEST_SEND_INTERVAL_MS = 1_500;
/** Messages held longer than this while the bot was away are not answered, in ms. */
export const TEST_STALE_AFTER_MS = 24 * 3_600_000;
/** An admin number of the test channel. */
export const ADMIN_PHONE = '6281100000001';

/** A runtime on a test database with the WhatsApp channel on a fake socket. */
export interface WhatsappTest {
  h: Harness;
  wa: WhatsappChannel;
  sockets: ReturnType<typeof createFakeSocketFactory>;
  timers: ReturnType<typeof createManualSchedule>;
  /** Every wait the sender asked for, in milliseconds. */
  sleeps: number[];
  prompts: PairingPrompt[];
  /** The bytes the fake download returns. */
  image: { bytes: Uint8Array };
  socket(): FakeSocket;
  /**
   * Delivers one message from `jid` and returns what the bot sent to `replyTo` (the
   * sender's LID or phone-number address) in answer.
   */
  say(
    jid: string,
    content: string | proto.IMessage,
    options?: Parameters<typeof incoming>[2] & { replyTo?: string },
  ): Promise<string[]>;
  close(): Promise<void>;
}

/** Options of {@link createWhatsappTest}. */
export interface WhatsappTestOptions {
  db?: TestDatabase;
  /** Idle people open onboarding until registered, as in the app (else the menu). */
  onboarding?: boolean;
  pairingNumber?: string;
  lock?: WhatsappChannelDeps['lock'];
  /** Leave the first socket unopened (to test pairing). */
  noOpen?: boolean;
}

/** Builds a {@link WhatsappTest} and opens its first socket. */
export async function createWhatsappTest(options: WhatsappTestOptions = {}): Promise<WhatsappTest> {
  const h = await createHarness({ db: options.db, onboarding: options.onboarding });
  const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sapa-wa-media-'));
  const sockets = createFakeSocketFactory();
  const timers = createManualSchedule();
  const sleeps: number[] = [];
  const prompts: PairingPrompt[] = [];
  const image = {
    bytes: await sharp({
      create: { width: 8, height: 6, channels: 3, background: '#3a7' },
    })
      .png()
      .toBuffer(),
  };
  const db = h.db.db;
  const identityIds = createTestIds('wa-identity');
  const wa = createWhatsappChannel({
    config: {
      sendIntervalMs: TEST_SEND_INTERVAL_MS,
      adminNumbers: [ADMIN_PHONE],
      mediaMaxBytes: TEST_MEDIA_MAX_BYTES,
      pairingNumber: options.pairingNumber,
      staleAfterMs: TEST_STALE_AFTER_MS,
    },
    authStore: whatsappAuthStore(db),
    linkIdentity: (sender) =>
      linkWhatsappIdentity(db, sender, {
        adminPhones: [ADMIN_PHONE],
        siblings: { channels: ['whatsapp-cloud'], newId: identityIds.next, now: h.clock.now },
      }),
    media: createMediaStore({
      db,
      mediaDir,
      maxBytes: TEST_MEDIA_MAX_BYTES,
      clock: h.clock,
      ids: createTestIds('media'),
    }),
    receive: (inbound) => h.runtime.receive(inbound),
    recordOnce: (key) => h.runtime.recordOnce(key),
    translate: h.translator.translate,
    languageOf: (externalId) => languageOfIdentity(db, { channel: 'whatsapp', externalId }),
    defaultLanguage: 'id',
    lock: options.lock,
    clock: h.clock,
    logger: silentLogger,
    makeSocket: sockets.makeSocket,
    downloadImage: async () => image.bytes,
    loadPhoto: async () => image.bytes,
    showPairing: (prompt) => prompts.push(prompt),
    schedule: timers.schedule,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
  });
  h.runtime.addChannel(wa.channel);
  await wa.start();
  if (!options.noOpen && sockets.sockets.length > 0) sockets.current.open();

  return {
    h,
    wa,
    sockets,
    timers,
    sleeps,
    prompts,
    image,
    socket: () => sockets.current,
    async say(jid, content, sayOptions = {}) {
      const socket = sockets.current;
      const message = typeof content === 'string' ? { conversation: content } : content;
      socket.deliver(incoming(jid, message, sayOptions));
      await wa.idle();
      return socket.take(sayOptions.replyTo ?? jid);
    },
    async close() {
      await wa.stop();
      await h.close();
      fs.rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
