import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actions as appActions, flows as appFlows } from '../../flows/index.js';
import { call, defineAction, returns } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { recordConsent } from '../../src/db/queries/consents.js';
import { findContactByIdentity } from '../../src/db/queries/contacts.js';
import { contacts, conversations, outbox } from '../../src/db/schema/index.js';
import { implement, trigger, withEffects } from '../../src/runtime/action.js';
import { createHarness, type Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';

const nudgeAction = defineAction('test.nudge', {
  input: z.object({ who: z.string() }),
  result: returns<{ outcome: 'asked' }>(),
});

/** `/colek <name>` asks that person the "ask" flow, with a word instead when it cannot. */
const nudgeFlow = defineFlow({
  id: 'nudge',
  version: 1,
  commands: ['colek'],
  steps: [
    call('start', nudgeAction, { input: (ctx) => ({ who: ctx.args }) }),
    { id: 'done', kind: 'say', text: t('feedback:thanks') },
  ],
});

/** A yes/no question, then a word: what a proactive question looks like. */
const askFlow = defineFlow({
  id: 'ask',
  version: 1,
  steps: [
    { id: 'fixed', kind: 'yesno', prompt: t('feedback:wants_reply.prompt') },
    { id: 'thanks', kind: 'say', text: t('feedback:discarded') },
  ],
});

/** A flow that, started for someone, would ask yet another person: refused (nested). */
const chainFlow = defineFlow({
  id: 'chain',
  version: 1,
  steps: [
    call('again', nudgeAction, { input: () => ({ who: 'cici' }) }),
    { id: 'fixed', kind: 'yesno', prompt: t('feedback:wants_reply.prompt') },
  ],
});

/** Said instead when the question cannot be asked. */
const INSTEAD = { texts: [t('report:notify.reply_later', { ticket: 'LP-XXXXX' })] };

let failAfterTrigger = false;
let nudged = 'ask';
const nudge = implement(nudgeAction, async (ctx, { who }) => {
  const found = await findContactByIdentity(ctx.tx, { channel: 'test', externalId: who });
  if (failAfterTrigger) throw new Error('bug after the trigger');
  const contactId = found?.contact.id ?? `missing-${who}`;
  const effect = trigger({ contactId, flow: nudged, mode: 'push', otherwise: [INSTEAD] });
  return withEffects({ outcome: 'asked' }, [effect]);
});

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    flows: [...appFlows, nudgeFlow, askFlow, chainFlow],
    actions: [...appActions, nudge],
  });
  for (const name of ['ani', 'budi', 'cici', 'dodi', 'eka', 'fani', 'gina', 'hadi', 'iwan']) {
    await registerContact(h, name, { name });
  }
});
afterAll(() => h.close());

async function outboxOf(externalId: string) {
  return h.db.db.select().from(outbox).where(eq(outbox.externalId, externalId)).orderBy(outbox.id);
}

async function stackOf(contactId: string): Promise<string[]> {
  const [row] = await h.db.db
    .select()
    .from(conversations)
    .where(eq(conversations.contactId, contactId));
  const state = row?.state as { frames?: { flow: string }[] } | undefined;
  return (state?.frames ?? []).map((frame) => frame.flow);
}

async function withdraw(externalId: string): Promise<void> {
  const now = h.clock.now();
  const contactId = `contact-${externalId}`;
  const channel = h.channel.name;
  await recordConsent(h.db.db, {
    id: `withdrawn-${externalId}`,
    contactId,
    noticeVersion: 1,
    answer: 'withdrawn',
    channel,
    now,
  });
}

