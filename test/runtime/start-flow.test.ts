import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { actions as appActions, flows as appFlows } from '../../flows/index.js';
import { call, defineAction, returns } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { findContactByIdentity } from '../../src/db/queries/contacts.js';
import { outbox } from '../../src/db/schema/index.js';
import { implement } from '../../src/runtime/action.js';
import type { StartFlowOutcome } from '../../src/runtime/types.js';
import { createHarness, type Harness } from '../support/harness.js';

const nudgeAction = defineAction('test.nudge', {
  input: z.object({ who: z.string() }),
  result: returns<StartFlowOutcome>(),
});

/** `/colek <name>` starts the "ask" flow for that person; `/colek! <name>` then fails. */
const nudgeFlow = defineFlow({
  id: 'nudge',
  version: 1,
  commands: ['colek', 'colekgagal'],
  steps: [
    call('start', nudgeAction, { input: (ctx) => ({ who: ctx.args }) }),
    { id: 'done', kind: 'say', text: t('feedback:thanks') },
  ],
});

const askFlow = defineFlow({
  id: 'ask',
  version: 1,
  steps: [
    { id: 'fixed', kind: 'yesno', prompt: t('feedback:wants_reply.prompt') },
    { id: 'thanks', kind: 'say', text: t('feedback:discarded') },
  ],
});

let failAfterStart = false;
const outcomes: StartFlowOutcome[] = [];
const nudge = implement(nudgeAction, async (ctx, { who }) => {
  const found = await findContactByIdentity(ctx.tx, { channel: 'test', externalId: who });
  const outcome = await ctx.startFlow(found?.contact.id ?? `missing-${who}`, 'ask');
  outcomes.push(outcome);
  if (failAfterStart) throw new Error('bug after the start');
  return outcome;
});

let h: Harness;
beforeAll(async () => {
  h = await createHarness({
    flows: [...appFlows, nudgeFlow, askFlow],
    actions: [...appActions, nudge],
  });
});
afterAll(() => h.close());

async function outboxOf(externalId: string) {
  return h.db.db.select().from(outbox).where(eq(outbox.externalId, externalId)).orderBy(outbox.id);
}

describe('starting a flow for someone else', () => {
  it('asks on top of what they do, sends after the commit, and resumes their question', async () => {
    await h.say('budi', 'halo');
    expect((await h.say('budi', '5'))[0]).toContain('Saran Anda tentang apa?');
    await h.say('ani', '/colek budi');
    await h.runtime.outbox.sweep();
    expect(h.channel.take('budi')).toEqual([
      expect.stringContaining('Apakah Anda ingin dihubungi'),
    ]);
    const replies = await h.say('budi', 'tidak');
    expect(replies[0]).toContain('Baik, saran tidak dikirim.');
    expect(replies[1]).toContain('Saran Anda tentang apa?');
  });

  it('skips the person writing, the unknown and the unreachable', async () => {
    await h.say('cici', 'halo');
    outcomes.length = 0;
    await h.say('cici', '/colek cici');
    await h.say('cici', '/colek nobody');
    await h.say('dodi', 'halo');
    await h.runtime.markUnreachable({ channel: 'test', externalId: 'dodi' });
    const before = (await outboxOf('dodi')).length;
    await h.say('cici', '/colek dodi');
    expect(outcomes).toEqual([
      { type: 'skipped', reason: 'self' },
      { type: 'skipped', reason: 'gone' },
      { type: 'skipped', reason: 'unreachable' },
    ]);
    expect((await outboxOf('dodi')).length).toBe(before);
  });

  it('writes nothing for them when the transaction that started it rolls back', async () => {
    await h.say('eka', 'halo');
    const before = (await outboxOf('eka')).length;
    failAfterStart = true;
    const replies = await h.say('fani', '/colek eka');
    failAfterStart = false;
    expect(replies[0]).toContain('Maaf, ada gangguan');
    await h.runtime.outbox.sweep();
    expect((await outboxOf('eka')).length).toBe(before);
    expect(h.channel.take('eka')).toEqual([]);
  });
});
