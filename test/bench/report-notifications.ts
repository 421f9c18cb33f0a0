import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { count, eq, ne } from 'drizzle-orm';
import { moveReport } from '../../flows/reports/actions/moves.js';
import { createTelegramChannel } from '../../src/channels/telegram/index.js';
import type { Database } from '../../src/db/client.js';
import { getContact } from '../../src/db/queries/contacts.js';
import {
  channelIdentities,
  contacts,
  outbox,
  reportHistory,
  reports,
} from '../../src/db/schema/index.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';
import type { ActionContext } from '../../src/runtime/types.js';
import { type FakeBotApi, startFakeBotApi } from '../support/fake-bot-api.js';
import { createHarness, createTestIds, type Harness, silentLogger } from '../support/harness.js';
import { openFreshDatabase, percentile } from './support.js';

/** Notifications written and delivered, unless told otherwise. */
export const DEFAULT_NOTIFICATIONS = 1_000;
/** First chat id of the simulated reporters. */
const FIRST_CHAT_ID = 700_000;
/** Rows inserted per statement while seeding. */
const SEED_BATCH = 250;
/** Longest the delivery may take before the bench gives up, in milliseconds. */
const DELIVERY_TIMEOUT_MS = 300_000;
/** Pause between two checks of the fake's count while delivering, in milliseconds. */
const POLL_MS = 20;
const VILLAGE = '32.03.03.2013';
const STAFF_ID = 'bench-perangkat';

/** Options of {@link runReportNotificationsBench}; `url` is the server for `postgres`. */
export interface ReportNotificationsBenchOptions {
  driver: 'pglite' | 'postgres';
  url?: string;
  count?: number;
  /** The channel's overall send pace; Infinity measures the bot without Telegram's limit. */
  sendsPerSecond?: number;
}

/** What one run measured; times in milliseconds. `problems` is empty when all was right. */
export interface ReportNotificationsFigures {
  driver: 'pglite' | 'postgres';
  notifications: number;
  sendsPerSecond: number | 'default';
  writeMs: number;
  moveP50Ms: number;
  moveP99Ms: number;
  deliverMs: number;
  deliveredPerSecond: number;
  totalMs: number;
  problems: string[];
}

/** The real Telegram channel against the fake, for the harness `h()` once it exists. */
function telegramFor(fake: FakeBotApi, h: () => Harness, sendsPerSecond?: number) {
  return createTelegramChannel({
    token: fake.token,
    apiRoot: fake.apiRoot,
    adminIds: [],
    receive: (inbound) => h().runtime.receive(inbound),
    recordOnce: (key) => h().runtime.recordOnce(key),
    wasReceived: (key) => h().runtime.wasReceived(key),
    markUnreachable: (address) => h().runtime.markUnreachable(address),
    savePhoto: async () => ({ type: 'rejected', reason: 'not_an_image' }),
    maxPhotoBytes: 1_000_000,
    translate: (text, language) => h().translator.translate(text, language),
    languages: ['id', 'en'],
    defaultLanguage: 'id',
    clock: { now: () => new Date() },
    logger: silentLogger,
    sendsPerSecond,
    pollTimeoutSeconds: 1,
  });
}

/** Seeds the reporters and their reports, moves every report, then delivers the news. */
export async function runReportNotificationsBench(
  options: ReportNotificationsBenchOptions,
): Promise<ReportNotificationsFigures> {
  const amount = options.count ?? DEFAULT_NOTIFICATIONS;
  const database = await openFreshDatabase(options, 'rnbench');
  const fake = await startFakeBotApi({ longPollMs: 500 });
  let h: Harness | undefined;
  const telegram = telegramFor(fake, () => h as Harness, options.sendsPerSecond);
  h = await createHarness({
    db: database,
    onboarding: true,
    channels: [telegram.channel],
    exclusive: database.driver === 'pglite',
  });
  await telegram.start();
  try {
    await seed(database, amount);
    const started = performance.now();
    const latencies = await moveAll(database, h, amount);
    const writeMs = performance.now() - started;
    const delivering = performance.now();
    await deliverAll(h, () => fake.sent.filter((m) => m.chatId >= FIRST_CHAT_ID).length, amount);
    const deliverMs = performance.now() - delivering;
    latencies.sort((a, b) => a - b);
    return {
      driver: options.driver,
      notifications: amount,
      sendsPerSecond: options.sendsPerSecond ?? 'default',
      writeMs,
      moveP50Ms: percentile(latencies, 0.5),
      moveP99Ms: percentile(latencies, 0.99),
      deliverMs,
      deliveredPerSecond: (amount / deliverMs) * 1000,
      totalMs: writeMs + deliverMs,
      problems: await check(database, fake.sent, amount),
    };
  } finally {
    await telegram.stop();
    await h.close();
    await fake.close();
    await database.close();
  }
}

/** A registered, consenting contact of the bench village. */
function person(id: string, name: string, role: string, now: Date) {
  return {
    id,
    displayName: name,
    language: 'id',
    role,
    villageCode: VILLAGE,
    consentVersion: PRIVACY_NOTICE_VERSION,
    registeredAt: now,
    createdAt: now,
    updatedAt: now,
  };
}

/** Report number `n` of reporter number `n`, just received. */
function reportRow(n: number, now: Date) {
  return {
    id: `bench-report-${n}`,
    ticket: ticketOf(n),
    contactId: `bench-warga-${n}`,
    type: 'pengaduan',
    category: 'jalan',
    pillar: 'mobilitas',
    description: `Jalan rusak nomor ${n}`,
    villageCode: VILLAGE,
    anonymous: false,
    confidential: false,
    status: 'DITERIMA',
    createdAt: now,
    updatedAt: now,
  };
}

