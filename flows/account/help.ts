import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';

/** The help text: what the bot does and the words that work everywhere. */
export const helpFlow = defineFlow({
  id: 'help',
  version: 1,
  commands: ['bantuan', 'help'],
  returns: true,
  steps: [{ id: 'text', kind: 'say', text: t('help:text') }],
});
