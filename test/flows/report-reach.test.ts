import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../support/harness.js';
import {
  BOJONGSOANG,
  createReportHarness,
  fileQuickly,
  registerStaff,
  scriptedTickets,
} from './report-support.js';

/** Every new report reaches someone who can act on it other than its reporter. */
describe('who hears of a new report', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createReportHarness(scriptedTickets('RCH22', 'RCH33'));
    await registerStaff(h, 'kades-sendiri', 'perangkat_desa', { name: 'Pak Kades' });
    await registerStaff(h, 'operator', 'admin', { name: 'Operator', villageCode: BOJONGSOANG });
  });
  afterAll(() => h.close());

  it('the only staff of a village files: the admins hear of it, with the village named', async () => {
    const replies = await fileQuickly(h, 'kades-sendiri', {
      category: 1,
      description: 'Jembatan gantung putus di dusun tiga',
      assisting: true,
    });
    expect(replies.join()).toContain('*LP-RCH22*');
    await h.runtime.outbox.sweep();
    expect(h.channel.take('operator')).toEqual([
      expect.stringContaining('🆕 Laporan baru *LP-RCH22* di desa Sukamaju, Kec. Cibeber'),
    ]);
    expect(h.channel.take('kades-sendiri').join()).not.toContain('Laporan baru');
  });
});
