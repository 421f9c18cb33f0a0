/**
 * The report actions: filing (filing.ts), /status and "laporan saya" (status.ts), the
 * staff's /kelola (staff.ts) and the reporter's replies (reply.ts). A move of a report,
 * by staff or by its reporter, and its notifications are moves.ts.
 */

import type { ActionImplementation } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { createReportActions } from './filing.js';
import { createReportReplyActions } from './reply.js';
import { createReportStaffActions } from './staff.js';
import { createReportStatusActions } from './status.js';

/** Every action of the reports capability. */
export function createAllReportActions(services: CapabilityServices): ActionImplementation[] {
  return [
    ...createReportActions(services),
    ...createReportStatusActions(services),
    ...createReportStaffActions(services),
    ...createReportReplyActions(services.villages),
  ];
}
