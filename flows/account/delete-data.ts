import { call } from '../../src/core/flow/action.js';
import { defineFlow, END } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { deleteData } from './declarations.js';

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
        { value: 'erase', label: t('delete-data:options.erase'), means: 'yes' },
        { value: 'keep', label: t('delete-data:options.keep'), means: 'no' },
      ],
      destructive: true,
      next: { erase: 'erase', keep: 'kept' },
    },
    { id: 'kept', kind: 'say', text: t('delete-data:kept'), next: END },
    call('erase', deleteData),
    { id: 'goodbye', kind: 'say', text: t('delete-data:goodbye'), next: END },
  ],
});
