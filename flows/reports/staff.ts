import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { REJECT_REASONS, type ReportStatus } from '../../src/domain/report/status.js';
import { branch, moveByStaff, staffList, staffOpen } from './declarations.js';
import { type ListStep, pageInput, pageOptions, pagePrompt } from './status.js';
import { statusName } from './text.js';

/** Shortest and longest note of a move, in characters. */
export const NOTE_MIN_CHARS = 3;
export const NOTE_MAX_CHARS = 500;

const list: ListStep = call('list', staffList, {
  input: (ctx) => pageInput(list)(ctx),
  next: { not_staff: 'not_staff', empty: 'empty', '*': 'pick' },
});

const open = call('open', staffOpen, {
  input: (ctx) => ({ ticket: String(ctx.answers.pick ?? ctx.args) }),
  next: { opened: 'show', not_staff: 'not_staff', '*': 'open_refused' },
});

const move = call('move', moveByStaff, {
  input: (ctx) => ({
    ticket: ticketOf(ctx),
    to: ctx.answers.act ?? null,
    reason: ctx.answers.act === 'DITOLAK' ? (ctx.answers.reason ?? null) : null,
    note: ctx.answers.note ?? null,
  }),
  next: { moved: 'moved', '*': 'move_refused' },
});

/** The report opened, with what the person may see and do. */
function opened(ctx: StepContext) {
  const result = resultOf(ctx, open);
  return result?.outcome === 'opened' ? result : undefined;
}

const ticketOf = (ctx: StepContext): string => opened(ctx)?.ticket ?? '';

function actOptions(ctx: StepContext) {
  return [
    ...(opened(ctx)?.moves ?? []).map((status) => ({
      value: status,
      label: t(`report-staff:move.${status}`),
    })),
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
  const result = resultOf(ctx, move);
  const moved = result?.outcome === 'moved' ? result : undefined;
  return t('report-staff:moved', {
    ticket: moved?.ticket ?? '',
    status: moved ? statusName(moved.to) : '',
  });
}

/** Why a move or an opening was refused, and what staff could do instead. */
function refusalText(refused: {
  reason: string;
  ticket: string;
  status?: string | null;
  allowed?: ReportStatus[];
}): Text {
  const allowed = refused.allowed ?? [];
  return t(`report-staff:refused.${refusalOf(refused.reason)}`, {
    ticket: refused.ticket,
    status: statusName(refused.status ?? ''),
    allowed:
      allowed.length > 0 ? allowed.map((s) => statusName(s)) : t('report-staff:refused.nothing'),
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
] as const;

function refusalOf(reason: string): (typeof REFUSALS)[number] {
  return REFUSALS.find((known) => known === reason) ?? 'not_found';
}

function openRefusedText(ctx: StepContext): Text {
  const result = resultOf(ctx, open);
  return refusalText(
    result?.outcome === 'refused' ? result : { reason: 'not_found', ticket: ctx.args },
  );
}

function moveRefusedText(ctx: StepContext): Text {
  const result = resultOf(ctx, move);
  return refusalText(
    result?.outcome === 'refused' ? result : { reason: 'not_found', ticket: ticketOf(ctx) },
  );
}

/**
 * /kelola: staff list the open reports of their area (oldest first), open one (with what
 * they may see), and move it along the workflow with a note. `/kelola LP-XXXXX` opens
 * one at once, as the notification of a new report suggests.
 */
export const reportStaffFlow = defineFlow({
  id: 'report-staff',
  version: 1,
  commands: ['kelola', 'manage'],
  steps: [
    call('start', branch, {
      input: (ctx) => ({ outcome: ctx.args.trim() ? 'direct' : 'list' }),
      next: { direct: 'open', list: 'list' },
    }),
    list,
    { id: 'not_staff', kind: 'say', text: t('report-staff:not_staff'), next: END },
    { id: 'empty', kind: 'say', text: t('report-staff:empty'), next: END },
    {
      id: 'pick',
      kind: 'choice',
      prompt: pagePrompt('report-staff:list', list),
      options: pageOptions(list),
      next: { more: 'list', done: 'bye', '*': 'open' },
    },
    open,
    { id: 'open_refused', kind: 'say', text: openRefusedText, next: END },
    {
      id: 'show',
      kind: 'say',
      text: (ctx) => opened(ctx)?.text ?? t('report:view.none'),
      attachments: (ctx) => opened(ctx)?.attachments ?? [],
    },
    {
      id: 'act',
      kind: 'choice',
      prompt: (ctx) =>
        (opened(ctx)?.moves.length ?? 0) > 0
          ? t('report-staff:act.prompt', { ticket: ticketOf(ctx) })
          : t('report-staff:act.read_only', { ticket: ticketOf(ctx) }),
      options: actOptions,
      next: { list: 'list', done: 'bye', DITOLAK: 'reason', '*': 'note' },
    },
    {
      id: 'reason',
      kind: 'choice',
      prompt: t('report-staff:reason'),
      options: REJECT_REASONS.map((value) => ({ value, label: t(`report:reasons.${value}`) })),
    },
    { id: 'note', kind: 'text', prompt: notePrompt, min: NOTE_MIN_CHARS, max: NOTE_MAX_CHARS },
    move,
    { id: 'moved', kind: 'say', text: movedText, next: 'list' },
    { id: 'move_refused', kind: 'say', text: moveRefusedText, next: 'open' },
    { id: 'bye', kind: 'say', text: t('report-staff:bye'), next: END },
  ],
});
