import { idleState } from '../src/core/engine/state.js';
import { defineFlow, END } from '../src/core/flow/types.js';
import { t } from '../src/core/messages.js';
import { eraseContactData } from '../src/db/queries/erasure.js';
import type { ActionHandler } from '../src/runtime/types.js';

/**
 * /hapusdata: deletes the person's profile and personal data after a confirmation. The
 * goodbye is the last message; the outbox sender removes what is left once it is sent.
 */
export const deleteDataFlow = defineFlow({
  id: 'delete-data',
  version: 1,
  commands: ['hapusdata', 'deletedata'],
  steps: [
    {
      id: 'confirm',
      kind: 'choice',
      prompt: t('delete-data:confirm'),
      options: [
        { value: 'erase', label: t('delete-data:options.erase') },
        { value: 'keep', label: t('delete-data:options.keep') },
      ],
      next: { erase: 'erase', keep: 'kept' },
    },
    { id: 'kept', kind: 'say', text: t('delete-data:kept'), next: END },
    { id: 'erase', kind: 'call', action: 'data.delete' },
    { id: 'goodbye', kind: 'say', text: t('delete-data:goodbye'), next: END },
  ],
});

/**
 * Actions of /hapusdata. `removeMediaFile` deletes a stored photo's file by its SHA-256;
 * it runs inside the transaction, so a rollback after it leaves a row without its file,
 * which the media store already treats as missing.
 */
export function createDeleteDataActions(deps: {
  removeMediaFile: (sha256: string) => Promise<void>;
}): Record<string, ActionHandler> {
  return {
    'data.delete': async ({ tx, contact, clock, logger }) => {
      const { mediaFiles } = await eraseContactData(tx, {
        contactId: contact.id,
        idleState: idleState(),
        now: clock.now(),
      });
      for (const sha256 of mediaFiles) await deps.removeMediaFile(sha256);
      // No contact id at info level: with the message's platform ids in the same log
      // stream it would tie the deleted person to their chat account.
      logger.info({ photos: mediaFiles.length }, 'personal data deleted');
      return { outcome: 'deleted' };
    },
  };
}
