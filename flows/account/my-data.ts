import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { collectMyData } from './declarations.js';

const collect = call('collect', collectMyData);

/** /datasaya: everything stored about the person, readable. Works before consent too. */
export const myDataFlow = defineFlow({
  id: 'my-data',
  version: 1,
  commands: ['datasaya', 'mydata'],
  returns: true,
  steps: [
    collect,
    { id: 'show', kind: 'say', text: (ctx) => resultOf(ctx, collect)?.text ?? t('my-data:none') },
  ],
});
