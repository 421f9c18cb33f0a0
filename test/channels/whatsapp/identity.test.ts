import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { channelIdentities, contacts } from '../../../src/db/schema/index.js';
import { ADMIN_PHONE, createWhatsappTest, type WhatsappTest } from './setup.js';

const SITI_LID = '201234567890123@lid';
const SITI_PN = '6281234567890@s.whatsapp.net';
const ADMIN_LID = '202222222222222@lid';
const ADMIN_PN = `${ADMIN_PHONE}@s.whatsapp.net`;

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function identities(test: WhatsappTest) {
  return test.h.db.db
    .select({
      externalId: channelIdentities.externalId,
      phone: channelIdentities.phone,
      contactId: channelIdentities.contactId,
    })
    .from(channelIdentities);
}

describe('WhatsApp identities: one person, one contact', () => {
  it('finds a person seen by LID when they later write by number alone (stored number)', async () => {
    t = await createWhatsappTest({ onboarding: true });
    expect((await t.say(SITI_LID, 'halo', { alt: SITI_PN })).join('\n')).toContain(
      'Selamat datang',
    );
    // An ordinary reply addressed by phone number only: no remoteJidAlt, no mapping known.
    const reply = await t.say(SITI_PN, '1', { replyTo: SITI_LID });
    expect(reply.join('\n')).toContain('berusia 18 tahun');
    expect(reply.join('\n')).not.toContain('Selamat datang');
    expect(await t.h.db.db.$count(contacts)).toBe(1);
    expect(await identities(t)).toEqual([
      expect.objectContaining({ externalId: SITI_LID, phone: '6281234567890' }),
    ]);
  });

  it("uses Baileys' mapping from number to LID for a person first seen by LID alone", async () => {
    t = await createWhatsappTest({ onboarding: true });
    await t.say(SITI_LID, 'halo');
    t.socket().pnToLid.set(SITI_PN, '201234567890123:4@lid');
    const reply = await t.say(SITI_PN, '1', { replyTo: SITI_LID });
    expect(reply.join('\n')).toContain('berusia 18 tahun');
    expect(await t.h.db.db.$count(contacts)).toBe(1);
    expect(await identities(t)).toEqual([
      expect.objectContaining({ externalId: SITI_LID, phone: '6281234567890' }),
    ]);
  });

  it('merges the two identities of a person seen by LID alone, then by number alone', async () => {
    t = await createWhatsappTest({ onboarding: true });
    await t.say(SITI_LID, 'halo');
    await t.say(SITI_LID, '1');
    // Nothing tells the two apart yet: a second contact is unavoidable here.
    expect((await t.say(SITI_PN, 'halo')).join('\n')).toContain('Selamat datang');
    expect(await t.h.db.db.$count(contacts)).toBe(2);
    const [first] = (await identities(t)).filter((i) => i.externalId === SITI_LID);
    // WhatsApp then gives both addresses: one identity, on the contact created first.
    const reply = await t.say(SITI_LID, 'ya', { alt: SITI_PN });
    expect(reply.join('\n')).toContain('Privasi Anda');
    expect(await identities(t)).toEqual([
      { externalId: SITI_LID, phone: '6281234567890', contactId: first?.contactId },
    ]);
    const byNumber = await t.say(SITI_PN, 'setuju', { replyTo: SITI_LID });
    expect(byNumber.join('\n')).toContain('persetujuan Anda sudah dicatat');
  });

  it('makes an admin number admin when it is learnt after the contact was created by LID', async () => {
    t = await createWhatsappTest();
    await t.say(ADMIN_LID, 'halo');
    const role = async () =>
      (await t?.h.db.db.select({ role: contacts.role }).from(contacts))?.map((r) => r.role);
    expect(await role()).toEqual(['warga']);
    await t.say(ADMIN_LID, 'halo', { alt: ADMIN_PN });
    expect(await role()).toEqual(['admin']);
    const [row] = await t.h.db.db
      .select()
      .from(channelIdentities)
      .where(eq(channelIdentities.externalId, ADMIN_LID));
    expect(row?.phone).toBe(ADMIN_PHONE);
  });
});
