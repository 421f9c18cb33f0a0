import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { webLink } from './declarations.js';

/** The id of the /web flow. */
export const WEB_FLOW = 'web';

const link = call('link', webLink, { input: () => ({}) });

/**
 * /web: a member of staff gets a one-time link to the admin web (valid 10 minutes, used
 * once); anyone else is told the web console is for programme staff.
 */
export const webFlow = defineFlow({
  id: WEB_FLOW,
  version: 1,
  commands: ['web'],
  steps: [
    link,
    {
      id: 'show',
      kind: 'say',
      text: (ctx) => {
        const result = resultOf(ctx, link);
        return result?.outcome === 'link' ? result.text : t('web:link.not_staff');
      },
    },
  ],
});
