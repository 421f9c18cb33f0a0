import { defineFlow, END, type StepContext } from '../../src/core/flow/types.js';
import { type Attachment, type Json, type Text, t } from '../../src/core/messages.js';
import { REJECT_REASONS, REPORT_STATUSES } from '../../src/domain/report/status.js';
import { pageInput, pageOptions } from './status.js';
import { reasonName, record, statusName } from './text.js';

/** Shortest and longest note of a move, in characters. */
export const NOTE_MIN_CHARS = 3;
export const NOTE_MAX_CHARS = 500;

const opened = (ctx: StepContext) => record(ctx.answers.open);
const ticketOf = (ctx: StepContext): string => String(opened(ctx).ticket ?? '');

function actOptions(ctx: StepContext) {
  const moves = Array.isArray(opened(ctx).moves) ? (opened(ctx).moves as string[]) : [];
  return [
    ...moves.map((status) => ({ value: status, label: t(`report-staff:move.${status}`) })),
    { value: 'list', label: t('report-staff:act.list') },
    { value: 'done', label: t('report-staff:act.done') },
  ];
}

function notePrompt(ctx: StepContext): Text {
  const to = String(ctx.answers.act);
  const kind = to === 'PERLU_INFO' || to === 'SELESAI' || to === 'DITOLAK' ? to : 'other';
  return t(`report-staff:note.${kind}`, { status: statusName(to), ticket: ticketOf(ctx) });
}

function movedText(ctx: StepContext): Text {
  const result = record(ctx.answers.move);
  return t('report-staff:moved', {
    ticket: String(result.ticket),
    status: statusName(String(result.to)),
  });
}

function refusedText(ctx: StepContext): Text {
  const result = record(ctx.answers.move ?? ctx.answers.open);
  const reason = String(result.reason ?? 'not_found');
  const allowed = Array.isArray(result.allowed) ? (result.allowed as string[]) : [];
  return t(`report-staff:refused.${reason}`, {
    ticket: String(result.ticket ?? ''),
    status: statusName(String(result.status ?? '')),
    allowed: allowed.length > 0 ? allowed.map(statusName) : t('report-staff:refused.nothing'),
  });
}

const REFUSALS = [
  'not_found',
  'no_access',
  'read_only',
  'not_allowed',
  'reason_required',
  'reason_unexpected',
  'not_waiting',
  'bad_ticket',
];

/**
 * /kelola: staff list the open reports of their area (oldest first), open one (with what
 * they may see), and move it along the workflow with a note. `/kelola LP-XXXXX` opens
 * one at once, as the notification of a new report suggests.
 */
export const reportStaffFlow = defineFlow({
  id: 'report-staff',
  version: 1,
  commands: ['kelola', 'manage'],
  extraKeys: [
    ...REPORT_STATUSES.map((status) => `report-staff:move.${status}`),
    ...REFUSALS.map((reason) => `report-staff:refused.${reason}`),
    ...['PERLU_INFO', 'SELESAI', 'DITOLAK', 'other'].map((kind) => `report-staff:note.${kind}`),
    'report-staff:refused.nothing',
    'report-staff:act.prompt',
    'report-staff:act.list',
    'report-staff:act.done',
    'report-staff:act.read_only',
    'report-staff:list',
    'report-staff:moved',
    'report-staff:item',
    'report:list.more',
    'report:list.done',
  ],
  steps: [
    {
      id: 'start',
      kind: 'call',
      action: 'report.branch',
      input: (ctx) => ({ outcome: ctx.args.trim() ? 'direct' : 'list' }),
      next: { direct: 'open', list: 'list' },
    },
    {
      id: 'list',
      kind: 'call',
      action: 'report.staff_list',
      input: pageInput,
      next: { not_staff: 'not_staff', empty: 'empty', '*': 'pick' },
    },
    { id: 'not_staff', kind: 'say', text: t('report-staff:not_staff'), next: END },
    { id: 'empty', kind: 'say', text: t('report-staff:empty'), next: END },
    {
      id: 'pick',
      kind: 'choice',
      prompt: (ctx) => {
        const list = record(ctx.answers.list);
        return t('report-staff:list', {
          from: Number(list.from),
          to: Number(list.to),
          total: Number(list.total),
        });
      },
      options: pageOptions,
      next: { more: 'list', done: 'bye', '*': 'open' },
    },
    {
      id: 'open',
      kind: 'call',
      action: 'report.staff_open',
      input: (ctx) => ({ ticket: String(ctx.answers.pick ?? ctx.args) }),
      next: { opened: 'show', not_staff: 'not_staff', '*': 'open_refused' },
    },
    { id: 'open_refused', kind: 'say', text: refusedText, next: END },
    {
      id: 'show',
      kind: 'say',
      text: (ctx) => opened(ctx).text as unknown as Text,
      attachments: (ctx) =>
        Array.isArray(opened(ctx).attachments)
          ? (opened(ctx).attachments as unknown as Attachment[])
          : [],
    },
    {
      id: 'act',
      kind: 'choice',
      prompt: (ctx) =>
        Array.isArray(opened(ctx).moves) && (opened(ctx).moves as Json[]).length > 0
          ? t('report-staff:act.prompt', { ticket: ticketOf(ctx) })
          : t('report-staff:act.read_only', { ticket: ticketOf(ctx) }),
      options: actOptions,
      next: { list: 'list', done: 'bye', DITOLAK: 'reason', '*': 'note' },
    },
    {
      id: 'reason',
      kind: 'choice',
      prompt: t('report-staff:reason'),
      options: REJECT_REASONS.map((value) => ({ value, label: reasonName(value) })),
    },
    { id: 'note', kind: 'text', prompt: notePrompt, min: NOTE_MIN_CHARS, max: NOTE_MAX_CHARS },
    {
      id: 'move',
      kind: 'call',
      action: 'report.move',
      input: (ctx) => ({
        ticket: ticketOf(ctx),
        to: String(ctx.answers.act),
        reason: ctx.answers.act === 'DITOLAK' ? (ctx.answers.reason ?? null) : null,
        note: ctx.answers.note ?? null,
      }),
      next: { moved: 'moved', '*': 'move_refused' },
    },
    { id: 'moved', kind: 'say', text: movedText, next: 'list' },
    { id: 'move_refused', kind: 'say', text: refusedText, next: 'open' },
    { id: 'bye', kind: 'say', text: t('report-staff:bye'), next: END },
  ],
});
