/**
 * /datasaya and /hapusdata over every registered capability: each brings its parts of the
 * person's data, what is shared by all (profile tombstone, identities, message records,
 * other people's copies) is src/db/queries/erasure.ts.
 */
import { idleState } from '../core/engine/state.js';
import { lockContact } from '../db/queries/contacts.js';
import { eraseContactRecords } from '../db/queries/erasure.js';
import type { VillageIndexSource } from '../domain/village-index.js';
import type { Capability, PersonalData } from './capability.js';

/** The person's data across `capabilities`, in their order. */
export function createPersonalData(
  capabilities: readonly Capability[],
  deps: { villages: VillageIndexSource },
): PersonalData {
  const sections = capabilities
    .flatMap((capability) => capability.myData ?? [])
    .sort((a, b) => a.order - b.order);
  return {
    async collect(tx, contact) {
      const source = { tx, contact, villages: deps.villages };
      const parts = [];
      for (const section of sections) parts.push(await section.build(source));
      return parts;
    },
    async erase(tx, params) {
      const { contactId, now } = params;
      await lockContact(tx, { contactId });
      const about: Record<string, string[]> = {};
      const mediaIds: string[] = [];
      const mediaFiles: string[] = [];
      for (const capability of capabilities) {
        const erased = (await capability.erase?.(tx, params)) ?? {};
        mediaIds.push(...(erased.mediaIds ?? []));
        mediaFiles.push(...(erased.mediaFiles ?? []));
        for (const [field, ids] of Object.entries(erased.about ?? {})) {
          about[field] = [...(about[field] ?? []), ...ids];
        }
      }
      const shared = await eraseContactRecords(tx, {
        contactId,
        about,
        mediaIds,
        idleState: idleState(),
        now,
      });
      return { mediaFiles: [...mediaFiles, ...shared.mediaFiles] };
    },
  };
}
