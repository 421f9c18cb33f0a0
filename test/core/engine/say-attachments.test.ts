import { describe, expect, it } from 'vitest';
import { defineFlow } from '../../../src/core/flow/types.js';
import { createChat, say } from './chat.js';

describe('say steps with attachments', () => {
  const flow = defineFlow({
    id: 'show',
    version: 1,
    steps: [
      {
        id: 'report',
        kind: 'say',
        text: say('Laporan'),
        attachments: (ctx) =>
          ctx.args
            ? [
                { type: 'photo', mediaId: ctx.args },
                { type: 'location', latitude: -6.2, longitude: 106.8 },
              ]
            : [],
      },
    ],
  });

  it('sends the attachments with the text, and none when there are none', () => {
    const chat = createChat([flow]);
    chat.start('show', 'foto-1');
    expect(chat.messages()).toEqual([
      {
        texts: [say('Laporan')],
        attachments: [
          { type: 'photo', mediaId: 'foto-1' },
          { type: 'location', latitude: -6.2, longitude: 106.8 },
        ],
      },
    ]);
    chat.start('show');
    expect(chat.messages()).toEqual([{ texts: [say('Laporan')] }]);
  });
});
