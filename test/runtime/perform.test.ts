import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createActions,
  entryFlowFor,
  FLOW_IDS,
  flows,
  withConsentGate,
} from '../../flows/index.js';
import { createEngine } from '../../src/core/engine/engine.js';
import { createFlowRunner } from '../../src/runtime/flow-runner.js';
import { createPerformer, type Perform } from '../../src/runtime/perform.js';
import {
  createReportHarness,
  fileQuickly,
  newsFor,
  registerStaff,
  scriptedTickets,
  statusesOf,
} from '../flows/report-support.js';
import type { Harness } from '../support/harness.js';
import { createTestIds, silentLogger } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import { testVillages } from '../support/villages.js';

let h: Harness;
let kadesId: string;
let perform: Perform;
beforeAll(async () => {
  const actions = createActions({
    villages: testVillages,
    removeMediaFile: async () => {},
    random: scriptedTickets('PFAAA'),
  });
  h = await createReportHarness(scriptedTickets(), { actions });
  const engine = withConsentGate(
    createEngine({ flows, helpFlow: FLOW_IDS.help, languageFlow: FLOW_IDS.language }),
  );
  const runner = createFlowRunner({
    engine,
    translator: h.translator,
    actions,
    clock: h.clock,
    ids: createTestIds('web'),
    entryFlowFor,
  });
  perform = createPerformer({
    db: h.db.db,
    runner,
    logger: silentLogger,
    afterCommit: () => void h.runtime.outbox.sweep(),
  });
  kadesId = (await registerStaff(h, 'pak-kades', 'perangkat_desa')).id;
  await registerContact(h, 'siti');
  await fileQuickly(h, 'siti', { category: 1, description: 'Lampu jalan mati sejak minggu lalu' });
  await newsFor(h, 'pak-kades');
  await newsFor(h, 'siti');
});
afterAll(() => h.close());

describe('perform: an action outside a conversation (the admin web)', () => {
  it("moves a report as the chat's action does, and the reporter is told", async () => {
    const done = await perform({
      contactId: kadesId,
      action: 'report.move',
      input: { ticket: 'LP-PFAAA', to: 'DIVERIFIKASI', reason: null, note: 'Sudah dicek' },
      channel: 'web',
    });
    expect(done).toEqual({
      type: 'done',
      result: { outcome: 'moved', ticket: 'LP-PFAAA', from: 'DITERIMA', to: 'DIVERIFIKASI' },
    });
    expect(await statusesOf(h, 'LP-PFAAA')).toEqual(['DITERIMA', 'DIVERIFIKASI']);
    await h.runtime.outbox.sweep();
    expect((await newsFor(h, 'siti')).join('\n')).toContain('*Diverifikasi*');
  });

  it('answers the refusal of the action itself, and gone for an unknown contact', async () => {
    const refused = await perform({
      contactId: kadesId,
      action: 'report.move',
      input: { ticket: 'LP-PFAAA', to: 'DITUTUP', reason: null, note: null },
      channel: 'web',
    });
    expect(refused).toMatchObject({ type: 'done', result: { outcome: 'refused' } });
    const gone = await perform({
      contactId: 'nobody',
      action: 'report.move',
      input: { ticket: 'LP-PFAAA', to: 'DIPROSES', reason: null, note: null },
      channel: 'web',
    });
    expect(gone).toEqual({ type: 'gone' });
  });
});
