import { afterEach, describe, expect, it } from 'vitest';
import {
  CUSTOMER_SERVICE_WINDOW_MS,
  PAIR_RATE_RETRY_MS,
  RATE_LIMIT_RETRY_MS,
} from '../../../src/channels/whatsapp-cloud/sender.js';
import { t as text } from '../../../src/core/messages.js';
import { notifyContact } from '../../../src/db/queries/notifications.js';
import { contacts, outbox } from '../../../src/db/schema/index.js';
import { type CloudTest, createCloudTest, notification } from './setup.js';

const SITI = '6281234567890';
const HOUR_MS = 3_600_000;

let t: CloudTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function contactId(test: CloudTest): Promise<string> {
  const [row] = await test.h.db.db.select({ id: contacts.id }).from(contacts);
  if (!row) throw new Error('no contact');
  return row.id;
}

/** Queues a report status notification for the one contact and sends it. */
async function notifyStatus(test: CloudTest) {
  await notifyContact(test.h.db.db, {
    contactId: await contactId(test),
    messages: [
      { texts: [text('report:notify.moved', { ticket: 'LP-7KQ3M', status: 'DIPROSES' })] },
    ],
    now: test.h.clock.now(),
  });
  await test.h.runtime.outbox.sweep();
  const rows = await test.h.db.db.select().from(outbox).orderBy(outbox.id);
  return rows.at(-1);
}

