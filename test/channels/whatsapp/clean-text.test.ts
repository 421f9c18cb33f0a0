import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { channelIdentities, contacts } from '../../../src/db/schema/index.js';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

const LID = '201234567890555@lid';

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('WhatsApp text with control characters', () => {
  it('answers a name with a NUL and stores it without', async () => {
    t = await createWhatsappTest({ onboarding: true });
    for (const line of ['halo', '1', 'ya', '1']) await t.say(LID, line);
    const replies = await t.say(LID, 'Budi\u0000 Santoso\u0007');
    expect(replies.join('\n')).toContain('Apa peran Anda di desa?');
    const [row] = await t.h.db.db
      .select({ name: contacts.displayName })
      .from(contacts)
      .innerJoin(channelIdentities, eq(channelIdentities.contactId, contacts.id))
      .where(eq(channelIdentities.externalId, LID));
    expect(row?.name).toBe('Budi Santoso');
  });
});
