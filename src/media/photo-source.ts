import type { Db } from '../db/client.js';
import { findMediaById } from '../db/queries/media.js';
import type { MediaStore } from './store.js';

/** A stored photo ready to send: the platform's own file id, or the bytes to upload. */
export type PhotoSource = { fileId: string } | { bytes: Uint8Array };

/**
 * Finds stored photos for sending on `channel`: a photo that came in on that channel goes
 * out by the id the platform gave it (Telegram's file id: no upload), any other by its
 * bytes. Undefined for a photo that is gone (erased with its person).
 */
export function photoSource(
  deps: { db: Db; store: Pick<MediaStore, 'read'> },
  channel: string,
): (mediaId: string) => Promise<PhotoSource | undefined> {
  return async (mediaId) => {
    const row = await findMediaById(deps.db, { id: mediaId });
    if (!row) return undefined;
    if (row.originChannel === channel && row.originRef) return { fileId: row.originRef };
    const bytes = await deps.store.read(mediaId);
    return bytes ? { bytes } : undefined;
  };
}
