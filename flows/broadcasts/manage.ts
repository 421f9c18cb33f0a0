/**
 * The part of /siaran that changes what is not sent yet: a scheduled broadcast's time, or
 * cancelling it, until it starts; stopping a running one (the rest is not sent).
 */
import { call, resultOf } from '../../src/core/flow/action.js';
import { END, type Step, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import {
  cancelBroadcast,
  openBroadcast,
  rescheduleBroadcast,
  stopBroadcast,
} from './declarations.js';

const open = call('open', openBroadcast, {
  input: (ctx) => ({ id: String(ctx.answers.home ?? '') }),
  next: { scheduled: 'manage_scheduled', running: 'manage_running', '*': 'manage_gone' },
});

const opened = (ctx: StepContext) => {
  const result = resultOf(ctx, open);
  return result && result.outcome !== 'gone' ? result : undefined;
};
const idOf = (ctx: StepContext) => ({ id: opened(ctx)?.id ?? '' });

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
    options: (['change_time', 'cancel', 'back'] as const).map((value) => ({
      value,
      label: t(`broadcasts:manage.${value}`),
    })),
    next: { change_time: 'new_time', cancel: 'cancel_broadcast', back: 'begin' },
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
