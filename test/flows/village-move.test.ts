/**
 * Every path that changes a person's village or role, and what it does to their staff
 * power (issue 11, item 1). The paths, and where each is tested:
 *
 * - /ubahdata → Desa (`profile.set_village`): the tests below, one per kind of role.
 * - onboarding's village question and its summary edit (the same action): below.
 * - /ubahdata → Peran and onboarding's role question (`profile.set_role`): warga at once,
 *   any other role a request (test/flows/roles.test.ts); a member of staff going back to
 *   warga loses the power at once (below).
 * - /peran decisions (`roles.decide`): test/flows/roles.test.ts, and below for a request
 *   decided from a list made before its person moved, or after they withdrew consent.
 * - /hapusdata (back to warga, no village): test/flows/delete-data.test.ts.
 * - A new contact is warga, or admin when the platform names them one (runtime).
 */
import { and, eq, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleRequests } from '../../src/db/schema/index.js';
import type { Harness } from '../support/harness.js';
import { contactOf, registerContact } from '../support/register.js';
import { playTranscript } from '../support/transcript.js';
import {
  BOJONGSOANG,
  createReportHarness,
  fileQuickly,
  registerStaff,
  SUKAMAJU,
  SUKAMANAH,
  scriptedTickets,
  staffMove,
  statusesOf,
} from './report-support.js';

/** Solokpandan, Kec. Cianjur, Kab. Cianjur: Sukamaju's kabupaten, another kecamatan. */
const SOLOKPANDAN = '32.03.01.1010';

/** What the person reads before a move that ends their role as `role`. */
const WARNING = (role: string) => `⚠️ Desa itu di luar wilayah tugas Anda sebagai ${role}.`;

let h: Harness;
beforeAll(async () => {
  h = await createReportHarness(scriptedTickets('VMAAA', 'VMBBB', 'VMCCC'), {
    admins: ['admin'],
  });
  await registerStaff(h, 'admin', 'admin', { name: 'Admin Pusat' });
  await registerContact(h, 'siti', { name: 'Siti Aminah' });
  await registerContact(h, 'budi', { name: 'Budi', villageCode: BOJONGSOANG });
  // A confidential, anonymous report in Sukamaju and a plain one in Bojongsoang.
  await playTranscript(
    h,
    'siti',
    '> /lapor\n> 1\n> 9\n> Ada dugaan gizi buruk pada balita tetangga\n> lewati\n> lewati\n> 4\n> 1\n< *LP-VMAAA*',
  );
  await fileQuickly(h, 'budi', { category: 1, description: 'Jalan desa berlubang dekat sawah' });
});
afterAll(() => h.close());

/**
 * Cancels every pending role request but those of `externalId`, so that theirs is the first
 * of the admin's list (requests left by earlier tests would come before it).
 */
async function onlyRequestOf(externalId: string): Promise<void> {
  const keep = (await contactOf(h, externalId))?.id ?? '';
  await h.db.db
    .update(roleRequests)
    .set({ status: 'cancelled' })
    .where(and(eq(roleRequests.status, 'pending'), ne(roleRequests.contactId, keep)));
}

/** /ubahdata → Desa → `query`, first hit; returns the replies to the pick. */
async function pickVillage(who: string, query: string): Promise<string> {
  await h.say(who, '/ubahdata');
  await h.say(who, '2');
  await h.say(who, query);
  return (await h.say(who, '1')).join('\n');
}

