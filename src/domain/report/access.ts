/**
 * Who may see a report, and how much (issue 7): nobody but its reporter and the staff of
 * its area sees it at all; "anonim" hides the reporter from staff; "rahasia" shows the
 * description and photos only to the village's perangkat desa and to admins.
 */
import { type StaffMember, scopeCovers, staffScope } from '../staff-scope.js';

/** The facts of a report that decide who sees what. */
export interface ReportAccessFacts {
  /** The contact who filed it (the resident, or the kader who filed for one); null once erased. */
  contactId: string | null;
  villageCode: string;
  anonymous: boolean;
  confidential: boolean;
}

/** The person who asks to see a report. */
export interface ReportViewer extends StaffMember {
  id: string;
}

/** What a viewer may see and do. */
export type ReportAccess =
  | { type: 'none' }
  /** The person who filed it: everything, and the reporter's answers. */
  | { type: 'owner' }
  | {
      type: 'staff';
      /** May move it (read-only scopes, such as a pendamping desa's, may not). */
      manage: boolean;
      /** May read the description and see the photos. */
      content: boolean;
      /** May see who reported it. */
      reporter: boolean;
    };

/** The access `viewer` has to `report`. */
export function reportAccess(report: ReportAccessFacts, viewer: ReportViewer): ReportAccess {
  if (report.contactId !== null && report.contactId === viewer.id) return { type: 'owner' };
  const scope = staffScope(viewer);
  if (!scopeCovers(scope, report.villageCode, 'read')) return { type: 'none' };
  const villageOfficer =
    viewer.role === 'perangkat_desa' && viewer.villageCode === report.villageCode;
  return {
    type: 'staff',
    manage: scopeCovers(scope, report.villageCode, 'manage'),
    content: !report.confidential || villageOfficer || viewer.role === 'admin',
    reporter: !report.anonymous,
  };
}
