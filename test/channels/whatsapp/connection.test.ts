import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadAuthState } from '../../../src/channels/whatsapp/auth-state.js';
import {
  RECONNECT_BASE_MS,
  RECONNECT_MAX_MS,
  reconnectDelayMs,
} from '../../../src/channels/whatsapp/connection.js';
import { whatsappAuthStore } from '../../../src/db/queries/whatsapp-auth.js';
import { whatsappAuth } from '../../../src/db/schema/index.js';
import { createTestDb } from '../../support/db.js';
import { createTestClock } from '../../support/harness.js';
import { createWhatsappTest, type WhatsappTest } from './setup.js';

let t: WhatsappTest | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Stores a login as a paired number would have it. */
async function storePairedLogin(db: Awaited<ReturnType<typeof createTestDb>>) {
  const { state, saveCreds } = await loadAuthState({
    store: whatsappAuthStore(db.db),
    clock: createTestClock(),
  });
  state.creds.registered = true;
  state.creds.me = { id: '6281200000000:7@s.whatsapp.net', lid: '200000000000000:7@lid' };
  await saveCreds();
  await state.keys.set({ session: { '201234567890123.0': Buffer.from([1, 2, 3]) } });
  return state.creds;
}

describe('WhatsApp connection', () => {
  it('hands the stored login to the socket factory and saves credential updates', async () => {
    const db = await createTestDb();
    const creds = await storePairedLogin(db);
    t = await createWhatsappTest({ db });
    const given = t.socket().config.auth.creds;
    expect(given.registered).toBe(true);
    expect(given.me).toEqual(creds.me);
    expect(Buffer.from(given.noiseKey.private).equals(Buffer.from(creds.noiseKey.private))).toBe(
      true,
    );
    const sessions = await t.socket().config.auth.keys.get('session', ['201234567890123.0']);
    expect([...(sessions['201234567890123.0'] ?? [])]).toEqual([1, 2, 3]);
    expect(await t.wa.health()).toEqual({ status: 'up' });

    given.me = { ...creds.me, name: 'Sapa Desa', id: creds.me?.id ?? '' };
    t.socket().ev.emit('creds.update', { me: given.me });
    await vi.waitFor(async () => {
      const read = await loadAuthState({
        store: whatsappAuthStore(db.db),
        clock: createTestClock(),
      });
      expect(read.state.creds.me?.name).toBe('Sapa Desa');
    });
    await t.close();
    t = undefined;
    await db.close();
  });

  it('reconnects after a close with capped exponential backoff', async () => {
    t = await createWhatsappTest();
    const { timers, sockets } = t;
    const first = t.socket();
    first.close(DisconnectReason.connectionLost);
    expect(await t.wa.health()).toMatchObject({ status: 'down' });
    expect(timers.waiting()).toEqual([RECONNECT_BASE_MS]);
    timers.run();
    await vi.waitFor(() => expect(sockets.sockets).toHaveLength(2));
    expect(sockets.current.config.auth.creds).toBe(first.config.auth.creds);

    sockets.current.close(DisconnectReason.connectionClosed);
    expect(timers.waiting()).toEqual([RECONNECT_BASE_MS * 2]);
    timers.run();
    await vi.waitFor(() => expect(sockets.sockets).toHaveLength(3));
    sockets.current.open();
    expect(await t.wa.health()).toEqual({ status: 'up' });

    // Open resets the backoff; a restart request (after pairing) reconnects at once.
    sockets.current.close(DisconnectReason.timedOut);
    expect(timers.waiting()).toEqual([RECONNECT_BASE_MS]);
    timers.run();
    await vi.waitFor(() => expect(sockets.sockets).toHaveLength(4));
    sockets.current.close(DisconnectReason.restartRequired);
    expect(timers.waiting()).toEqual([0]);

    expect(reconnectDelayMs(1)).toBe(RECONNECT_BASE_MS);
    expect(reconnectDelayMs(30)).toBe(RECONNECT_MAX_MS);
  });

  it('stops reconnecting when another process replaces the connection (440), and says so', async () => {
    t = await createWhatsappTest();
    const { timers, sockets } = t;
    // Each reconnect would open, reset the backoff and knock the other process off again.
    t.socket().close(DisconnectReason.connectionReplaced);
    expect(timers.waiting()).toEqual([]);
    expect(timers.run()).toBe(0);
    expect(sockets.sockets).toHaveLength(1);
    expect(await t.wa.health()).toEqual({
      status: 'down',
      detail: expect.stringContaining('replaced'),
    });
    expect(await t.wa.channel.send('201234567890123@lid', { texts: ['halo'] })).toMatchObject({
      type: 'retry',
    });
  });

  it('stops reconnecting when WhatsApp refuses the number (403)', async () => {
    t = await createWhatsappTest();
    t.socket().close(DisconnectReason.forbidden);
    expect(t.timers.waiting()).toEqual([]);
    expect(t.sockets.sockets).toHaveLength(1);
    expect(await t.wa.health()).toEqual({
      status: 'down',
      detail: expect.stringContaining('403'),
    });
  });

  it('clears the stored login on logout and asks for pairing again', async () => {
    const db = await createTestDb();
    const creds = await storePairedLogin(db);
    t = await createWhatsappTest({ db });
    expect(await db.db.$count(whatsappAuth)).toBe(2);
    t.socket().close(DisconnectReason.loggedOut);
    await vi.waitFor(() => expect(t?.timers.waiting()).toEqual([0]));
    expect(await db.db.$count(whatsappAuth)).toBe(0);
    expect(await t.wa.health()).toEqual({
      status: 'down',
      detail: expect.stringContaining('logged out'),
    });

    t.timers.run();
    await vi.waitFor(() => expect(t?.sockets.sockets).toHaveLength(2));
    const fresh = t.socket().config.auth.creds;
    expect(fresh.registered).toBe(false);
    expect(Buffer.from(fresh.noiseKey.private).equals(Buffer.from(creds.noiseKey.private))).toBe(
      false,
    );
    t.socket().showQr('2@qr-code-data');
    expect(t.prompts).toEqual([{ type: 'qr', qr: '2@qr-code-data' }]);
    t.socket().open();
    expect(await t.wa.health()).toEqual({ status: 'up' });
    await t.close();
    t = undefined;
    await db.close();
  });

  it('asks for a pairing code instead of a QR code when a pairing number is set', async () => {
    t = await createWhatsappTest({ pairingNumber: '6281200000000', noOpen: true });
    expect(await t.wa.health()).toEqual({ status: 'down', detail: 'connecting' });
    t.socket().showQr('2@first');
    t.socket().showQr('2@second');
    await vi.waitFor(() =>
      expect(t?.prompts).toEqual([
        { type: 'code', code: 'ABCD1234', phoneNumber: '6281200000000' },
      ]),
    );
    expect(t.socket().pairingRequests).toEqual(['6281200000000']);
    expect(await t.wa.health()).toMatchObject({ detail: expect.stringContaining('pairing') });
  });

  it('closes the socket when stopped and does not reconnect', async () => {
    t = await createWhatsappTest();
    const socket = t.socket();
    await t.wa.stop();
    expect(socket.ended).toBe(true);
    socket.close(DisconnectReason.connectionClosed);
    expect(t.timers.waiting()).toEqual([]);
  });
});
