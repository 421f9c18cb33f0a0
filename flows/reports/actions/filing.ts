import { z } from 'zod';
import type { Json } from '../../../src/core/messages.js';
import { t } from '../../../src/core/messages.js';
import type { Db } from '../../../src/db/client.js';
import { notifyContact } from '../../../src/db/queries/notifications.js';
import { staffToNotify } from '../../../src/db/queries/report-lists.js';
import {
  addHistory,
  addSupport,
  countSupports,
  findOpenDuplicate,
  findReportById,
  insertReport,
  type ReportRow,
} from '../../../src/db/queries/reports.js';
import { formatDate } from '../../../src/domain/dates.js';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy.js';
import { isReportCategory, isReportType, pillarOf } from '../../../src/domain/report/categories.js';
import { INITIAL_STATUS, isOpen, isReportStatus } from '../../../src/domain/report/status.js';
import { newTicket, type RandomInt } from '../../../src/domain/report/ticket.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { searchVillages } from '../../../src/domain/village-picker.js';
import { placeOf } from '../../../src/domain/village-place.js';
import type { ReportTimers } from '../../../src/runtime/jobs/report-sla.js';
import type { ActionContext, ActionHandler } from '../../../src/runtime/types.js';
import { categoryName } from '../text.js';

/** How far back an open report of the same category and village counts as the same problem. */
export const DUPLICATE_WINDOW_MS = 14 * 24 * 60 * 60 * 1000;
/** Tickets drawn before giving up; a clash is one in millions, so two in a row mean a bug. */
export const TICKET_MAX_ATTEMPTS = 5;
/** Roles that may file a report for a resident without a phone (assisted reports). */
export const ASSISTING_ROLES: readonly string[] = ['kader_digital', 'perangkat_desa'];

/** What the report actions need from start-up. */
export interface ReportActionDeps {
  villages: VillageIndexSource;
  random: RandomInt;
  reportTimers: ReportTimers;
}

const pinInput = z.object({ latitude: z.number(), longitude: z.number() });
const draftInput = z.object({
  assisted: z.boolean(),
  residentName: z.string().nullable(),
  residentContact: z.string().nullable(),
  type: z.string().refine(isReportType),
  category: z.string().refine(isReportCategory),
  description: z.string().min(1),
  photos: z.array(z.string()),
  pin: pinInput.nullable(),
  landmark: z.string().nullable(),
  village: z.object({ code: z.string() }),
  anonymous: z.boolean(),
  confidential: z.boolean(),
});
const duplicateInput = z.object({
  category: z.string(),
  villageCode: z.string(),
  exclude: z.string().nullable(),
});

/** The village a code names, ready to show, as the flow keeps it. */
async function villageOf(deps: ReportActionDeps, code: string): Promise<Json> {
  const { directory } = await deps.villages();
  const village = directory.get(code);
  return { code, place: village ? { ...placeOf(village) } : null };
}

/** Files the report under a fresh ticket, drawing again on the rare clash. */
async function fileReport(
  ctx: ActionContext,
  deps: ReportActionDeps,
  draft: z.infer<typeof draftInput>,
): Promise<ReportRow> {
  const now = ctx.clock.now();
  const assisted = draft.assisted && ASSISTING_ROLES.includes(ctx.contact.role);
  const id = ctx.ids.next();
  for (let attempt = 1; attempt <= TICKET_MAX_ATTEMPTS; attempt++) {
    const row = await insertReport(ctx.tx, {
      row: {
        id,
        ticket: newTicket(deps.random),
        contactId: ctx.contact.id,
        residentName: assisted ? draft.residentName : null,
        residentContact: assisted ? draft.residentContact : null,
        residentConsentAt: assisted ? now : null,
        type: draft.type,
        category: draft.category,
        pillar: pillarOf(draft.category as Parameters<typeof pillarOf>[0]),
        description: draft.description,
        villageCode: draft.village.code,
        latitude: draft.pin?.latitude ?? null,
        longitude: draft.pin?.longitude ?? null,
        landmark: draft.landmark,
        anonymous: draft.anonymous,
        confidential: draft.confidential,
        status: INITIAL_STATUS,
        createdAt: now,
        updatedAt: now,
      },
      mediaIds: draft.photos,
    });
    if (row) return row;
    ctx.logger.warn({ attempt }, 'report ticket clash; drawing another');
  }
  throw new Error(`no free report ticket after ${TICKET_MAX_ATTEMPTS} attempts`);
}

