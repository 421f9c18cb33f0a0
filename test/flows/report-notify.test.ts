import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { conversations, outbox, reportHistory } from '../../src/db/schema/index.js';
import { SEND_MAX_ATTEMPTS, SEND_RETRY_MAX_MS } from '../../src/runtime/outbox-sender.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  createReportHarness,
  fileQuickly,
  newsFor,
  registerStaff,
  scriptedTickets,
  staffMove,
  statusesOf,
} from './report-support.js';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** A harness with a perangkat and a villager whose report LP-NTAAA is filed. */
async function setUp(profile: { language?: string } = {}): Promise<Harness> {
  const harness = await createReportHarness(scriptedTickets('NTAAA'), { exclusive: true });
  await registerStaff(harness, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
  await registerContact(harness, 'siti', { name: 'Siti', ...profile });
  await fileQuickly(harness, 'siti', {
    category: 1,
    description: 'Jalan berlubang di depan masjid',
  });
  await newsFor(harness, 'pak-kades');
  return harness;
}

async function rowsFor(harness: Harness, externalId: string) {
  return harness.db.db
    .select()
    .from(outbox)
    .where(eq(outbox.externalId, externalId))
    .orderBy(outbox.id);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('report notifications', () => {
  it('reach the reporter once per move across a crash and a restart, and a redelivered move changes nothing', async () => {
    h = await setUp();
    const harness = h;
    const before = (await rowsFor(harness, 'siti')).length;
    const send = harness.channel.send;
    // The process dies while the notification is being sent.
    harness.channel.send = (externalId, message) =>
      externalId === 'siti' ? new Promise<never>(() => {}) : send(externalId, message);
    await harness.say('pak-kades', '/kelola LP-NTAAA');
    await harness.say('pak-kades', 'tandai diverifikasi');
    await harness.say('pak-kades', 'Sudah dicek ke lokasi', 'staff-note-1');
    await waitFor(async () => (await rowsFor(harness, 'siti')).at(-1)?.status === 'sending');
    harness.channel.send = send;
    await harness.restart({ crashed: true });
    // The platform delivers the staff's last message again after the restart.
    await harness.say('pak-kades', 'Sudah dicek ke lokasi', 'staff-note-1');
    expect(await newsFor(harness, 'siti')).toEqual([
      expect.stringContaining('📣 Laporan *LP-NTAAA*: status sekarang *Diverifikasi*.'),
    ]);
    const rows = (await rowsFor(harness, 'siti')).slice(before);
    expect(rows.map((row) => [row.status, row.attempts])).toEqual([['sent', 1]]);
    expect(await statusesOf(harness, 'LP-NTAAA')).toEqual(['DITERIMA', 'DIVERIFIKASI']);
    const moves = await harness.db.db
      .select()
      .from(reportHistory)
      .where(eq(reportHistory.toStatus, 'DIVERIFIKASI'));
    expect(moves).toHaveLength(1);
  });

  it('are written in the reporter’s language at send time', async () => {
    h = await setUp({ language: 'en' });
    await staffMove(h, 'pak-kades', 'LP-NTAAA', {
      label: 'tandai diverifikasi',
      note: 'Sudah dicek',
    });
    expect(await newsFor(h, 'siti')).toEqual([
      '📣 Report *LP-NTAAA*: the status is now *Verified*.\n\nStaff note: “Sudah dicek”',
    ]);
  });

  it('to an unreachable reporter are recorded as failed at once, never attempted, and ask nothing', async () => {
    h = await setUp();
    await h.runtime.markUnreachable({ channel: 'test', externalId: 'siti' });
    const before = (await rowsFor(h, 'siti')).length;
    await staffMove(h, 'pak-kades', 'LP-NTAAA', {
      label: 'tanya pelapor (perlu informasi)',
      note: 'Di RT berapa?',
    });
    expect(await newsFor(h, 'siti')).toEqual([]);
    const rows = (await rowsFor(h, 'siti')).slice(before);
    expect(rows.map((row) => [row.status, row.attempts, row.lastError])).toEqual([
      ['failed', 0, 'unreachable'],
    ]);
    expect(JSON.stringify(rows[0]?.message)).toContain('report:notify.reply_later');
    const [state] = await h.db.db
      .select()
      .from(conversations)
      .where(and(eq(conversations.contactId, 'contact-siti')));
    expect(JSON.stringify(state?.state)).not.toContain('report-reply');
    // Writing again makes her reachable; she answers with /jawab.
    await playTranscript(
      h,
      'siti',
      `
      > /jawab
      < status sekarang *Perlu informasi*
      > 1
      > RT 02
      < jawaban Anda sudah dikirim
      `,
    );
    expect(await statusesOf(h, 'LP-NTAAA')).toEqual(['DITERIMA', 'PERLU_INFO', 'DITERIMA']);
  });

  it('are given up after the last retry when the platform keeps failing, not retried forever', async () => {
    h = await setUp();
    h.channel.respond = (externalId) =>
      externalId === 'siti' ? { type: 'retry', error: 'HTTP 502' } : { type: 'sent' };
    await staffMove(h, 'pak-kades', 'LP-NTAAA', { label: 'tandai diverifikasi', note: 'Dicek' });
    for (let i = 0; i < SEND_MAX_ATTEMPTS + 2; i++) {
      h.clock.advance(SEND_RETRY_MAX_MS);
      await h.runtime.outbox.sweep();
    }
    const [last] = (await rowsFor(h, 'siti')).slice(-1);
    expect(last).toMatchObject({
      status: 'failed',
      attempts: SEND_MAX_ATTEMPTS,
      lastError: 'HTTP 502',
    });
  });
});
