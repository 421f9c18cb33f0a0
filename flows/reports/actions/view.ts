/**
 * A report shown to one person, with what they may see (see src/domain/report/access.ts):
 * its owner sees everything; staff see the reporter unless it is anonymous, and the
 * description, photos and notes unless it is confidential and they are not the village's
 * perangkat or an admin.
 */
import { type Attachment, type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import type { Db } from '../../../src/db/client.js';
import { getContact } from '../../../src/db/queries/contacts.js';
import {
  countSupports,
  listHistory,
  type ReportHistoryRow,
  type ReportRow,
  reportMediaIds,
} from '../../../src/db/queries/reports.js';
import { formatDate } from '../../../src/domain/dates.js';
import type { ReportAccess } from '../../../src/domain/report/access.js';
import { roleName } from '../../../src/domain/roles.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { placeOf } from '../../../src/domain/village-place.js';
import {
  categoryName,
  locationText,
  placeText,
  reasonName,
  statusName,
  typeName,
} from '../text.js';

/** One line of a list of reports: ticket, category, status, date. */
export function listItemText(report: ReportRow): Text {
  return t('report:view.list_item', {
    ticket: report.ticket,
    category: categoryName(report.category),
    status: statusName(report.status),
    date: formatDate(report.createdAt),
  });
}

function statusLine(report: ReportRow): Text {
  if (report.status === 'DITOLAK' && report.rejectReason) {
    return t('report:view.status_rejected', {
      status: statusName(report.status),
      reason: reasonName(report.rejectReason),
    });
  }
  return t('report:view.status', { status: statusName(report.status) });
}

function historyLine(row: ReportHistoryRow, notes: boolean): Text {
  const line = t('report:view.history_line', {
    date: formatDate(row.createdAt),
    status: statusName(row.toStatus),
  });
  const parts: Text[] = [line];
  if (row.reason) parts.push(t('report:view.history_reason', { reason: reasonName(row.reason) }));
  if (notes && row.note) parts.push(t('report:view.history_note', { note: row.note }));
  return joinTexts(parts, line);
}

/**
 * Who reported it, as staff may see it. Each line carries `about: <filer id>`, which
 * /hapusdata looks for to remove other people's copies (see src/db/queries/erasure.ts).
 */
async function reporterLines(db: Db, report: ReportRow, access: ReportAccess): Promise<Text[]> {
  const about = report.contactId ?? '';
  if (access.type === 'owner') {
    if (!report.residentName) return [];
    return [t('report:view.resident', { name: report.residentName, about })];
  }
  if (access.type !== 'staff') return [];
  if (!access.reporter) return [t('report:view.reporter_anonymous')];
  const filer = report.contactId
    ? await getContact(db, { contactId: report.contactId })
    : undefined;
  const filerName = filer?.displayName ?? t('report:view.none');
  if (!report.residentName) {
    return [t('report:view.reporter', { name: filerName, about })];
  }
  const resident = report.residentContact
    ? t('report:view.resident_contact', {
        name: report.residentName,
        contact: report.residentContact,
      })
    : t('report:view.resident', { name: report.residentName });
  const role = roleName(filer?.role ?? 'warga');
  return [resident, t('report:view.filed_by', { name: filerName, role, about })];
}

/**
 * The photos (when the viewer may see them) and the pin of a report, sent after its text
 * to staff who open it: a picture says more than "Foto: 2".
 */
export async function reportAttachments(
  db: Db,
  report: ReportRow,
  content: boolean,
): Promise<Attachment[]> {
  const photos = content ? await reportMediaIds(db, { reportId: report.id }) : [];
  const attachments: Attachment[] = photos.map((mediaId) => ({ type: 'photo', mediaId }));
  if (report.latitude !== null && report.longitude !== null) {
    attachments.push({ type: 'location', latitude: report.latitude, longitude: report.longitude });
  }
  return attachments;
}

/** The whole report as `access` allows, with its history; empty for no access. */
export async function reportDetailText(
  db: Db,
  villages: VillageIndexSource,
  report: ReportRow,
  access: ReportAccess,
): Promise<Text> {
  const content = access.type === 'owner' || (access.type === 'staff' && access.content);
  const { directory } = await villages();
  const village = directory.get(report.villageCode);
  const photos = await reportMediaIds(db, { reportId: report.id });
  const supporters = (await countSupports(db, { reportIds: [report.id] })).get(report.id) ?? 0;
  const history = await listHistory(db, { reportId: report.id });
  const pin =
    report.latitude !== null && report.longitude !== null
      ? { latitude: report.latitude, longitude: report.longitude }
      : null;
  const lines: Text[] = [
    t('report:view.head', {
      // Not shown: lets /hapusdata find copies of this view (src/db/queries/erasure.ts).
      aboutReport: report.id,
      ticket: report.ticket,
      type: typeName(report.type),
      category: categoryName(report.category),
      village: placeText(village ? placeOf(village) : null, report.villageCode),
      date: formatDate(report.createdAt),
    }),
    statusLine(report),
    ...(await reporterLines(db, report, access)),
    content
      ? t('report:view.description', { description: report.description })
      : t('report:view.hidden'),
    ...(content && photos.length > 0 ? [t('report:view.photos', { count: photos.length })] : []),
    t('report:view.location', { location: locationText(pin, report.landmark) }),
    ...(supporters > 0 ? [t('report:view.supporters', { count: supporters })] : []),
    t('report:view.history'),
    ...history.map((row) => historyLine(row, content)),
  ];
  return joinTexts(lines, t('report:view.none'));
}
