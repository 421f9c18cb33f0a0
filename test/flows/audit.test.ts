import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/db/queries/audit.js';
import { requestRole } from '../../src/db/queries/role-requests.js';
import type { Harness } from '../support/harness.js';
import { registerContact } from '../support/register.js';
import {
  createReportHarness,
  fileQuickly,
  registerStaff,
  scriptedTickets,
  staffMove,
} from './report-support.js';

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('AUAAA'));
  await registerStaff(h, 'kader', 'kader_digital', { name: 'Kader Ani' });
  await registerStaff(h, 'admin', 'admin', { name: 'Admin Pusat' });
  await registerContact(h, 'siti', { name: 'Siti' });
  await fileQuickly(h, 'siti', { category: 1, description: 'Jalan berlubang di depan masjid' });
});
afterAll(() => h.close());

async function entries() {
  return (await listAudit(h.db.db, { limit: 50, offset: 0 })).rows;
}

describe('the audit log of staff actions in the chat', () => {
  it('records a report move: who, what, when, before and after', async () => {
    await staffMove(h, 'kader', 'LP-AUAAA', { label: '1', note: 'Sudah dicek' });
    const [entry] = await entries();
    expect(entry).toMatchObject({
      actorName: 'Kader Ani',
      actorRole: 'kader_digital',
      channel: 'test',
      action: 'report.move',
      subject: 'LP-AUAAA',
      before: { status: 'DITERIMA' },
      after: { status: 'DIVERIFIKASI', reason: null, noted: true },
      createdAt: h.clock.now(),
    });
  });

  it('records a role decision, and /hapusdata redacts the person and keeps the entries', async () => {
    const rudi = await registerContact(h, 'rudi', { name: 'Rudi' });
    await requestRole(h.db.db, {
      id: 'req-1',
      contactId: rudi.id,
      role: 'kader_digital',
      now: h.clock.now(),
    });
    await h.say('admin', '/peran');
    await h.say('admin', '1');
    await h.say('admin', '1');
    const [decision] = await entries();
    expect(decision).toMatchObject({
      actorName: 'Admin Pusat',
      action: 'role.decide',
      subjectContactId: rudi.id,
      before: { name: 'Rudi', requested: 'kader_digital' },
      after: { decision: 'confirmed' },
    });
    await h.say('rudi', '/hapusdata');
    await h.say('rudi', '1');
    await h.say('kader', '/hapusdata');
    await h.say('kader', '1');
    const after = await entries();
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({
      action: 'role.decide',
      actorName: 'Admin Pusat',
      subjectContactId: null,
      before: { name: null, requested: 'kader_digital' },
    });
    expect(after[1]).toMatchObject({
      action: 'report.move',
      actorId: null,
      actorName: null,
      subject: 'LP-AUAAA',
    });
  });
});
