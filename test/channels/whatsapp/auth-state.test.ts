import { type AuthenticationCreds, initAuthCreds } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { loadAuthState } from '../../../src/channels/whatsapp/auth-state.js';
import { type Database, openDatabase } from '../../../src/db/client.js';
import { whatsappAuthStore } from '../../../src/db/queries/whatsapp-auth.js';
import { whatsappAuth } from '../../../src/db/schema/index.js';
import { createTestDb, DRIVERS, TEST_DATABASE_URL } from '../../support/db.js';
import { withDatabase } from '../../support/db-shared.js';
import { createTestClock } from '../../support/harness.js';

/**
 * Opens the same data again as a new process would: PGlite from a dump of the first
 * instance's data folder, PostgreSQL through a new connection pool.
 */
async function reopen(database: Database): Promise<{ db: Database; close(): Promise<void> }> {
  if (database.pglite) {
    const dump = await database.pglite.dumpDataDir('none');
    await database.close();
    const db = await openDatabase({ driver: 'pglite', memory: true, loadDataDir: dump });
    return { db, close: () => db.close() };
  }
  if (!database.sql || !TEST_DATABASE_URL) throw new Error('no PostgreSQL');
  const [row] = await database.sql<{ name: string }[]>`select current_database() as name`;
  const db = await openDatabase({
    driver: 'postgres',
    url: withDatabase(TEST_DATABASE_URL, String(row?.name)),
  });
  return {
    db,
    close: async () => {
      await db.close();
      await database.close();
    },
  };
}

describe.each(DRIVERS)('WhatsApp login in the database (%s)', (driver) => {
  it('reads back credentials and keys after a reopen: Buffers and digit-only strings intact', async () => {
    const clock = createTestClock();
    const first = await createTestDb(driver);
    const written = await loadAuthState({ store: whatsappAuthStore(first.db), clock });
    expect(written.restored).toBe(false);
    const creds = written.state.creds;
    creds.me = { id: '6281234567890:12@s.whatsapp.net', lid: '123456789012345:12@lid' };
    creds.registered = true;
    await written.saveCreds();
    const preKey = { public: Buffer.from([1, 2, 3, 255]), private: new Uint8Array([0, 9, 8]) };
    await written.state.keys.set({
      'pre-key': { '1': preKey, '2': preKey },
      session: { '123456789012345.0': Buffer.from('session bytes') },
      'lid-mapping': {
        '6281234567890': '123456789012345',
        '123456789012345_reverse': '6281234567890',
      },
      'app-state-sync-key': { AAAAAQ: { keyData: Buffer.from([7, 7, 7]), timestamp: 1234 } },
      tctoken: { '123456789012345@lid': { token: Buffer.from([4, 2]), timestamp: '1772413200' } },
    });
    await written.state.keys.set({ 'pre-key': { '2': null } });

    const again = await reopen(first);
    try {
      const read = await loadAuthState({ store: whatsappAuthStore(again.db.db), clock });
      expect(read.restored).toBe(true);
      expectSameCreds(read.state.creds, creds);
      const keys = read.state.keys;
      const preKeys = await keys.get('pre-key', ['1', '2']);
      expect(Object.keys(preKeys)).toEqual(['1']);
      expect(Buffer.isBuffer(preKeys['1']?.public)).toBe(true);
      expect([...(preKeys['1']?.public ?? [])]).toEqual([1, 2, 3, 255]);
      expect([...(preKeys['1']?.private ?? [])]).toEqual([0, 9, 8]);
      const sessions = await keys.get('session', ['123456789012345.0']);
      expect(Buffer.from(sessions['123456789012345.0'] ?? []).toString()).toBe('session bytes');
      const mapping = await keys.get('lid-mapping', ['6281234567890', '123456789012345_reverse']);
      expect(mapping).toEqual({
        '6281234567890': '123456789012345',
        '123456789012345_reverse': '6281234567890',
      });
      const syncKeys = await keys.get('app-state-sync-key', ['AAAAAQ']);
      expect([...(syncKeys.AAAAAQ?.keyData ?? [])]).toEqual([7, 7, 7]);
      const tokens = await keys.get('tctoken', ['123456789012345@lid']);
      expect(tokens['123456789012345@lid']?.timestamp).toBe('1772413200');
      expect(Buffer.isBuffer(tokens['123456789012345@lid']?.token)).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('writes the 812 pre-keys of a first login in one go, and clears everything', async () => {
    const db = await createTestDb(driver);
    try {
      const store = whatsappAuthStore(db.db);
      const { state, saveCreds } = await loadAuthState({ store, clock: createTestClock() });
      await saveCreds();
      const pair = initAuthCreds().signedIdentityKey;
      const preKeys = Object.fromEntries(
        Array.from({ length: 812 }, (_, i) => [String(i + 1), pair]),
      );
      await state.keys.set({ 'pre-key': preKeys });
      expect(await db.db.$count(whatsappAuth)).toBe(813);
      await state.keys.clear?.();
      expect(await db.db.$count(whatsappAuth)).toBe(0);
    } finally {
      await db.close();
    }
  });
});

function expectSameCreds(read: AuthenticationCreds, written: AuthenticationCreds): void {
  expect(Buffer.isBuffer(read.noiseKey.private)).toBe(true);
  expect(
    Buffer.compare(Buffer.from(read.noiseKey.private), Buffer.from(written.noiseKey.private)),
  ).toBe(0);
  expect(
    Buffer.from(read.signedPreKey.signature).equals(Buffer.from(written.signedPreKey.signature)),
  ).toBe(true);
  expect(read.registrationId).toBe(written.registrationId);
  expect(read.advSecretKey).toBe(written.advSecretKey);
  expect(read.me).toEqual(written.me);
  expect(read.registered).toBe(true);
}
