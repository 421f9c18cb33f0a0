import { afterEach, describe, expect, it } from 'vitest';
import { channelIdentities, contacts } from '../../../src/db/schema/index.js';
import { createWhatsappTest, type WhatsappTest } from '../whatsapp/setup.js';
import { type CloudTest, createCloudTest } from './setup.js';

const SITI_PHONE = '6281234567890';
const SITI_LID = '201234567890123@lid';
const SITI_PN = `${SITI_PHONE}@s.whatsapp.net`;

let wa: WhatsappTest | undefined;
let cloud: CloudTest | undefined;
afterEach(async () => {
  await cloud?.close();
  await wa?.close();
  cloud = undefined;
  wa = undefined;
});

async function identities(test: WhatsappTest) {
  const rows = await test.h.db.db
    .select({
      channel: channelIdentities.channel,
      externalId: channelIdentities.externalId,
      contactId: channelIdentities.contactId,
    })
    .from(channelIdentities);
  return rows.sort((a, b) => a.channel.localeCompare(b.channel));
}

describe('One person on both WhatsApp channels', () => {
  it('is one contact: started on Baileys, continued on the Cloud API', async () => {
    wa = await createWhatsappTest({ onboarding: true });
    cloud = await createCloudTest({ harness: wa.h });
    expect((await wa.say(SITI_LID, 'halo', { alt: SITI_PN })).join('\n')).toContain(
      'Selamat datang',
    );
    expect((await wa.say(SITI_LID, '1', { alt: SITI_PN })).join('\n')).toContain('18 tahun');
    // The same number writes to the official number: the conversation goes on.
    const reply = (await cloud.say(SITI_PHONE, 'ya')).join('\n');
    expect(reply).toContain('Privasi Anda');
    expect(reply).not.toContain('Selamat datang');
    expect(await wa.h.db.db.$count(contacts)).toBe(1);
    const rows = await identities(wa);
    expect(rows.map((r) => [r.channel, r.externalId])).toEqual([
      ['whatsapp', SITI_LID],
      ['whatsapp-cloud', SITI_PHONE],
    ]);
    expect(rows[0]?.contactId).toBe(rows[1]?.contactId);
  });

  it('is one contact: started on the Cloud API, continued on Baileys', async () => {
    wa = await createWhatsappTest({ onboarding: true });
    cloud = await createCloudTest({ harness: wa.h });
    expect((await cloud.say(SITI_PHONE, 'halo')).join('\n')).toContain('Selamat datang');
    const reply = await wa.say(SITI_LID, '1', { alt: SITI_PN });
    expect(reply.join('\n')).toContain('18 tahun');
    expect(await wa.h.db.db.$count(contacts)).toBe(1);
    const rows = await identities(wa);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.contactId).toBe(rows[1]?.contactId);
  });
});
