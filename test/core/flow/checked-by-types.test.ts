/**
 * What `npm run typecheck` refuses: each `@ts-expect-error` below must stay an error, or
 * the type check itself fails ("unused '@ts-expect-error' directive"). The test bodies
 * only make sure the file runs; the proof is the compiler's.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as feedback from '../../../flows/feedback/declarations.js';
import * as reports from '../../../flows/reports/declarations.js';
import { call, resultOf } from '../../../src/core/flow/action.js';
import { defineFlow, type StepContext } from '../../../src/core/flow/types.js';
import { type KeysUnder, type Text, t } from '../../../src/core/messages.js';

const ctx: StepContext = {
  answers: {},
  contact: { id: 'c', role: 'warga', language: 'id', villageCode: null, displayName: null },
  args: '',
};

describe('call steps', () => {
  it('name an action by its declaration, so a missing or renamed one fails the type check', () => {
    const flow = defineFlow({
      id: 'typed',
      version: 1,
      steps: [
        // @ts-expect-error: the feedback capability declares no action `remove`.
        call('remove', feedback.remove),
        // @ts-expect-error: an action is named by its declaration, not by a string.
        { id: 'save', kind: 'call', action: 'feedback.save' },
        call('save', feedback.saveFeedback, {
          // @ts-expect-error: the declared input has no field `topik` (it is `topic`).
          input: ({ answers }) => ({ topik: answers.topic }),
        }),
      ],
    });
    expect(flow.steps).toHaveLength(3);
  });

  it('branch only on outcomes the result can carry', () => {
    const move = call('move', reports.moveByStaff, { next: { moved: 'done', '*': 'refused' } });
    // @ts-expect-error: a move is `moved` or `refused`, never `done`.
    call('move', reports.moveByStaff, { next: { done: 'done' } });
    expect(move.next).toEqual({ moved: 'done', '*': 'refused' });
  });

  it('read their result back typed, without casts', () => {
    const save = call('save', feedback.saveFeedback);
    expectTypeOf(resultOf(ctx, save)).toEqualTypeOf<{ outcome: 'saved' } | undefined>();
    const open = call('open', reports.staffOpen);
    const opened = resultOf(ctx, open);
    if (opened?.outcome === 'opened') expectTypeOf(opened.moves).toBeArray();
    expect(resultOf(ctx, save)).toBeUndefined();
  });
});

describe('text keys', () => {
  it('are checked against the locale files, computed ones for each value they can take', () => {
    const status: 'SELESAI' | 'DITOLAK' = 'SELESAI';
    const found: Text = t(`report:statuses.${status}`);
    // @ts-expect-error: locales/id/report.json has no `statuses.SELESAII`.
    t('report:statuses.SELESAII');
    const anyStatus: string = status;
    // @ts-expect-error: a key computed from any string could name a text that does not exist.
    t(`report:statuses.${anyStatus}`);
    const pillar: KeysUnder<'questionnaire:pillar.'> = 'ekonomi.name';
    expect([found.key, pillar]).toEqual(['report:statuses.SELESAI', 'ekonomi.name']);
  });
});