describe('WhatsApp Cloud API delivery', () => {
  it('sends a report status change as text within 24 hours, as its template after', async () => {
    t = await createCloudTest({
      templates: {
        report_status: { name: 'sapa_report_status', languages: { id: 'id', en: 'en_US' } },
      },
    });
    await t.say(SITI, 'halo');
    const within = await notifyStatus(t);
    expect(within).toMatchObject({ status: 'sent' });
    expect(t.graph.take(SITI)).toEqual([expect.stringContaining('LP-7KQ3M')]);

    t.h.clock.advance(CUSTOMER_SERVICE_WINDOW_MS + HOUR_MS);
    const outside = await notifyStatus(t);
    expect(outside).toMatchObject({ status: 'sent' });
    const [sent] = t.graph.sent.slice(-1);
    expect(sent?.body).toMatchObject({
      type: 'template',
      template: { name: 'sapa_report_status', language: { code: 'id' } },
    });
    expect(t.graph.take(SITI)).toEqual([
      expect.stringMatching(/^\[template sapa_report_status: .*LP-7KQ3M.*\]$/),
    ]);
  });

  it('records a message outside the window without a template as failed, with the reason', async () => {
    t = await createCloudTest();
    await t.say(SITI, 'halo');
    t.h.clock.advance(CUSTOMER_SERVICE_WINDOW_MS + HOUR_MS);
    const row = await notifyStatus(t);
    expect(row).toMatchObject({ status: 'failed', lastError: 'outside the 24-hour window' });
    expect(t.graph.take(SITI)).toEqual([]);
    // Writing again opens the window: answered as usual.
    expect((await t.say(SITI, 'halo')).join('\n')).toContain('Apa yang ingin Anda lakukan?');
  });

  it('records sent, delivered, read and failed from status webhooks on the outbox row', async () => {
    t = await createCloudTest();
    await t.say(SITI, 'halo');
    await t.say(SITI, '/bantuan');
    const [first, second] = await t.h.db.db.select().from(outbox).orderBy(outbox.id);
    expect(first?.platformMessageId).toMatch(/^wamid\./);
    const at = (s: number) => String(1_772_413_200 + s);
    const status = (id: string | null | undefined, kind: string, s: number, extra = {}) => ({
      id,
      status: kind,
      timestamp: at(s),
      recipient_id: SITI,
      ...extra,
    });
    const id = first?.platformMessageId;
    // Out of order and twice, as Meta may send them.
    expect(
      await t.post(
        notification({ statuses: [status(id, 'read', 30), status(id, 'delivered', 10)] }),
      ),
    ).toBe(200);
    await t.post(notification({ statuses: [status(id, 'delivered', 40), status(id, 'sent', 5)] }));
    await t.post(
      notification({
        statuses: [
          status(second?.platformMessageId, 'failed', 50, {
            errors: [{ code: 131026, title: 'Message undeliverable' }],
          }),
        ],
      }),
    );
    const rows = await t.h.db.db.select().from(outbox).orderBy(outbox.id);
    expect(rows[0]).toMatchObject({
      status: 'sent',
      deliveredAt: new Date(Number(at(30)) * 1000),
      readAt: new Date(Number(at(30)) * 1000),
    });
    expect(rows[1]).toMatchObject({ status: 'failed', lastError: '131026: Message undeliverable' });
  });

  it('retries after error 130429 (rate limit) once the wait is over; other errors fail with their code', async () => {
    t = await createCloudTest();
    t.graph.failNextSends({ status: 400, code: 130429, title: 'Rate limit hit' });
    expect(await t.say(SITI, 'halo')).toEqual([]);
    const [row] = await t.h.db.db.select().from(outbox);
    expect(row).toMatchObject({ status: 'pending', lastError: '130429: Rate limit hit' });
    expect(row?.nextAttemptAt.getTime()).toBe(t.h.clock.now().getTime() + RATE_LIMIT_RETRY_MS);
    t.h.clock.advance(RATE_LIMIT_RETRY_MS);
    await t.h.runtime.outbox.sweep();
    expect(t.graph.take(SITI).join('\n')).toContain('Apa yang ingin Anda lakukan?');

    // Too many messages to one person (131056): tried again after about 6 s.
    t.graph.failNextSends({ status: 400, code: 131056, title: 'Pair rate limit hit' });
    const result = await t.cloud.channel.send(SITI, { texts: ['satu lagi'] });
    expect(result).toEqual({
      type: 'retry',
      error: '131056: Pair rate limit hit',
      afterMs: PAIR_RATE_RETRY_MS,
    });

    t.graph.failNextSends({ status: 400, code: 131009, title: 'Parameter value is not valid' });
    await t.say(SITI, '/bantuan');
    const [, failed] = await t.h.db.db.select().from(outbox).orderBy(outbox.id);
    expect(failed).toMatchObject({
      status: 'failed',
      lastError: '131009: Parameter value is not valid',
    });
  });

  it('uploads a stored photo, then sends it by its new media id, after its text', async () => {
    t = await createCloudTest();
    await t.say(SITI, 'halo');
    const photo = {
      texts: ['Foto laporan LP-7KQ3M'],
      attachments: [{ type: 'photo' as const, mediaId: 'm-1' }],
    };
    expect(await t.cloud.channel.send(SITI, photo)).toEqual({ type: 'sent' });
    expect(t.graph.uploads.size).toBe(1);
    const [uploadId] = [...t.graph.uploads.keys()];
    expect(t.graph.sent.slice(-2).map((s) => s.body)).toEqual([
      expect.objectContaining({
        type: 'text',
        text: expect.objectContaining({ body: 'Foto laporan LP-7KQ3M' }),
      }),
      expect.objectContaining({ type: 'image', image: { id: uploadId } }),
    ]);
  });

  it('holds the configured pace: at most N messages a second', async () => {
    t = await createCloudTest({ messagesPerSecond: 4 });
    await t.say(SITI, 'halo');
    t.sleeps.length = 0;
    const start = t.h.clock.now().getTime();
    for (let i = 0; i < 8; i++) {
      expect(await t.cloud.channel.send(SITI, { texts: [`pesan ${i}`] })).toEqual({ type: 'sent' });
    }
    expect(t.sleeps.every((ms) => ms === 250)).toBe(true);
    // Eight messages at 4 a second take (at least) 1.75 s of the clock after the first.
    expect(t.h.clock.now().getTime() - start).toBeGreaterThanOrEqual(1_750);
    expect(t.graph.take(SITI).slice(-8)).toHaveLength(8);
  });
});
