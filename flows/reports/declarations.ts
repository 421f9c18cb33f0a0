/**
 * The reports capability's actions, as its flows call them (implemented in actions/):
 * filing, /status and "laporan saya", the staff's /kelola and the reporter's replies.
 */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';
import type { Attachment, Text } from '../../src/core/messages.js';
import { REPORT_CATEGORY_IDS, REPORT_TYPES } from '../../src/domain/report/categories.js';
import {
  REJECT_REASONS,
  REPORT_STATUSES,
  type ReportStatus,
} from '../../src/domain/report/status.js';
import { VILLAGE_SEARCH_INPUT, type VillageSearchAnswer } from '../../src/domain/village-picker.js';
import type { VillagePlace } from '../../src/domain/village-place.js';

/** A village as the flow keeps it: its code, and its names ready to show. */
export type DraftVillage = { code: string; place: VillagePlace | null };

/** Whether a move happened; a refusal says why, and what staff could do instead. */
export type MoveResult =
  | { outcome: 'moved'; ticket: string; from: ReportStatus; to: ReportStatus }
  | {
      outcome: 'refused';
      ticket: string;
      reason:
        | 'not_found'
        | 'no_access'
        | 'read_only'
        | 'not_allowed'
        | 'reason_required'
        | 'reason_unexpected'
        | 'not_waiting';
      status: string | null;
      allowed: ReportStatus[];
    };

/** A page of a list of reports, each with its one-line label. */
export type ReportPage = {
  outcome: 'listed';
  page: number;
  items: { ticket: string; label: Text }[];
  from: number;
  to: number;
  total: number;
  more: boolean;
};

const NO_INPUT = z.null();
const page = z.object({ page: z.number().int().min(0) });
const ticket = z.object({ ticket: z.string() });

/** Only picks a branch: the flow computes it from its answers. */
export const branch = defineAction('report.branch', {
  input: z.object({ outcome: z.string() }),
  result: returns<{ outcome: string }>(),
});

/** Where /lapor starts: no village yet, for oneself, or (kader, perangkat) maybe for a resident. */
export const beginReport = defineAction('report.begin', {
  input: NO_INPUT,
  result: returns<
    { outcome: 'no_village' } | { outcome: 'assist' | 'self'; village: DraftVillage }
  >(),
});

/** Searches the villages for the report's village. */
export const searchReportVillage = defineAction('report.village_search', {
  input: VILLAGE_SEARCH_INPUT,
  result: returns<VillageSearchAnswer>(),
});

/** The village picked for the report (not the person's own). */
export const setReportVillage = defineAction('report.set_village', {
  input: z.object({ code: z.string() }),
  result: returns<{ outcome: 'saved'; village: DraftVillage }>(),
});

/** The newest open report of the same category and village from the last 14 days, if any. */
export const findDuplicate = defineAction('report.find_duplicate', {
  input: z.object({
    category: z.string(),
    villageCode: z.string(),
    exclude: z.string().nullable(),
  }),
  result: returns<
    | { outcome: 'none' }
    | {
        outcome: 'found';
        reportId: string;
        category: string;
        status: string;
        date: string;
        supporters: number;
      }
  >(),
});

/** "Me too" to an open report: once per person, never on their own. */
export const supportReport = defineAction('report.support', {
  input: z.object({ reportId: z.string() }),
  result: returns<
    | { outcome: 'gone' }
    | { outcome: 'own'; ticket: string }
    | { outcome: 'added' | 'already'; supporters: number }
  >(),
});

/** The report as the person wrote it (see draft.ts), filed. */
export const submitReport = defineAction('report.submit', {
  input: z.object({
    assisted: z.boolean(),
    residentName: z.string().nullable(),
    residentContact: z.string().nullable(),
    type: z.enum(REPORT_TYPES),
    category: z.enum(REPORT_CATEGORY_IDS),
    description: z.string().min(1),
    photos: z.array(z.string()),
    pin: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
    landmark: z.string().nullable(),
    village: z.object({ code: z.string() }),
    anonymous: z.boolean(),
    confidential: z.boolean(),
  }),
  result: returns<{ outcome: 'filed'; ticket: string }>(),
});

/** One report, as much of it as the person may see; `ask` when no ticket was typed. */
export const reportStatus = defineAction('report.status', {
  input: ticket,
  result: returns<
    | { outcome: 'ask' }
    | { outcome: 'bad_ticket' | 'not_found'; text: Text }
    | { outcome: 'shown'; ticket: string; text: Text }
  >(),
});

/** A page of the person's own reports, newest first. */
export const myReports = defineAction('report.mine', {
  input: page,
  result: returns<{ outcome: 'empty' } | ReportPage>(),
});

/** A page of the open reports of the staff member's area, oldest first. */
export const staffList = defineAction('report.staff_list', {
  input: page,
  result: returns<{ outcome: 'not_staff' | 'empty' } | ReportPage>(),
});

/** One report for staff, with what they may see and the moves they may make. */
export const staffOpen = defineAction('report.staff_open', {
  input: ticket,
  result: returns<
    | { outcome: 'not_staff' }
    | { outcome: 'refused'; reason: 'bad_ticket' | 'no_access'; ticket: string }
    | {
        outcome: 'opened';
        ticket: string;
        text: Text;
        moves: ReportStatus[];
        attachments: Attachment[];
      }
  >(),
});

/** Staff move a report along the workflow, with a note (and a reason for DITOLAK). */
export const moveByStaff = defineAction('report.move', {
  input: z.object({
    ticket: z.string(),
    to: z.enum(REPORT_STATUSES),
    reason: z.enum(REJECT_REASONS).nullable(),
    note: z.string().nullable(),
  }),
  result: returns<MoveResult>(),
});

/** The report the reporter answers for, with the staff's question or closing note. */
export const loadReply = defineAction('report.reply_load', {
  input: ticket,
  result: returns<
    | { outcome: 'refused'; reason: 'not_found' | 'none_waiting'; ticket: string }
    | { outcome: 'refused'; reason: 'not_waiting'; ticket: string; status: string }
    | {
        outcome: 'PERLU_INFO' | 'SELESAI';
        ticket: string;
        note: string | null;
        /** Not shown: /hapusdata of an assisted report's resident finds this copy by it. */
        aboutReport: string;
      }
  >(),
});

/** The reporter's answer: more information, fixed, or not fixed. */
export const reply = defineAction('report.reply', {
  input: z.object({
    ticket: z.string(),
    answer: z.enum(['info', 'fixed', 'not_fixed']),
    note: z.string().nullable(),
  }),
  result: returns<MoveResult>(),
});