describe('a trigger an action returns', () => {
  it('asks on top of what they do, in the same transaction, and resumes their question', async () => {
    expect((await h.say('budi', '/saran'))[0]).toContain('Saran Anda tentang apa?');
    await h.say('ani', '/colek budi');
    await h.runtime.outbox.sweep();
    expect(h.channel.take('budi')).toEqual([
      expect.stringContaining('Apakah Anda ingin dihubungi'),
    ]);
    expect(await stackOf('contact-budi')).toEqual(['feedback', 'ask']);
    const replies = await h.say('budi', 'tidak');
    // What they were doing is asked again in the same message.
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Baik, saran tidak dikirim.');
    expect(replies[0]).toContain('Saran Anda tentang apa?');
  });

  it('says the word instead to the person writing and to the unreachable, nothing to the gone and the unconsented', async () => {
    await h.say('cici', 'halo');
    expect((await h.say('cici', '/colek cici')).join('\n')).toContain('/jawab LP-XXXXX');
    expect(await stackOf('contact-cici')).toEqual([]);

    await h.say('dodi', 'halo');
    await h.runtime.markUnreachable({ channel: 'test', externalId: 'dodi' });
    await h.say('cici', '/colek dodi');
    const dodi = await outboxOf('dodi');
    // Recorded as given up, never a question that would take over their next message.
    expect(dodi.at(-1)).toMatchObject({ status: 'failed', lastError: 'unreachable' });
    expect(JSON.stringify(dodi.at(-1)?.message)).toContain('reply_later');
    expect(await stackOf('contact-dodi')).toEqual(['menu']);

    await h.say('eka', 'halo');
    await withdraw('eka');
    const before = (await outboxOf('eka')).length;
    await h.say('cici', '/colek eka');
    await h.say('cici', '/colek nobody');
    expect((await outboxOf('eka')).length).toBe(before);
    expect(await stackOf('contact-eka')).toEqual(['menu']);
  });

  it('writes nothing for them when the transaction that returned it rolls back', async () => {
    await h.say('fani', 'halo');
    const before = (await outboxOf('fani')).length;
    failAfterTrigger = true;
    const replies = await h.say('gina', '/colek fani');
    failAfterTrigger = false;
    expect(replies[0]).toContain('Maaf, ada gangguan');
    await h.runtime.outbox.sweep();
    expect((await outboxOf('fani')).length).toBe(before);
    expect(await stackOf('contact-fani')).toEqual(['menu']);
  });

  it('starts nothing from a flow that was itself started for someone else', async () => {
    await h.say('cici', '/menu');
    h.channel.take('cici');
    nudged = 'chain';
    await h.say('hadi', '/colek iwan');
    nudged = 'ask';
    expect(await stackOf('contact-iwan')).toEqual(['chain']);
    await h.runtime.outbox.sweep();
    expect(h.channel.take('iwan')).toEqual([expect.stringContaining('ingin dihubungi')]);
    // Iwan's flow asked for Cici: refused as nested; Cici gets the word instead.
    expect(await stackOf('contact-cici')).toEqual(['menu']);
    expect(h.channel.take('cici')).toEqual([expect.stringContaining('/jawab LP-XXXXX')]);
  });
});

describe('runtime.trigger, from outside a message', () => {
  it('pushes a flow on top in its own transaction, sends it, and resumes what they did', async () => {
    await h.say('gina', '/saran');
    h.channel.take('gina');
    const outcome = await h.runtime.trigger({
      contactId: 'contact-gina',
      flow: 'ask',
      mode: 'push',
    });
    expect(outcome).toEqual({ type: 'started' });
    expect(h.channel.take('gina')).toEqual([
      expect.stringContaining('Apakah Anda ingin dihubungi'),
    ]);
    const replies = await h.say('gina', 'ya');
    // What they were doing is asked again in the same message.
    expect(replies).toHaveLength(1);
    expect(replies[0]).toContain('Baik, saran tidak dikirim.');
    expect(replies[0]).toContain('Saran Anda tentang apa?');
  });

  it('replaces what they did when asked to', async () => {
    await h.say('hadi', '/saran');
    h.channel.take('hadi');
    const outcome = await h.runtime.trigger({
      contactId: 'contact-hadi',
      flow: 'ask',
      mode: 'replace',
    });
    expect(outcome).toEqual({ type: 'started' });
    expect(await stackOf('contact-hadi')).toEqual(['ask']);
    h.channel.take('hadi');
    const replies = await h.say('hadi', 'tidak');
    expect(replies).toEqual([expect.stringContaining('Baik, saran tidak dikirim.')]);
    expect(await stackOf('contact-hadi')).toEqual([]);
  });

  it('starts nothing for the deleted, the unconsented or the unreachable, and writes nothing', async () => {
    await h.db.db
      .update(contacts)
      .set({ deletedAt: h.clock.now() })
      .where(eq(contacts.id, 'contact-iwan'));
    const rows = async () => (await h.db.db.select().from(outbox)).length;
    const before = await rows();
    const ask = (contactId: string) => h.runtime.trigger({ contactId, flow: 'ask', mode: 'push' });
    expect(await ask('contact-iwan')).toEqual({ type: 'skipped', reason: 'gone' });
    expect(await ask('contact-nobody')).toEqual({ type: 'skipped', reason: 'gone' });
    expect(await ask('contact-eka')).toEqual({ type: 'skipped', reason: 'unconsented' });
    expect(await ask('contact-dodi')).toEqual({ type: 'skipped', reason: 'unreachable' });
    expect(await rows()).toBe(before);
    expect(await stackOf('contact-dodi')).toEqual(['menu']);
  });
});