/** Tells the staff of the report's area that it arrived (never who sent it, nor what it says). */
async function notifyArrival(
  db: Db,
  report: ReportRow,
  filerId: string,
  now: Date,
): Promise<number> {
  const staff = await staffToNotify(db, {
    villageCode: report.villageCode,
    consentVersion: PRIVACY_NOTICE_VERSION,
  });
  const others = staff.filter((id) => id !== filerId);
  const text = t('report-staff:notify.new', {
    ticket: report.ticket,
    category: categoryName(report.category),
  });
  for (const contactId of others) {
    await notifyContact(db, { contactId, messages: [{ texts: [text] }], now });
  }
  return others.length;
}

/** "Me too" to an open report: recorded once per person, never on their own report. */
async function supportReport(
  db: Db,
  params: { reportId: string; contactId: string; now: Date },
): Promise<Json> {
  const report = await findReportById(db, params);
  if (!report || !isReportStatus(report.status) || !isOpen(report.status)) {
    return { outcome: 'gone' };
  }
  if (report.contactId === params.contactId) return { outcome: 'own', ticket: report.ticket };
  const outcome = await addSupport(db, params);
  const supporters = (await countSupports(db, { reportIds: [report.id] })).get(report.id) ?? 0;
  return { outcome, supporters };
}

/** The newest open report of the same category and village from the last 14 days, if any. */
const findDuplicate: ActionHandler = async ({ tx, input, clock }): Promise<Json> => {
  const params = duplicateInput.parse(input);
  const since = new Date(clock.now().getTime() - DUPLICATE_WINDOW_MS);
  const exclude = params.exclude ? [params.exclude] : [];
  const found = await findOpenDuplicate(tx, { ...params, since, exclude });
  if (!found) return { outcome: 'none' };
  const supporters = (await countSupports(tx, { reportIds: [found.id] })).get(found.id) ?? 0;
  return {
    outcome: 'found',
    reportId: found.id,
    category: found.category,
    status: found.status,
    date: formatDate(found.createdAt),
    supporters,
  };
};

/** Files the draft: the report, its photos, its first history row, and the staff told. */
async function submit(ctx: ActionContext, deps: ReportActionDeps): Promise<Json> {
  const report = await fileReport(ctx, deps, draftInput.parse(ctx.input));
  const now = ctx.clock.now();
  await addHistory(ctx.tx, {
    reportId: report.id,
    fromStatus: null,
    toStatus: report.status,
    actorKind: 'reporter',
    actorId: ctx.contact.id,
    note: null,
    now,
  });
  const told = await notifyArrival(ctx.tx, report, ctx.contact.id, now);
  await deps.reportTimers.filed(ctx.tx, report, now);
  const facts = { reportId: report.id, category: report.category, staffTold: told };
  ctx.logger.info(facts, 'report filed');
  return { outcome: 'filed', ticket: report.ticket };
}

/** Actions of /lapor. */
export function createReportActions(deps: ReportActionDeps): Record<string, ActionHandler> {
  return {
    /** Only picks a branch: the flow computes it from its answers (`{ outcome }`). */
    'report.branch': async ({ input }) => input,
    'report.begin': async ({ contact }): Promise<Json> => {
      if (!contact.villageCode) return { outcome: 'no_village' };
      const village = await villageOf(deps, contact.villageCode);
      return { outcome: ASSISTING_ROLES.includes(contact.role) ? 'assist' : 'self', village };
    },
    'report.village_search': async ({ input }) => {
      const { query } = z.object({ query: z.string() }).parse(input);
      return (await searchVillages(deps.villages, query)) as unknown as Json;
    },
    'report.set_village': async ({ input }) => {
      const { code } = z.object({ code: z.string() }).parse(input);
      const { directory } = await deps.villages();
      if (!directory.get(code)) throw new Error(`unknown village code ${code}`);
      return { outcome: 'saved', village: await villageOf(deps, code) };
    },
    'report.find_duplicate': findDuplicate,
    'report.support': async ({ tx, contact, input, clock }) => {
      const { reportId } = z.object({ reportId: z.string() }).parse(input);
      return supportReport(tx, { reportId, contactId: contact.id, now: clock.now() });
    },
    'report.submit': (ctx) => submit(ctx, deps),
  };
}
