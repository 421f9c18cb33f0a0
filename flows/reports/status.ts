import { type CallStep, call, resultOf } from '../../src/core/flow/action.js';
import {
  type ChoiceOption,
  defineFlow,
  END,
  goto,
  type StepContext,
} from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { myReports, type ReportPage, reportStatus } from './declarations.js';

/** Reports per page of "laporan saya" and of the staff list. */
export const REPORT_PAGE_SIZE = 5;
/** Longest ticket input read, in characters. */
const TICKET_INPUT_MAX_CHARS = 40;

/** A step that lists a page of reports (or says why there is none). */
export type ListStep = CallStep<ReportPage | { outcome: 'empty' | 'not_staff' }>;

/** The page `step` listed last, if it listed one. */
export function pageOf(ctx: StepContext, step: ListStep): ReportPage | undefined {
  const result = resultOf(ctx, step);
  return result?.outcome === 'listed' ? result : undefined;
}

/** The page to list: the next after "more", else the one listed last (0 at first). */
export function pageInput(step: ListStep) {
  return (ctx: StepContext) => {
    const page = pageOf(ctx, step)?.page ?? 0;
    return { page: ctx.answers.pick === 'more' ? page + 1 : page };
  };
}

/** The options of a listed page: its reports, "more" when there are more, "done". */
export function pageOptions(step: ListStep) {
  return (ctx: StepContext): ChoiceOption[] => {
    const listed = pageOf(ctx, step);
    return [
      ...(listed?.items ?? []).map((item) => ({ value: item.ticket, label: item.label })),
      ...(listed?.more ? [{ value: 'more', label: t('report:list.more') }] : []),
      { value: 'done', label: t('report:list.done') },
    ];
  };
}

/** The heading of a list when it fits on one page: no "(1–1 of 1)". */
const WHOLE_LIST = {
  'report:list.mine': 'report:list.mine_all',
  'report-staff:list': 'report-staff:list_all',
} as const;

/** "Reports 1-5 of 12", as `key` words it; a list on one page says no numbers. */
export function pagePrompt(key: keyof typeof WHOLE_LIST, step: ListStep) {
  return (ctx: StepContext): Text => {
    const listed = pageOf(ctx, step);
    if (listed && listed.from <= 1 && listed.to >= listed.total) return t(WHOLE_LIST[key]);
    return t(key, { from: listed?.from ?? 0, to: listed?.to ?? 0, total: listed?.total ?? 0 });
  };
}

const lookup = call('lookup', reportStatus, {
  input: (ctx) => ({ ticket: String(ctx.answers.ask ?? ctx.args) }),
  next: { ask: 'ask', '*': 'show' },
});

const mine: ListStep = call('list', myReports, {
  input: (ctx) => pageInput(mine)(ctx),
  next: { empty: 'empty', '*': 'pick' },
});

const open = call('open', reportStatus, {
  input: (ctx) => ({ ticket: String(ctx.answers.pick ?? '') }),
});

/** The report a lookup found (or why not), as text. */
function shown(step: typeof lookup) {
  return (ctx: StepContext): Text => {
    const found = resultOf(ctx, step);
    return found && 'text' in found ? found.text : t('report:view.none');
  };
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
  steps: [
    lookup,
    {
      id: 'ask',
      kind: 'text',
      prompt: t('report:status.ask'),
      max: TICKET_INPUT_MAX_CHARS,
      next: 'lookup',
    },
    { id: 'show', kind: 'say', text: shown(lookup), next: END },
  ],
});

/** "Laporan saya": the person's own reports, newest first, a page at a time. */
export const myReportsFlow = defineFlow({
  id: 'my-reports',
  version: 1,
  commands: ['laporansaya', 'myreports'],
  steps: [
    mine,
    { id: 'empty', kind: 'say', text: t('report:list.mine_empty'), next: END },
    {
      id: 'pick',
      kind: 'choice',
      prompt: pagePrompt('report:list.mine', mine),
      options: pageOptions(mine),
      next: { more: 'list', done: goto('menu'), '*': 'open' },
    },
    open,
    { id: 'show', kind: 'say', text: shown(open) },
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
