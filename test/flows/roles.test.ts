import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outbox, roleRequests } from '../../src/db/schema/index.js';
import { createHarness, type Harness } from '../support/harness.js';
import { contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ onboarding: true, admins: ['admin'] });
  await registerContact(h, 'admin', { name: 'Admin Pusat', role: 'admin' });
  await registerContact(h, 'budi', { name: 'Budi Santoso' });
  await registerContact(h, 'dewi', { name: 'Dewi', language: 'en', villageCode: '32.04.08.2002' });
});
afterAll(() => h.close());

describe('roles (transcript)', () => {
  it('files role requests that only an admin can confirm or reject, and tells each person', async () => {
    await playTranscript(
      h,
      'budi',
      `
      > /ubahdata
      > 3
      < Apa peran Anda di desa?
      > 2
      < Tersimpan ✅
      < • Peran: Warga (meminta jadi Kader digital, menunggu konfirmasi admin)
      > 5
      > /peran
      < Peran Anda: Warga.
      < Permintaan jadi Kader digital sedang menunggu konfirmasi admin.
      `,
    );
    await playTranscript(
      h,
      'dewi',
      `
      > /editdata
      > 3
      > 3
      < • Role: Resident (warga) (asked to be Digital ambassador (duta digital), waiting for an admin)
      > 5
      `,
    );
    expect((await contactOf(h, 'budi'))?.role).toBe('warga');
    await playTranscript(
      h,
      'admin',
      `
      > /peran
      < Ada 2 permintaan peran yang menunggu.
      < 1. Budi Santoso: Kader digital, Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat (02/03/2026)
      < 2. Dewi: Duta digital, Bojongsoang, Kec. Bojongsoang, Kab. Bandung, Jawa Barat (02/03/2026)
      < 3. Selesai
      > 1
      < Budi Santoso: Kader digital
      < Konfirmasi peran ini?
      < 1. Konfirmasi
      < 2. Tolak
      > 1
      < ✅ Budi Santoso sekarang Kader digital.
      < Ada 1 permintaan peran yang menunggu.
      > 1
      < Dewi: Duta digital
      > tolak
      < Permintaan Dewi jadi Duta digital ditolak.
      < Tidak ada permintaan peran yang menunggu
      `,
    );
    const budi = await contactOf(h, 'budi');
    const dewi = await contactOf(h, 'dewi');
    const admin = await contactOf(h, 'admin');
    expect(budi?.role).toBe('kader_digital');
    expect(dewi?.role).toBe('warga');
    const decided = await h.db.db.select().from(roleRequests).orderBy(roleRequests.createdAt);
    expect(decided.map((r) => [r.contactId, r.role, r.status, r.decidedBy])).toEqual([
      [budi?.id, 'kader_digital', 'confirmed', admin?.id],
      [dewi?.id, 'duta_digital', 'rejected', admin?.id],
    ]);

    // The notices go through the outbox at once, on the channel each person last wrote on.
    await h.runtime.outbox.sweep();
    const notices = await h.db.db.select().from(outbox).where(eq(outbox.status, 'sent'));
    expect(
      notices.filter((row) => row.externalId !== 'admin').map((row) => row.externalId),
    ).toEqual(expect.arrayContaining(['budi', 'dewi']));
    expect(h.channel.take('budi')).toEqual([
      'Kabar baik 🎉 Admin sudah mengonfirmasi peran Anda sebagai Kader digital.',
    ]);
    expect(h.channel.take('dewi')[0]).toContain(
      'Sorry, an admin could not confirm your request to be a Digital ambassador (duta digital). You stay registered as Resident (warga).',
    );

    await playTranscript(
      h,
      'budi',
      `
      > /peran
      < Peran Anda: Kader digital.
      <! Konfirmasi
      `,
    );
  });

  it('cancels a pending request when the person picks warga again', async () => {
    await playTranscript(
      h,
      'dewi',
      `
      > /editdata
      > 3
      > 3
      < asked to be Digital ambassador
      > 3
      > 1
      < • Role: Resident (warga)
      <! asked to be
      > 5
      `,
    );
    const dewi = await contactOf(h, 'dewi');
    const theirs = await h.db.db
      .select()
      .from(roleRequests)
      .where(eq(roleRequests.contactId, dewi?.id ?? ''));
    expect(theirs.map((r) => r.status).sort()).toEqual(['cancelled', 'rejected']);
  });
});
