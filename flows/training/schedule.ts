import { type CallStep, call, resultOf } from '../../src/core/flow/action.js';
import {
  type ChoiceOption,
  defineFlow,
  END,
  goto,
  type StepContext,
} from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { changeSteps } from './change-steps.js';
import {
  answerSession,
  attendanceList,
  calendarFile,
  cancelSession,
  listSessions,
  openCheckIn,
  type SessionList,
} from './declarations.js';
import { open, opened, sessionIdOf } from './schedule-state.js';

const list: CallStep<SessionList> = call('list', listSessions, {
  input: (ctx) => {
    const listed = resultOf(ctx, list);
    const page = listed?.outcome === 'listed' ? listed.page : 0;
    return { page: ctx.answers.pick === 'more' ? page + 1 : page };
  },
  next: { empty: 'empty', '*': 'pick' },
});

function pageOptions(ctx: StepContext): ChoiceOption[] {
  const listed = resultOf(ctx, list);
  if (listed?.outcome !== 'listed') return [{ value: 'done', label: t('training:list.done') }];
  return [
    ...listed.items.map((item) => ({ value: item.id, label: item.label })),
    ...(listed.more ? [{ value: 'more', label: t('training:list.more') }] : []),
    { value: 'done', label: t('training:list.done') },
  ];
}

function pagePrompt(ctx: StepContext): Text {
  const listed = resultOf(ctx, list);
  if (listed?.outcome !== 'listed') return t('training:list.empty');
  // A list on one page says no numbers: no "1-1 dari 1".
  if (listed.from <= 1 && listed.to >= listed.total) return t('training:list.prompt_all');
  return t('training:list.prompt', { from: listed.from, to: listed.to, total: listed.total });
}

function actOptions(ctx: StepContext): ChoiceOption[] {
  return [
    ...(opened(ctx)?.acts ?? []).map((value) => ({ value, label: t(`training:act.${value}`) })),
    { value: 'list', label: t('training:act.list') },
    { value: 'done', label: t('training:act.done') },
  ];
}

const rsvp = call('rsvp', answerSession, {
  input: (ctx) => ({ sessionId: sessionIdOf(ctx), answer: ctx.answers.act ?? null }),
});
const calendar = call('calendar', calendarFile, {
  input: (ctx) => ({ sessionId: sessionIdOf(ctx) }),
});
const checkin = call('checkin', openCheckIn, { input: (ctx) => ({ sessionId: sessionIdOf(ctx) }) });
const attendance = call('attendance', attendanceList, {
  input: (ctx) => ({ sessionId: sessionIdOf(ctx) }),
});
const cancel = call('cancel', cancelSession, { input: (ctx) => ({ sessionId: sessionIdOf(ctx) }) });

/** A say step showing the text an action returned. */
function said(id: string, step: { id: string; save?: string }, next: string) {
  return {
    id,
    kind: 'say' as const,
    text: (ctx: StepContext) => {
      const result = ctx.answers[step.save ?? step.id];
      return typeof result === 'object' && result !== null && 'text' in result
        ? (result.text as Text)
        : t('training:detail.gone');
    },
    next,
  };
}

/**
 * "Jadwal pelatihan" (/jadwal): the sessions for the person's role and region (and those
 * they manage), soonest first, a page at a time; a session's detail, the RSVP, the
 * calendar file, and for its managers the changes, the check-in and the attendance list.
 */
export const scheduleFlow = defineFlow({
  id: 'training-schedule',
  version: 1,
  commands: ['jadwal', 'schedule'],
  steps: [
    list,
    { id: 'empty', kind: 'say', text: t('training:list.empty'), next: END },
    {
      id: 'pick',
      kind: 'choice',
      prompt: pagePrompt,
      options: pageOptions,
      next: { more: 'list', done: goto('menu'), '*': 'open' },
    },
    open,
    { id: 'gone', kind: 'say', text: t('training:detail.gone'), next: 'list' },
    { id: 'show', kind: 'say', text: (ctx) => opened(ctx)?.text ?? t('training:detail.gone') },
    {
      id: 'act',
      kind: 'choice',
      prompt: t('training:act.prompt'),
      options: actOptions,
      next: {
        ikut: 'rsvp',
        tidak: 'rsvp',
        leave: 'rsvp',
        calendar: 'calendar',
        change_time: 'new_start',
        change_place: 'new_mode',
        cancel_session: 'confirm_cancel',
        checkin: 'checkin',
        attendance: 'attendance',
        list: 'list',
        done: goto('menu'),
      },
    },
    rsvp,
    said('rsvp_said', rsvp, 'open'),
    calendar,
    {
      ...said('calendar_said', calendar, 'act'),
      attachments: (ctx) => resultOf(ctx, calendar)?.attachments ?? [],
    },
    checkin,
    said('checkin_said', checkin, 'act'),
    attendance,
    said('attendance_said', attendance, 'act'),
    ...changeSteps,
    {
      id: 'confirm_cancel',
      kind: 'yesno',
      prompt: (ctx) => t('training:manage.confirm_cancel', { title: opened(ctx)?.title ?? '' }),
      next: { yes: 'cancel', no: 'kept' },
    },
    cancel,
    said('cancel_said', cancel, 'list'),
    { id: 'kept', kind: 'say', text: t('training:manage.kept'), next: 'act' },
  ],
});
