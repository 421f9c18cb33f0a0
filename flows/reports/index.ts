/**
 * The reports capability (citizen reports, issue 7): filing (/lapor), /status, "laporan
 * saya", the staff's /kelola and the reporter's replies (/jawab). Flow files here are pure;
 * the work is in actions/.
 */
import { goto } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { anonymiseReportsOf } from '../../src/db/queries/report-erasure.js';
import { STAFF_ROLES } from '../../src/domain/roles.js';
import { defineCapability } from '../../src/runtime/capability.js';
import { createAllReportActions } from './actions/index.js';
import { reportsMyData } from './actions/my-data.js';
import { reportReplyFlow } from './reply.js';
import { reportFlow } from './report.js';
import { reportStaffFlow } from './staff.js';
import { myReportsFlow, reportStatusFlow } from './status.js';

/** The reports capability. */
export const reportsCapability = defineCapability({
  id: 'reports',
  flows: [reportFlow, reportStatusFlow, myReportsFlow, reportStaffFlow, reportReplyFlow],
  actions: createAllReportActions,
  menu: [
    { value: 'report', label: t('report:menu.new'), order: 10, target: goto(reportFlow.id) },
    {
      value: 'my_reports',
      label: t('report:menu.mine'),
      order: 20,
      target: goto(myReportsFlow.id),
    },
    {
      value: 'report_inbox',
      label: t('report-staff:menu'),
      order: 30,
      roles: STAFF_ROLES,
      target: goto(reportStaffFlow.id),
    },
  ],
  myData: [reportsMyData],
  // Reports stay for the village, with nothing that points back to the person; copies of
  // their views in other people's chats (`aboutReport`) go.
  async erase(tx, { contactId, now }) {
    const { mediaFiles, reportIds } = await anonymiseReportsOf(tx, { contactId, now });
    return { mediaFiles, about: { aboutReport: reportIds } };
  },
  namespaces: ['report', 'report-staff'],
});
