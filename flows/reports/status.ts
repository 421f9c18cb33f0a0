import { defineFlow, END, goto, type StepContext } from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import { record } from './text.js';

/** Reports per page of "laporan saya" and of the staff list. */
export const REPORT_PAGE_SIZE = 5;
/** Longest ticket input read, in characters. */
const TICKET_INPUT_MAX_CHARS = 40;

function shown(answer: string) {
  return (ctx: StepContext): Text =>
    (record(ctx.answers[answer]).text as unknown as Text) ?? t('report:view.none');
}

/** The page to list: the next after "more", else the one listed last (0 at first). */
export function pageInput(ctx: StepContext): Json {
  const page = Number(record(ctx.answers.list).page ?? 0);
  return { page: ctx.answers.pick === 'more' ? page + 1 : page };
}

/** The options of a listed page: its reports, "more" when there are more, "done". */
export function pageOptions(ctx: StepContext) {
  const list = record(ctx.answers.list);
  const items = Array.isArray(list.items)
    ? (list.items as unknown as { ticket: string; label: Text }[])
    : [];
  return [
    ...items.map((item) => ({ value: item.ticket, label: item.label })),
    ...(list.more === true ? [{ value: 'more', label: t('report:list.more') }] : []),
    { value: 'done', label: t('report:list.done') },
  ];
}

/**
 * `/status LP-XXXXX`: one report, as much of it as the person may see. Opened on top of
 * whatever they are doing, which resumes after it (a report half written is kept).
 */
export const reportStatusFlow = defineFlow({
  id: 'report-status',
  version: 1,
  commands: ['status', 'cek'],
  returns: true,
  extraKeys: ['report:status.bad_ticket', 'report:status.not_found'],
  steps: [
    {
      id: 'lookup',
      kind: 'call',
      action: 'report.status',
      input: (ctx) => ({ ticket: String(ctx.answers.ask ?? ctx.args) }),
      next: { ask: 'ask', '*': 'show' },
    },
    {
      id: 'ask',
      kind: 'text',
      prompt: t('report:status.ask'),
      max: TICKET_INPUT_MAX_CHARS,
      next: 'lookup',
    },
    { id: 'show', kind: 'say', text: shown('lookup'), next: END },
  ],
});

/** "Laporan saya": the person's own reports, newest first, a page at a time. */
export const myReportsFlow = defineFlow({
  id: 'my-reports',
  version: 1,
  commands: ['laporansaya', 'myreports'],
  extraKeys: ['report:list.mine', 'report:list.more', 'report:list.done'],
  steps: [
    {
      id: 'list',
      kind: 'call',
      action: 'report.mine',
      input: pageInput,
      next: { empty: 'empty', '*': 'pick' },
    },
    { id: 'empty', kind: 'say', text: t('report:list.mine_empty'), next: END },
    {
      id: 'pick',
      kind: 'choice',
      prompt: (ctx) => {
        const list = record(ctx.answers.list);
        return t('report:list.mine', {
          from: Number(list.from),
          to: Number(list.to),
          total: Number(list.total),
        });
      },
      options: pageOptions,
      next: { more: 'list', done: goto('menu'), '*': 'open' },
    },
    {
      id: 'open',
      kind: 'call',
      action: 'report.status',
      input: (ctx) => ({ ticket: String(ctx.answers.pick ?? '') }),
    },
    { id: 'show', kind: 'say', text: shown('open') },
    {
      id: 'after',
      kind: 'choice',
      prompt: t('report:list.after'),
      options: [
        { value: 'list', label: t('report:list.back') },
        { value: 'done', label: t('report:list.done') },
      ],
      next: { list: 'list', done: goto('menu') },
    },
  ],
});