describe('changing village (transcript)', () => {
  it('ends a perangkat’s role when they move out of their village: told before and after, the role goes back to an admin, the old village’s reports and staff scores close to them', async () => {
    await registerStaff(h, 'pak-kades', 'perangkat_desa', { name: 'Pak Kades' });
    await playTranscript(
      h,
      'pak-kades',
      `
      > /kelola LP-VMAAA
      < • Uraian: Ada dugaan gizi buruk pada balita tetangga
      < 1. Tandai diverifikasi
      > 5
      > /skor ${SUKAMAJU}
      < Untuk pengurus
      > /ubahdata
      > 2
      > bojongsoang
      < 1. Bojongsoang — Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      > 1
      < ${WARNING('Perangkat desa')}
      < Jika pindah, peran Anda kembali menjadi Warga. Permintaan jadi Perangkat desa dikirim ke admin untuk dikonfirmasi.
      < 1. Ya, pindah desa
      < 2. Tidak, tetap di desa lama
      > 2
      < Baik, desa Anda tidak diubah.
      < • Peran: Perangkat desa
      < • Desa: Sukamaju
      <! Tersimpan
      > 2
      > bojongsoang
      > 1
      < ${WARNING('Perangkat desa')}
      > 1
      < Desa Anda sudah diganti. Peran Perangkat desa Anda berakhir, sekarang Anda Warga. Permintaan jadi Perangkat desa dikirim ke admin untuk dikonfirmasi.
      < • Peran: Warga (meminta jadi Perangkat desa, menunggu konfirmasi admin)
      < • Desa: Bojongsoang
      > 5
      `,
    );
    expect(await contactOf(h, 'pak-kades')).toMatchObject({
      role: 'warga',
      villageCode: BOJONGSOANG,
    });
    const oldVillageClosed = `
      > /kelola LP-VMAAA
      <! gizi buruk
      > 1
      <! Diverifikasi
      > /skor ${SUKAMAJU}
      < Anda hanya bisa melihat skor desa Anda sendiri
      <! Untuk pengurus
    `;
    await playTranscript(
      h,
      'pak-kades',
      `${oldVillageClosed}\n> /kelola\n< Menu ini untuk petugas`,
    );
    await staffMove(h, 'pak-kades', 'LP-VMAAA', { label: 'tandai diverifikasi', note: 'Dicek' });
    expect(await statusesOf(h, 'LP-VMAAA')).toEqual(['DITERIMA']);

    // The admin is asked as for any request, and names the new village.
    await playTranscript(
      h,
      'admin',
      `
      > /peran
      < 1. Pak Kades: Perangkat desa, Bojongsoang, Kec. Bojongsoang, Kab. Bandung, Jawa Barat
      > 1
      > 1
      < ✅ Pak Kades sekarang Perangkat desa.
      `,
    );
    // Perangkat again, of Bojongsoang only.
    await playTranscript(
      h,
      'pak-kades',
      `
      ${oldVillageClosed}
      > /kelola LP-VMAAA
      < bukan di wilayah Anda
      > /kelola LP-VMBBB
      < • Uraian: Jalan desa berlubang dekat sawah
      > 5
      > /skor
      < Bojongsoang
      < Untuk pengurus
      `,
    );
  });

  it('keeps a duta within the kabupaten, and ends the role outside it', async () => {
    await registerStaff(h, 'duta', 'duta_digital', { name: 'Duta' });
    const within = await pickVillage('duta', 'solokpandan');
    expect(within).toContain('Tersimpan ✅');
    expect(within).toContain('• Peran: Duta digital\n');
    expect(within).not.toContain('⚠️');
    expect(await contactOf(h, 'duta')).toMatchObject({
      role: 'duta_digital',
      villageCode: SOLOKPANDAN,
    });
    await playTranscript(h, 'duta', `> 5\n> /kelola LP-VMAAA\n< *LP-VMAAA*\n> 5`);
    expect(await pickVillage('duta', 'bojongsoang')).toContain(WARNING('Duta digital'));
    await playTranscript(h, 'duta', '> 1\n< Peran Duta digital Anda berakhir\n> 5');
    expect(await contactOf(h, 'duta')).toMatchObject({ role: 'warga', villageCode: BOJONGSOANG });
    await playTranscript(h, 'duta', '> /kelola LP-VMBBB\n< Menu ini untuk petugas');
  });

  it('keeps a pendamping within the kecamatan, and ends the role outside it', async () => {
    await registerStaff(h, 'pendamping', 'pendamping_desa', { name: 'Pendamping' });
    expect(await pickVillage('pendamping', 'sukamanah, cibeber')).toContain('Tersimpan ✅');
    expect((await contactOf(h, 'pendamping'))?.role).toBe('pendamping_desa');
    expect((await contactOf(h, 'pendamping'))?.villageCode).toBe(SUKAMANAH);
    await h.say('pendamping', '5');
    expect(await pickVillage('pendamping', 'solokpandan')).toContain(WARNING('Pendamping desa'));
    await playTranscript(h, 'pendamping', '> 1\n< Peran Pendamping desa Anda berakhir\n> 5');
    expect((await contactOf(h, 'pendamping'))?.role).toBe('warga');
    await playTranscript(h, 'pendamping', '> /kelola LP-VMAAA\n< Menu ini untuk petugas');
  });

  it('ends a kader’s role in the next village too, and keeps an admin’s anywhere', async () => {
    await registerStaff(h, 'kader', 'kader_digital', { name: 'Kader' });
    expect(await pickVillage('kader', 'sukamanah, cibeber')).toContain(WARNING('Kader digital'));
    await playTranscript(h, 'kader', '> 1\n< sekarang Anda Warga\n> 5');
    await playTranscript(h, 'kader', '> /kelola LP-VMAAA\n< Menu ini untuk petugas');

    const moved = await pickVillage('admin', 'bojongsoang');
    expect(moved).toContain('Tersimpan ✅');
    expect(moved).not.toContain('⚠️');
    await h.say('admin', '4');
    expect(await contactOf(h, 'admin')).toMatchObject({ role: 'admin', villageCode: BOJONGSOANG });
    await playTranscript(h, 'admin', '> /kelola LP-VMAAA\n< • Uraian: Ada dugaan gizi buruk\n> 5');
  });

  it('moves a pending request with its person: an admin deciding from a list made before the move finds it gone', async () => {
    await registerContact(h, 'rani', { name: 'Rani' });
    await playTranscript(h, 'rani', '> /ubahdata\n> 3\n> 2\n< menunggu konfirmasi admin\n> 5');
    await onlyRequestOf('rani');
    await playTranscript(
      h,
      'admin',
      '> /peran\n< 1. Rani: Kader digital, Sukamaju\n> 1\n< Konfirmasi peran ini?',
    );
    const moved = await pickVillage('rani', 'bojongsoang');
    expect(moved).not.toContain('⚠️');
    expect(moved).toContain(
      '• Peran: Warga (meminta jadi Kader digital, menunggu konfirmasi admin)',
    );
    await h.say('rani', '5');
    await playTranscript(
      h,
      'admin',
      `
      > 1
      < Permintaan itu sudah tidak ada
      < 1. Rani: Kader digital, Bojongsoang
      > 1
      > 1
      < ✅ Rani sekarang Kader digital.
      `,
    );
    expect(await contactOf(h, 'rani')).toMatchObject({
      role: 'kader_digital',
      villageCode: BOJONGSOANG,
    });
    const rani = await contactOf(h, 'rani');
    const requests = await h.db.db
      .select()
      .from(roleRequests)
      .where(eq(roleRequests.contactId, rani?.id ?? ''));
    expect(requests.map((r) => r.status).sort()).toEqual(['cancelled', 'confirmed']);
    // The request kept its place in the queue.
    expect(new Set(requests.map((r) => r.createdAt.getTime())).size).toBe(1);
    await playTranscript(h, 'rani', '> /kelola LP-VMBBB\n< • Uraian: Jalan desa berlubang\n> 5');
  });

  it('asks again when the role changes while the person is asked to confirm the move', async () => {
    await registerStaff(h, 'rina', 'kader_digital', { name: 'Rina' });
    await playTranscript(h, 'rina', '> /ubahdata\n> 3\n> 4\n< meminta jadi Perangkat desa\n> 5');
    expect(await pickVillage('rina', 'bojongsoang')).toContain(
      `${WARNING('Kader digital')} Jika pindah, peran Anda kembali menjadi Warga. Permintaan jadi Perangkat desa dikirim ke admin`,
    );
    await onlyRequestOf('rina');
    await playTranscript(
      h,
      'admin',
      '> /peran\n< 1. Rina: Perangkat desa\n> 1\n> 1\n< sekarang Perangkat desa',
    );
    await playTranscript(
      h,
      'rina',
      `
      > 1
      < ${WARNING('Perangkat desa')}
      <! Peran Anda berakhir
      > 1
      < Peran Perangkat desa Anda berakhir
      < • Peran: Warga (meminta jadi Perangkat desa, menunggu konfirmasi admin)
      > 5
      `,
    );
    expect(await contactOf(h, 'rina')).toMatchObject({ role: 'warga', villageCode: BOJONGSOANG });
  });

  it('moves a request made during onboarding with the village changed from the summary', async () => {
    await playTranscript(
      h,
      'wati',
      `
      > halo
      > 1
      > ya
      > 1
      < Siapa nama Anda?
      > Wati
      > 2
      > sukamaju, cibeber
      > 1
      < • Peran: Warga (meminta jadi Kader digital, menunggu konfirmasi admin)
      < 4. Ubah desa
      > 4
      > bojongsoang
      > 1
      <! ⚠️
      < • Peran: Warga (meminta jadi Kader digital, menunggu konfirmasi admin)
      < • Desa: Bojongsoang
      > 1
      < Pendaftaran selesai
      `,
    );
    await playTranscript(h, 'admin', '> /peran\n< Wati: Kader digital, Bojongsoang\n> selesai');
  });

  it('takes the power away at once from staff who pick warga, and refuses a decision for a person who withdrew consent', async () => {
    await registerStaff(h, 'tono', 'kader_digital', { name: 'Tono' });
    await playTranscript(h, 'tono', '> /ubahdata\n> 3\n> 1\n< • Peran: Warga\n> 5');
    await playTranscript(h, 'tono', '> /kelola LP-VMAAA\n< Menu ini untuk petugas');

    await registerContact(h, 'yuni', { name: 'Yuni' });
    await playTranscript(h, 'yuni', '> /ubahdata\n> 3\n> 2\n> 5');
    await onlyRequestOf('yuni');
    await playTranscript(
      h,
      'admin',
      '> /peran\n< Yuni: Kader digital\n> 1\n< Konfirmasi peran ini?',
    );
    await playTranscript(h, 'yuni', '> /tarikpersetujuan\n> 1');
    await playTranscript(h, 'admin', '> 1\n< Permintaan itu sudah tidak ada');
    expect((await contactOf(h, 'yuni'))?.role).toBe('warga');
  });
});
