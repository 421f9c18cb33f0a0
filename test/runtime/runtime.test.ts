import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actions as appActions, flows as appFlows, FLOW_IDS } from '../../flows/index.js';
import { call, defineAction, returns } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { enqueueForContact } from '../../src/db/queries/outbox.js';
import { channelIdentities, conversations, outbox } from '../../src/db/schema/index.js';
import { implement } from '../../src/runtime/action.js';
import { OUTBOX_LEASE_MS } from '../../src/runtime/outbox-sender.js';
import { createHarness, type Harness } from '../support/harness.js';

const poke = defineAction('test.poke', { input: z.null(), result: returns<{ outcome: 'ok' }>() });
const explodeAction = defineAction('test.explode', {
  input: z.null(),
  result: returns<{ outcome: 'ok' }>(),
});

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('runtime', () => {
  it('answers a message delivered twice only once', async () => {
    h = await createHarness();
    const first = await h.say('ani', 'halo', 'dup-1');
    const second = await h.say('ani', 'halo', 'dup-1');
    expect(first).toHaveLength(1);
    expect(first[0]).toContain('Selamat datang');
    expect(second).toEqual([]);
    const rows = await h.db.db.select().from(outbox);
    expect(rows).toHaveLength(1);
  });

  it('accepts a message once its reply is committed, before the reply is sent, and sends it after', async () => {
    h = await createHarness();
    const harness = h;
    const original = harness.channel.send;
    let release: (() => void) | undefined;
    harness.channel.send = (externalId, message, meta) =>
      new Promise((resolve) => {
        release = () => resolve(original(externalId, message, meta));
      });
    const outcome = await harness.runtime.accept({
      channel: 'test',
      messageId: 'accept-1',
      externalId: 'ani',
      receivedAt: harness.clock.now(),
      payload: { type: 'text', text: 'halo' },
    });
    expect(outcome.type).toBe('handled');
    // Recorded and committed: the reply waits in the outbox, claimed, and is being sent.
    const [row] = await harness.db.db.select().from(outbox);
    expect(row?.status).toBe('sending');
    expect(harness.channel.take('ani')).toEqual([]);
    const later = harness.runtime.receive({
      channel: 'test',
      messageId: 'accept-2',
      externalId: 'ani',
      receivedAt: harness.clock.now(),
      payload: { type: 'text', text: '6' },
    });
    release?.();
    harness.channel.send = original;
    await later;
    // The next message of the same person waited for the first reply to be sent.
    const replies = harness.channel.take('ani');
    expect(replies[0]).toContain('Selamat datang');
    expect(replies[1]).toContain('Saran Anda tentang apa?');
  });

  it('handles two messages of one person sent at once strictly in order', async () => {
    h = await createHarness();
    await h.say('ani', 'halo');
    const send = (text: string, id: string) =>
      h?.runtime.receive({
        channel: 'test',
        messageId: id,
        externalId: 'ani',
        receivedAt: h.clock.now(),
        payload: { type: 'text', text },
      });
    await Promise.all([send('6', 'a'), send('3', 'b'), send('Pesan saya cukup panjang', 'c')]);
    const replies = h.channel.take('ani');
    expect(replies[0]).toContain('Saran Anda tentang apa?');
    expect(replies[1]).toContain('Silakan tulis saran Anda');
    expect(replies[2]).toContain('Seberapa puas');
  });

  it('runs different people concurrently without mixing their conversations', async () => {
    h = await createHarness();
    const people = ['a', 'b', 'c', 'd', 'e'];
    await Promise.all(people.map((p) => h?.say(p, 'halo')));
    await Promise.all(people.map((p, i) => h?.say(p, i % 2 === 0 ? '6' : '7')));
    for (const [i, p] of people.entries()) {
      const replies = h.channel.sent.filter((s) => s.externalId === p).map((s) => s.text);
      expect(replies).toHaveLength(2);
      expect(replies[1]).toContain(i % 2 === 0 ? 'Saran Anda tentang apa?' : 'Pilih bahasa');
    }
  });

  it('resumes a conversation at its step after a restart', async () => {
    h = await createHarness();
    await h.say('ani', '/saran');
    await h.say('ani', '2');
    await h.restart();
    const replies = await h.say('ani', 'Tolong tambah info bimtek');
    expect(replies[0]).toContain('Seberapa puas');
    const back = await h.say('ani', 'kembali');
    expect(back[0]).toContain('Jawaban Anda sebelumnya: Tolong tambah info bimtek');
  });

  it('retries after a restart a send that threw', async () => {
    h = await createHarness();
    h.channel.respond = () => {
      throw new Error('socket hang up');
    };
    await h.say('ani', 'halo');
    const [row] = await h.db.db.select().from(outbox);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'socket hang up' });
    h.channel.respond = () => ({ type: 'sent' });
    await h.restart();
    h.clock.advance(2_000);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('ani')[0]).toContain('Selamat datang');
    const [sent] = await h.db.db.select().from(outbox);
    expect(sent?.status).toBe('sent');
  });

  it('sends after a crash the reply a dead process had committed but not delivered', async () => {
    h = await createHarness();
    const original = h.channel.send;
    // The process dies inside the send: the reply is committed and claimed, never delivered.
    let inSend = false;
    h.channel.send = () => {
      inSend = true;
      return new Promise<never>(() => {});
    };
    void h.say('ani', 'halo');
    await waitFor(async () => inSend);
    h.channel.send = original;
    await h.restart({ crashed: true });
    expect(h.channel.take('ani')).toEqual([]);
    h.clock.advance(OUTBOX_LEASE_MS);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('ani')[0]).toContain('Selamat datang');
    const [row] = await h.db.db.select().from(outbox);
    expect(row?.status).toBe('sent');
  });

  it('on embedded PGlite, resends at once after a crash: no other process can hold the reply', async () => {
    h = await createHarness({ exclusive: true });
    const original = h.channel.send;
    let inSend = false;
    h.channel.send = () => {
      inSend = true;
      return new Promise<never>(() => {});
    };
    void h.say('ani', 'halo');
    await waitFor(async () => inSend);
    h.channel.send = original;
    await h.restart({ crashed: true });
    expect(h.channel.take('ani')[0]).toContain('Selamat datang');
  });

  it('retries a failed send with backoff and never lets a later message overtake it', async () => {
    h = await createHarness();
    let failures = 1;
    h.channel.respond = () =>
      failures-- > 0 ? { type: 'retry', error: 'HTTP 502' } : { type: 'sent' };
    expect(await h.say('ani', 'halo')).toEqual([]);
    expect(await h.say('ani', '6')).toEqual([]);
    const rows = await h.db.db.select().from(outbox).orderBy(outbox.id);
    expect(rows.map((r) => r.status)).toEqual(['pending', 'pending']);
    h.clock.advance(2_000);
    await h.runtime.outbox.sweep();
    const replies = h.channel.take('ani');
    expect(replies[0]).toContain('Selamat datang');
    expect(replies[1]).toContain('Saran Anda tentang apa?');
  });

  it('a sweep asked for while another runs still sees what became due before the ask', async () => {
    h = await createHarness();
    let first = true;
    h.channel.respond = () => {
      if (!first) return { type: 'sent' };
      first = false;
      return { type: 'retry', error: 'HTTP 502' };
    };
    await h.say('ani', 'halo');
    const running = h.runtime.outbox.sweep();
    h.clock.advance(2_000);
    await h.runtime.outbox.sweep();
    await running;
    expect(h.channel.take('ani')).toHaveLength(1);
  });

  it('waits as long as the platform asks', async () => {
    h = await createHarness();
    let first = true;
    h.channel.respond = () => {
      if (!first) return { type: 'sent' };
      first = false;
      return { type: 'retry', error: '429', afterMs: 30_000 };
    };
    await h.say('ani', 'halo');
    h.clock.advance(29_000);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('ani')).toEqual([]);
    h.clock.advance(1_000);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('ani')).toHaveLength(1);
  });

  it('marks a person who blocked the bot unreachable, and reachable when they write again', async () => {
    h = await createHarness();
    h.channel.respond = () => ({ type: 'failed', error: '403 blocked', unreachable: true });
    await h.say('ani', 'halo');
    const rows = await h.db.db.select().from(outbox);
    expect(rows.map((r) => r.status)).toEqual(['failed']);
    const [blocked] = await h.db.db.select().from(channelIdentities);
    expect(blocked?.unreachableSince).toEqual(h.clock.now());
    h.channel.respond = () => ({ type: 'sent' });
    const replies = await h.say('ani', 'menu');
    expect(replies[0]).toContain('Selamat datang');
    const [again] = await h.db.db.select().from(channelIdentities);
    expect(again?.unreachableSince).toBeNull();
  });

  it('delivers at once what an action wrote for someone else, and tells actions the channel', async () => {
    const notify = defineFlow({
      id: 'notify',
      version: 1,
      commands: ['colek'],
      steps: [call('poke', poke), { id: 'done', kind: 'say', text: t('feedback:thanks') }],
    });
    let seenChannel = '';
    h = await createHarness({
      flows: [...appFlows, notify],
      actions: [
        ...appActions,
        implement(poke, async ({ tx, channel, clock }) => {
          seenChannel = channel;
          const [budi] = await tx
            .select()
            .from(channelIdentities)
            .where(eq(channelIdentities.externalId, 'budi'));
          const messages = [{ texts: [t('feedback:discarded')] }];
          await enqueueForContact(tx, {
            contactId: budi?.contactId ?? '',
            messages,
            now: clock.now(),
          });
          return { outcome: 'ok' };
        }),
      ],
    });
    await h.say('budi', 'halo');
    await h.say('ani', '/colek');
    await waitFor(
      async () =>
        h?.channel.sent.some((s) => s.externalId === 'budi' && s.text.includes('tidak dikirim')) ===
        true,
    );
    expect(seenChannel).toBe('test');
  });

  it('apologises after a bug and keeps what the person already answered', async () => {
    const brokenFlow = defineFlow({
      id: 'broken',
      version: 1,
      commands: ['rusak'],
      steps: [
        { id: 'name', kind: 'text', prompt: t('feedback:message.prompt'), min: 2 },
        call('save', explodeAction),
        { id: 'done', kind: 'say', text: t('feedback:thanks') },
      ],
    });
    let explode = true;
    h = await createHarness({
      flows: [...appFlows, brokenFlow],
      actions: [
        ...appActions,
        implement(explodeAction, async () => {
          if (explode) throw new Error('bug');
          return { outcome: 'ok' };
        }),
      ],
      entryFlow: FLOW_IDS.menu,
    });
    await h.say('ani', '/rusak');
    const apology = await h.say('ani', 'Budi Santoso');
    expect(apology).toHaveLength(1);
    expect(apology[0]).toContain('Maaf, ada gangguan');
    const [conversation] = await h.db.db
      .select()
      .from(conversations)
      .where(eq(conversations.channel, 'test'));
    expect(JSON.stringify(conversation?.state)).toContain('"step":"name"');
    explode = false;
    expect((await h.say('ani', 'Budi Santoso'))[0]).toContain('Terima kasih');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
