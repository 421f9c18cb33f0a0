/**
 * The part of /siaran that changes what is not sent yet: a scheduled broadcast's time,
 * text or audience, or cancelling it, until it starts; stopping a running one (the rest is
 * not sent). A new text or audience goes through the composing steps again (compose.ts:
 * the count, the preview) from what the broadcast says, and is saved instead of sent.
 */
import { call, resultOf } from '../../src/core/flow/action.js';
import { END, type Step, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { otherLanguage } from '../../src/domain/broadcast-message.js';
import {
  type BroadcastDraft,
  cancelBroadcast,
  openBroadcast,
  rescheduleBroadcast,
  stopBroadcast,
} from './declarations.js';
import { BROADCAST_MAX_CHARS, BROADCAST_MIN_CHARS } from './limits.js';

const open = call('open', openBroadcast, {
  input: (ctx) => ({ id: String(ctx.answers.home ?? '') }),
  next: { scheduled: 'manage_scheduled', running: 'manage_running', '*': 'manage_gone' },
});

const opened = (ctx: StepContext) => {
  const result = resultOf(ctx, open);
  return result && result.outcome !== 'gone' ? result : undefined;
};
const idOf = (ctx: StepContext) => ({ id: opened(ctx)?.id ?? '' });

/** What is being changed of a scheduled broadcast, if the sender chose to change one. */
export type Changing = { part: 'text' | 'audience'; draft: BroadcastDraft; number: number };

/**
 * The scheduled broadcast whose text or audience is being changed; undefined while a new
 * one is composed.
 */
export function changing(ctx: StepContext): Changing | undefined {
  const part = ctx.answers.manage_scheduled;
  const draft = opened(ctx)?.draft;
  if (ctx.answers.home === 'new' || !draft) return undefined;
  const number = opened(ctx)?.number ?? 0;
  if (part === 'change_text') return { part: 'text', draft, number };
  if (part === 'change_audience') return { part: 'audience', draft, number };
  return undefined;
}

const reschedule = call('reschedule', rescheduleBroadcast, {
  input: (ctx) => ({ ...idOf(ctx), when: String(ctx.answers.new_time ?? '') }),
  next: { rescheduled: 'rescheduled', invalid: 'new_time_invalid', '*': 'manage_late' },
});
const cancel = call('cancel_broadcast', cancelBroadcast, {
  input: idOf,
  next: { cancelled: 'cancel_done', '*': 'manage_late' },
});
const stop = call('stop_broadcast', stopBroadcast, {
  input: idOf,
  next: { stopped: 'stop_done', '*': 'manage_gone' },
});

function number(ctx: StepContext): number {
  return opened(ctx)?.number ?? 0;
}

function rescheduledText(ctx: StepContext): Text {
  const result = resultOf(ctx, reschedule);
  const at = result?.outcome === 'rescheduled' ? result.at : '';
  return t('broadcasts:manage.rescheduled', { number: number(ctx), at });
}

/** The steps after the list's "Manage #n". */
export const manageSteps: Step[] = [
  open,
  { id: 'manage_gone', kind: 'say', text: t('broadcasts:manage.gone'), next: END },
  {
    id: 'manage_scheduled',
    kind: 'choice',
    prompt: (ctx) => opened(ctx)?.text ?? t('broadcasts:manage.gone'),
    options: (['change_time', 'change_text', 'change_audience', 'cancel', 'back'] as const).map(
      (value) => ({
        value,
        label: t(`broadcasts:manage.${value}`),
      }),
    ),
    next: {
      change_time: 'new_time',
      change_text: 'edit_text',
      change_audience: 'roles',
      cancel: 'cancel_broadcast',
      back: 'begin',
    },
  },
  {
    id: 'edit_text',
    kind: 'text',
    prompt: t('broadcasts:text.prompt'),
    help: t('broadcasts:text.help'),
    min: BROADCAST_MIN_CHARS,
    max: BROADCAST_MAX_CHARS,
  },
  {
    id: 'edit_second_text',
    kind: 'text',
    // Only a broadcast with a second-language version has one to write again.
    skipIf: (ctx) => !changing(ctx)?.draft.second,
    prompt: (ctx) =>
      t(`broadcasts:second.text_${otherLanguage(changing(ctx)?.draft.mainLanguage ?? 'id')}`),
    min: BROADCAST_MIN_CHARS,
    max: BROADCAST_MAX_CHARS,
    // The count and the preview again, then saving (compose.ts).
    next: 'recount',
  },
  {
    id: 'new_time',
    kind: 'text',
    prompt: (ctx) => t('broadcasts:when.prompt', { zone: opened(ctx)?.zone ?? 'WIB' }),
    max: 60,
  },
  reschedule,
  { id: 'rescheduled', kind: 'say', text: rescheduledText, next: END },
  { id: 'new_time_invalid', kind: 'say', text: t('broadcasts:when.invalid'), next: 'new_time' },
  cancel,
  {
    id: 'cancel_done',
    kind: 'say',
    text: (ctx) => t('broadcasts:manage.cancelled_done', { number: number(ctx) }),
    next: END,
  },
  {
    id: 'manage_late',
    kind: 'say',
    text: (ctx) => t('broadcasts:manage.too_late', { number: number(ctx) }),
    next: END,
  },
  {
    id: 'manage_running',
    kind: 'choice',
    prompt: (ctx) => opened(ctx)?.text ?? t('broadcasts:manage.gone'),
    options: (['stop', 'back'] as const).map((value) => ({
      value,
      label: t(`broadcasts:manage.${value}`),
    })),
    next: { stop: 'stop_broadcast', back: 'begin' },
  },
  stop,
  {
    id: 'stop_done',
    kind: 'say',
    text: (ctx) => t('broadcasts:manage.stopped_done', { number: number(ctx) }),
    next: END,
  },
];
