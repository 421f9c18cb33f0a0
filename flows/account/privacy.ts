import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { PRIVACY_NOTICE_VERSION } from '../../src/domain/privacy.js';

/** /privasi: the full privacy notice, readable at any time, even before consent. */
export const privacyFlow = defineFlow({
  id: 'privacy',
  version: 1,
  commands: ['privasi', 'privacy'],
  returns: true,
  steps: [
    {
      id: 'notice',
      kind: 'say',
      text: t('privacy:notice', { version: PRIVACY_NOTICE_VERSION }),
    },
  ],
});
