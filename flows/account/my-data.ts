import { defineFlow, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { JOIN_KEYS } from '../../src/core/text-lines.js';
import { PROFILE_TEXT_KEYS } from './profile-text.js';

const CONSENT_ANSWERS = ['accepted', 'declined', 'withdrawn'];
const REQUEST_STATUSES = ['pending', 'confirmed', 'rejected', 'cancelled'];
const NONE = t('my-data:none');

/** /datasaya: everything stored about the person, readable. Works before consent too. */
export const myDataFlow = defineFlow({
  id: 'my-data',
  version: 1,
  commands: ['datasaya', 'mydata'],
  returns: true,
  extraKeys: [
    ...JOIN_KEYS,
    ...PROFILE_TEXT_KEYS,
    ...CONSENT_ANSWERS.map((answer) => `my-data:answers.${answer}`),
    ...REQUEST_STATUSES.map((status) => `my-data:statuses.${status}`),
    ...['profile', 'accounts', 'consents', 'roles', 'messages'].map(
      (title) => `my-data:titles.${title}`,
    ),
    'my-data:all',
    'my-data:section',
    'my-data:none',
    'my-data:registered',
    'my-data:not_registered',
    'my-data:village_code',
    'my-data:account',
    'my-data:account_phone',
    'my-data:consent',
    'my-data:request',
    'my-data:messages',
  ],
  steps: [
    { id: 'collect', kind: 'call', action: 'my_data.collect' },
    { id: 'show', kind: 'say', text: (ctx: StepContext) => shownText(ctx) },
  ],
});

function shownText(ctx: StepContext): Text {
  const collected = ctx.answers.collect as { text?: Text } | undefined;
  return collected?.text ?? NONE;
}
