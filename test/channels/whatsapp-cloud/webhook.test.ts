import { afterEach, describe, expect, it } from 'vitest';
import {
  CLOUD_WEBHOOK_MAX_BYTES,
  signatureOf,
} from '../../../src/channels/whatsapp-cloud/webhook.js';
import { inboundMessages } from '../../../src/db/schema/index.js';
import {
  APP_SECRET,
  type CloudTest,
  createCloudTest,
  notification,
  VERIFY_TOKEN,
  WEBHOOK_PATH,
} from './setup.js';

const SITI = '6281234567890';

let t: CloudTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

describe('WhatsApp Cloud API webhook', () => {
  it("answers Meta's verification with the challenge, and only with the right token", async () => {
    t = await createCloudTest();
    const verify = (token: string, mode = 'subscribe') =>
      t?.app.request(
        `${WEBHOOK_PATH}?hub.mode=${mode}&hub.verify_token=${token}&hub.challenge=1158201444`,
      );
    const ok = await verify(VERIFY_TOKEN);
    expect(ok?.status).toBe(200);
    expect(await ok?.text()).toBe('1158201444');
    expect((await verify('wrong-token-0123456789'))?.status).toBe(403);
    expect((await verify(VERIFY_TOKEN, 'unsubscribe'))?.status).toBe(403);
  });

  it('refuses a signed body above 1 MB with 413 and handles nothing of it', async () => {
    t = await createCloudTest();
    const body = notification({
      messages: [{ from: SITI, id: 'wamid.BIG', type: 'text', text: { body: 'halo' } }],
    });
    const big = { ...body, padding: 'x'.repeat(CLOUD_WEBHOOK_MAX_BYTES) };
    expect(await t.post(big)).toBe(413);
    expect(t.graph.sent).toEqual([]);
    expect(await t.h.db.db.$count(inboundMessages)).toBe(0);
  });

  it('refuses a body with a bad or missing signature (401) and handles nothing of it', async () => {
    t = await createCloudTest();
    const body = notification({
      messages: [{ from: SITI, id: 'wamid.X1', type: 'text', text: { body: 'halo' } }],
    });
    expect(await t.post(body, { signature: null })).toBe(401);
    expect(await t.post(body, { signature: signatureOf('{}', APP_SECRET) })).toBe(401);
    expect(
      await t.post(body, { signature: signatureOf(JSON.stringify(body), 'other-secret') }),
    ).toBe(401);
    expect(await t.post(body, { signature: 'sha256=zz' })).toBe(401);
    expect(t.graph.sent).toEqual([]);
    expect(await t.h.db.db.$count(inboundMessages)).toBe(0);
    expect(await t.post(body)).toBe(200);
    expect(t.graph.take(SITI).join('\n')).toContain('Apa yang ingin Anda lakukan?');
  });

  it('handles a redelivered notification once', async () => {
    t = await createCloudTest();
    const message = { type: 'text', text: { body: 'halo' } };
    expect(await t.send(SITI, message, 'wamid.SAME')).toBe(200);
    expect(t.graph.take(SITI)).toHaveLength(1);
    expect(await t.send(SITI, message, 'wamid.SAME')).toBe(200);
    expect(t.graph.take(SITI)).toEqual([]);
    expect(await t.h.db.db.$count(inboundMessages)).toBe(1);
  });

  it('answers 200 to a signed body of another shape, and ignores it', async () => {
    t = await createCloudTest();
    expect(await t.post({ object: 'page', entry: [] })).toBe(200);
    expect(await t.post({ hello: 'world' })).toBe(200);
    expect(t.graph.sent).toEqual([]);
  });
});
