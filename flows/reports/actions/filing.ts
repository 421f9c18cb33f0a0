import type { z } from 'zod';
import { t } from '../../../src/core/messages.js';
import type { Db } from '../../../src/db/client.js';
import { notifyContact } from '../../../src/db/queries/notifications.js';
import { escalationStaff, staffToNotify } from '../../../src/db/queries/report-lists.js';
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
import { pillarOf } from '../../../src/domain/report/categories.js';
import { INITIAL_STATUS, isOpen, isReportStatus } from '../../../src/domain/report/status.js';
import { newTicket, type RandomInt } from '../../../src/domain/report/ticket.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { searchVillages } from '../../../src/domain/village-picker.js';
import { placeOf } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { ReportTimers } from '../../../src/runtime/jobs/report-sla.js';
import type { ActionContext } from '../../../src/runtime/types.js';
import {
  beginReport,
  branch,
  type DraftVillage,
  findDuplicate,
  searchReportVillage,
  setReportVillage,
  submitReport,
  supportReport,
} from '../declarations.js';
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

/** The village a code names, ready to show, as the flow keeps it. */
async function villageOf(deps: ReportActionDeps, code: string): Promise<DraftVillage> {
  const { directory } = await deps.villages();
  const village = directory.get(code);
  return { code, place: village ? placeOf(village) : null };
}

/** Files the report under a fresh ticket, drawing again on the rare clash. */
async function fileReport(
  ctx: ActionContext,
  deps: ReportActionDeps,
  draft: z.output<typeof submitReport.input>,
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
        pillar: pillarOf(draft.category),
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

/**
 * Tells the staff of the report's area that it arrived (never who sent it, nor what it
 * says), naming the village. Every report reaches at least one person who can act on it
 * other than its reporter: when the only staff of the village filed it, the next level up
 * hears of it (the kabupaten's duta digital and the admins).
 */
async function notifyArrival(
  db: Db,
  deps: ReportActionDeps,
  report: ReportRow,
  filerId: string,
  now: Date,
): Promise<number> {
  const consentVersion = PRIVACY_NOTICE_VERSION;
  const staff = await staffToNotify(db, { villageCode: report.villageCode, consentVersion });
  let others = staff.filter((id) => id !== filerId);
  if (others.length === 0) {
    const upper = await escalationStaff(db, {
      villageCode: report.villageCode,
      level: 2,
      consentVersion,
    });
    others = upper.filter((id) => id !== filerId);
  }
  const { place } = await villageOf(deps, report.villageCode);
  const text = t('report-staff:notify.new', {
    ticket: report.ticket,
    village: place ? t('profile:village.place', { ...place }) : report.villageCode,
    category: categoryName(report.category),
  });
  for (const contactId of others) {
    await notifyContact(db, { contactId, messages: [{ texts: [text] }], now });
  }
  return others.length;
}

/** "Me too" to an open report: recorded once per person, never on their own report. */
const support = implement(supportReport, async ({ tx, contact, clock }, { reportId }) => {
  const params = { reportId, contactId: contact.id, now: clock.now() };
  const report = await findReportById(tx, params);
  if (!report || !isReportStatus(report.status) || !isOpen(report.status)) {
    return { outcome: 'gone' };
  }
  if (report.contactId === contact.id) return { outcome: 'own', ticket: report.ticket };
  const outcome = await addSupport(tx, params);
  const supporters = (await countSupports(tx, { reportIds: [report.id] })).get(report.id) ?? 0;
  return { outcome, supporters };
});

/** The newest open report of the same category and village from the last 14 days, if any. */
const duplicate = implement(findDuplicate, async ({ tx, clock }, params) => {
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
});

/** Files the draft: the report, its photos, its first history row, and the staff told. */
function submit(deps: ReportActionDeps): ActionImplementation {
  return implement(submitReport, async (ctx, draft) => {
    const report = await fileReport(ctx, deps, draft);
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
    const told = await notifyArrival(ctx.tx, deps, report, ctx.contact.id, now);
    await deps.reportTimers.filed(ctx.tx, report, now);
    const facts = { reportId: report.id, category: report.category, staffTold: told };
    ctx.logger.info(facts, 'report filed');
    return { outcome: 'filed', ticket: report.ticket };
  });
}

/** Actions of /lapor. */
export function createReportActions(deps: ReportActionDeps): ActionImplementation[] {
  return [
    implement(branch, async (_ctx, input) => input),
    implement(beginReport, async ({ contact }) => {
      if (!contact.villageCode) return { outcome: 'no_village' };
      const village = await villageOf(deps, contact.villageCode);
      return { outcome: ASSISTING_ROLES.includes(contact.role) ? 'assist' : 'self', village };
    }),
    implement(searchReportVillage, async (_ctx, { query }) => searchVillages(deps.villages, query)),
    implement(setReportVillage, async (_ctx, { code }) => {
      const { directory } = await deps.villages();
      if (!directory.get(code)) throw new Error(`unknown village code ${code}`);
      return { outcome: 'saved', village: await villageOf(deps, code) };
    }),
    duplicate,
    support,
    submit(deps),
  ];
}
