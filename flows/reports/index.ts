/**
 * Citizen reports (issue 7): filing (/lapor), /status, "laporan saya", the staff's
 * /kelola and the reporter's replies (/jawab), with their actions, in one place for
 * flows/index.ts.
 */
import type { FlowDefinition } from '../src/core/flow/types.js';
import type { RandomInt } from '../src/domain/report/ticket.js';
import type { VillageIndexSource } from '../src/domain/village-index.js';
import type { ActionHandler } from '../src/runtime/types.js';
import { reportFlow } from './report.js';
import { createReportActions } from './report-actions.js';
import { reportReplyActions, reportReplyFlow } from './report-reply.js';
import { createReportStaffActions, reportStaffFlow } from './report-staff.js';
import { createReportStatusActions, myReportsFlow, reportStatusFlow } from './report-status.js';

/** The report flows. */
export const reportFlows: FlowDefinition[] = [
  reportFlow,
  reportStatusFlow,
  myReportsFlow,
  reportStaffFlow,
  reportReplyFlow,
];

/** Every action of the report flows. */
export function createAllReportActions(deps: {
  villages: VillageIndexSource;
  random: RandomInt;
}): Record<string, ActionHandler> {
  return {
    ...createReportActions(deps),
    ...createReportStatusActions(deps),
    ...createReportStaffActions(deps),
    ...reportReplyActions,
  };
}
