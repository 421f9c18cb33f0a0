import {
  type AuthenticationCreds,
  type AuthenticationState,
  BufferJSON,
  initAuthCreds,
  proto,
  type SignalDataSet,
  type SignalDataTypeMap,
  type SignalKeyStore,
} from '@whiskeysockets/baileys';
import type { Clock } from '../../core/ports.js';

/** Category and id under which the credentials are stored, beside the signal keys. */
export const CREDS_CATEGORY = 'creds';
const CREDS_ID = 'creds';

/**
 * Where the login lives: entries of JSON text by category and id (the database's
 * `whatsapp_auth` table in the app). A `null` value deletes the entry.
 */
export interface WhatsappAuthStore {
  read(params: { category: string; ids: string[] }): Promise<Map<string, string>>;
  write(params: {
    rows: { category: string; id: string; value: string | null }[];
    now: Date;
  }): Promise<void>;
  clear(): Promise<void>;
}

/** A login loaded from the store, ready for `makeWASocket({ auth: state })`. */
export interface StoredAuthState {
  state: AuthenticationState;
  /** Writes the current credentials; call on every `creds.update`. */
  saveCreds(): Promise<void>;
  /** True when the credentials came from the store (the number was paired before). */
  restored: boolean;
}

/**
 * Loads the stored login, or fresh credentials when there is none. Values are written
 * with Baileys' `BufferJSON.replacer` and read back as JSON text through
 * `BufferJSON.reviver`, so Buffers come back as Buffers and digit-only strings as strings.
 */
export async function loadAuthState(deps: {
  store: WhatsappAuthStore;
  clock: Clock;
}): Promise<StoredAuthState> {
  const { store, clock } = deps;
  const saved = (await store.read({ category: CREDS_CATEGORY, ids: [CREDS_ID] })).get(CREDS_ID);
  const creds: AuthenticationCreds = saved ? revive(saved) : initAuthCreds();

  const keys: SignalKeyStore = {
    async get(type, ids) {
      const found = await store.read({ category: type, ids });
      const result: { [id: string]: unknown } = {};
      for (const [id, text] of found) {
        const value = revive<object>(text);
        result[id] =
          type === 'app-state-sync-key'
            ? proto.Message.AppStateSyncKeyData.fromObject(value)
            : value;
      }
      return result as { [id: string]: SignalDataTypeMap[typeof type] };
    },
    async set(data: SignalDataSet) {
      const rows: { category: string; id: string; value: string | null }[] = [];
      for (const [category, entries] of Object.entries(data)) {
        for (const [id, value] of Object.entries(entries ?? {})) {
          rows.push({ category, id, value: value == null ? null : serialise(value) });
        }
      }
      await store.write({ rows, now: clock.now() });
    },
    clear: () => store.clear(),
  };

  return {
    state: { creds, keys },
    restored: saved !== undefined,
    saveCreds: () =>
      store.write({
        rows: [{ category: CREDS_CATEGORY, id: CREDS_ID, value: serialise(creds) }],
        now: clock.now(),
      }),
  };
}

/** JSON text of a value, Buffers and byte arrays as base64 (`BufferJSON.replacer`). */
export function serialise(value: unknown): string {
  return JSON.stringify(value, BufferJSON.replacer);
}

/** The value of JSON text written by {@link serialise}. */
export function revive<T>(text: string): T {
  return JSON.parse(text, BufferJSON.reviver) as T;
}
