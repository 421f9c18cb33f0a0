import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { loadReply, reply } from './declarations.js';
import { statusName } from './text.js';

/** The flow started for the reporter when staff ask them something or mark the report done. */
export const REPORT_REPLY_FLOW = 'report-reply';

/** Longest answer to a question of staff, in characters. */
export const REPLY_MAX_CHARS = 1000;

const load = call('load', loadReply, {
  input: (ctx) => ({ ticket: ctx.args }),
  next: { PERLU_INFO: 'info_when', SELESAI: 'confirm', '*': 'refused' },
});

const send = call('send', reply, {
  input: (ctx) => ({
    ticket: ticketOf(ctx),
    answer: 'info',
    note: ctx.answers.info_answer ?? null,
  }),
  next: { moved: 'info_sent', '*': 'refused' },
});

const close = call('close', reply, {
  input: (ctx) => ({ ticket: ticketOf(ctx), answer: 'fixed', note: null }),
  next: { moved: 'closed', '*': 'refused' },
});

const reopen = call('reopen', reply, {
  input: (ctx) => ({ ticket: ticketOf(ctx), answer: 'not_fixed', note: ctx.answers.why ?? null }),
  next: { moved: 'reopened', '*': 'refused' },
});

/** The report waiting for the reporter's answer, with the staff's note. */
function waiting(ctx: StepContext) {
  const loaded = resultOf(ctx, load);
  return loaded && loaded.outcome !== 'refused' ? loaded : undefined;
}

const ticketOf = (ctx: StepContext): string => waiting(ctx)?.ticket ?? '';

function withNote(
  key: 'report:reply.info_prompt' | 'report:reply.confirm_prompt',
  ctx: StepContext,
): Text {
  const note = waiting(ctx)?.note;
  return t(key, {
    ticket: ticketOf(ctx),
    note: note ? t('report:reply.note', { note }) : '',
    aboutReport: waiting(ctx)?.aboutReport ?? '',
  });
}

/** Why the answer could not be taken: no such report, none waiting, or not waiting any more. */
function refusedText(ctx: StepContext): Text {
  const answered = resultOf(ctx, send) ?? resultOf(ctx, close) ?? resultOf(ctx, reopen);
  const result = answered ?? resultOf(ctx, load);
  const refused = result?.outcome === 'refused' ? result : undefined;
  const ticket = refused?.ticket ?? ctx.args;
  if (refused?.reason === 'not_waiting') {
    return t('report:reply.not_waiting', { ticket, status: statusName(refused.status ?? '') });
  }
  if (refused?.reason === 'none_waiting') return t('report:reply.none_waiting');
  return t('report:reply.not_found', { ticket });
}

/**
 * The reporter's answers: to a question of staff (PERLU_INFO returns the report to where
 * it was) and to "is it fixed?" at SELESAI (DITUTUP, or DIBUKA_KEMBALI for staff to take
 * up again). Started for them on top of whatever they are doing when staff move the
 * report; also `/jawab LP-XXXXX` (without a ticket: their newest report waiting).
 */
export const reportReplyFlow = defineFlow({
  id: REPORT_REPLY_FLOW,
  version: 1,
  commands: ['jawab', 'reply'],
  returns: true,
  steps: [
    load,
    {
      id: 'info_when',
      kind: 'choice',
      prompt: (ctx) => withNote('report:reply.info_prompt', ctx),
      options: [
        { value: 'now', label: t('report:reply.options.answer_now') },
        { value: 'later', label: t('report:reply.options.later') },
      ],
      next: { now: 'info_answer', later: 'later' },
    },
    {
      id: 'info_answer',
      kind: 'text',
      prompt: t('report:reply.info_answer'),
      min: 3,
      max: REPLY_MAX_CHARS,
    },
    send,
    {
      id: 'info_sent',
      kind: 'say',
      text: (ctx) => t('report:reply.info_sent', { ticket: ticketOf(ctx) }),
      next: END,
    },
    {
      id: 'confirm',
      kind: 'choice',
      prompt: (ctx) => withNote('report:reply.confirm_prompt', ctx),
      options: [
        { value: 'fixed', label: t('report:reply.options.fixed') },
        { value: 'not_fixed', label: t('report:reply.options.not_fixed') },
        { value: 'later', label: t('report:reply.options.later') },
      ],
      next: { fixed: 'close', not_fixed: 'why', later: 'later' },
    },
    close,
    {
      id: 'closed',
      kind: 'say',
      text: (ctx) => t('report:reply.closed', { ticket: ticketOf(ctx) }),
      next: END,
    },
    { id: 'why', kind: 'text', prompt: t('report:reply.why'), min: 3, max: REPLY_MAX_CHARS },
    reopen,
    {
      id: 'reopened',
      kind: 'say',
      text: (ctx) => t('report:reply.reopened', { ticket: ticketOf(ctx) }),
      next: END,
    },
    {
      id: 'later',
      kind: 'say',
      text: (ctx) => t('report:reply.later', { ticket: ticketOf(ctx) }),
      next: END,
    },
    { id: 'refused', kind: 'say', text: refusedText, next: END },
  ],
});
