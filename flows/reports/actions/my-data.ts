import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import { listReportsOf } from '../../../src/db/queries/report-lists.js';
import {
  countSupportsBy,
  type ReportRow,
  reportMediaIds,
} from '../../../src/db/queries/reports.js';
import { formatDate } from '../../../src/domain/dates.js';
import { placeOf } from '../../../src/domain/village-place.js';
import type { MyDataSection, MyDataSource } from '../../../src/runtime/capability.js';
import { categoryName, locationText, placeText, statusName } from '../text.js';

/** Most reports listed in /datasaya; the rest are counted (all are in /laporansaya). */
export const MY_DATA_MAX_REPORTS = 50;

/** One report as /datasaya lists it, with everything stored with it. */
async function reportLines({ tx, villages }: MyDataSource, report: ReportRow): Promise<Text[]> {
  const photos = await reportMediaIds(tx, { reportId: report.id });
  const pin =
    report.latitude !== null && report.longitude !== null
      ? { latitude: report.latitude, longitude: report.longitude }
      : null;
  const village = (await villages()).directory.get(report.villageCode);
  const flags = [
    ...(report.anonymous ? [t('report:my_data.flags.anonymous')] : []),
    ...(report.confidential ? [t('report:my_data.flags.confidential')] : []),
  ];
  const line = t('report:my_data.report', {
    date: formatDate(report.createdAt),
    ticket: report.ticket,
    village: placeText(village ? placeOf(village) : null, report.villageCode),
    category: categoryName(report.category),
    status: statusName(report.status),
    description: report.description,
    photos: photos.length,
    location: locationText(pin, report.landmark),
    flags: flags.length > 0 ? flags : '',
  });
  if (!report.residentName) return [line];
  const contact = report.residentContact ?? '-';
  return [line, t('report:my_data.resident', { name: report.residentName, contact })];
}

/**
 * /datasaya: the reports the person filed (everything stored with each, newest first) and
 * how many other reports they support.
 */
async function reportsSection(source: MyDataSource): Promise<{ title: Text; body: Text }> {
  const { tx, contact } = source;
  const limit = MY_DATA_MAX_REPORTS;
  const page = await listReportsOf(tx, { contactId: contact.id, limit, offset: 0 });
  const lines: Text[] = [];
  for (const report of page.rows) lines.push(...(await reportLines(source, report)));
  const more = page.total - page.rows.length;
  if (more > 0) lines.push(t('report:my_data.more', { count: more }));
  const supported = await countSupportsBy(tx, { contactId: contact.id });
  if (supported > 0) lines.push(t('report:my_data.supports', { count: supported }));
  return { title: t('report:my_data.title'), body: joinTexts(lines, t('report:my_data.none')) };
}

/** The reports' part of /datasaya. */
export const reportsMyData: MyDataSection = { order: 70, build: reportsSection };