/** One perangkat desa and `amount` villagers on Telegram, each with a report DITERIMA. */
async function seed(database: Database, amount: number): Promise<void> {
  const now = new Date();
  const db = database.db;
  await db.insert(contacts).values(person(STAFF_ID, 'Pak Kades', 'perangkat_desa', now));
  for (let from = 0; from < amount; from += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, amount - from) }, (_, i) => from + i);
    await db
      .insert(contacts)
      .values(batch.map((n) => person(`bench-warga-${n}`, `Warga ${n}`, 'warga', now)));
    await db.insert(channelIdentities).values(
      batch.map((n) => ({
        id: `bench-identity-${n}`,
        contactId: `bench-warga-${n}`,
        channel: 'telegram',
        externalId: String(FIRST_CHAT_ID + n),
        createdAt: now,
      })),
    );
    await db.insert(reports).values(batch.map((n) => reportRow(n, now)));
  }
}

/** A distinct ticket per report, spelled in the ticket alphabet. */
function ticketOf(n: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code = '';
  for (let rest = n, i = 0; i < 5; i++, rest = Math.floor(rest / alphabet.length)) {
    code = alphabet.charAt(rest % alphabet.length) + code;
  }
  return `LP-${code}`;
}

/** Moves every report to DIVERIFIKASI, one transaction each; returns each move's time. */
async function moveAll(database: Database, h: Harness, amount: number): Promise<number[]> {
  const staff = await getContact(database.db, { contactId: STAFF_ID });
  if (!staff) throw new Error('the bench perangkat is missing');
  const ids = createTestIds('bench');
  const latencies: number[] = [];
  for (let n = 0; n < amount; n++) {
    const start = performance.now();
    await database.db.transaction(async (tx) => {
      const ctx: ActionContext = {
        tx,
        contact: staff,
        channel: 'test',
        clock: h.clock,
        ids,
        logger: silentLogger,
      };
      const move = { by: 'staff', to: 'DIVERIFIKASI' } as const;
      // A move to DIVERIFIKASI asks the reporter nothing: it carries no trigger effect.
      const { result } = await moveReport(ctx, { ticket: ticketOf(n), move, note: 'Sudah dicek' });
      if (result.outcome !== 'moved') throw new Error(`move ${n} refused: ${result.reason}`);
    });
    latencies.push(performance.now() - start);
  }
  return latencies;
}

/** Sweeps the outbox until the fake has every notification. */
async function deliverAll(h: Harness, delivered: () => number, amount: number): Promise<void> {
  const end = performance.now() + DELIVERY_TIMEOUT_MS;
  while (delivered() < amount) {
    if (performance.now() > end) throw new Error(`delivered ${delivered()} of ${amount}`);
    await h.runtime.outbox.sweep();
    if (delivered() < amount) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Every reporter told once, of their own ticket; every move recorded; nothing unsent. */
async function check(
  database: Database,
  sent: { chatId: number; text: string }[],
  amount: number,
): Promise<string[]> {
  const problems: string[] = [];
  const perChat = new Map<number, string[]>();
  for (const message of sent) {
    if (message.chatId >= FIRST_CHAT_ID) {
      perChat.set(message.chatId, [...(perChat.get(message.chatId) ?? []), message.text]);
    }
  }
  for (let n = 0; n < amount; n++) {
    const texts = perChat.get(FIRST_CHAT_ID + n) ?? [];
    if (texts.length !== 1 || !texts[0]?.includes(ticketOf(n))) {
      problems.push(
        `reporter ${n} got ${texts.length} messages: ${texts.join(' | ').slice(0, 80)}`,
      );
    }
  }
  const [moves] = await database.db
    .select({ n: count() })
    .from(reportHistory)
    .where(eq(reportHistory.toStatus, 'DIVERIFIKASI'));
  if (Number(moves?.n) !== amount) problems.push(`history rows: want ${amount}, found ${moves?.n}`);
  const [unsent] = await database.db
    .select({ n: count() })
    .from(outbox)
    .where(ne(outbox.status, 'sent'));
  if (Number(unsent?.n) > 0) problems.push(`outbox rows not sent: ${unsent?.n}`);
  return problems;
}

/** The figures as label/value rows for a plain table. */
export function reportNotificationsRows(figures: ReportNotificationsFigures): [string, string][] {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    ['database', figures.driver],
    ['notifications', String(figures.notifications)],
    ['send pace', `${figures.sendsPerSecond} messages/s`],
    ['write: moves + outbox rows', ms(figures.writeMs)],
    ['one move p50 / p99', `${ms(figures.moveP50Ms)} / ${ms(figures.moveP99Ms)}`],
    ['deliver to the fake Bot API', ms(figures.deliverMs)],
    ['delivered per second', figures.deliveredPerSecond.toFixed(1)],
    ['write + deliver', ms(figures.totalMs)],
    ['correctness', figures.problems.length === 0 ? 'ok' : `${figures.problems.length} problems`],
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({
    options: {
      count: { type: 'string' },
      url: { type: 'string' },
      unpaced: { type: 'boolean' },
    },
  });
  const figures = await runReportNotificationsBench({
    driver: values.url ? 'postgres' : 'pglite',
    url: values.url,
    count: values.count ? Number(values.count) : undefined,
    sendsPerSecond: values.unpaced ? Number.POSITIVE_INFINITY : undefined,
  });
  for (const [label, value] of reportNotificationsRows(figures))
    console.log(`${label.padEnd(30)}  ${value}`);
  for (const problem of figures.problems.slice(0, 10)) console.error(`PROBLEM: ${problem}`);
  process.exitCode = figures.problems.length === 0 ? 0 : 1;
}
