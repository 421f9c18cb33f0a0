/** What the admin web is built from, and what every request of a signed-in person carries. */

import type { ReportSlaConfig } from '../../config.js';
import type { Text } from '../../core/messages.js';
import type { Clock } from '../../core/ports.js';
import type { Db } from '../../db/client.js';
import type { Contact } from '../../db/queries/contacts.js';
import type { WebSessionRow } from '../../db/queries/web-auth.js';
import type { BankRegistry } from '../../domain/questionnaire/index.js';
import type { StaffScope } from '../../domain/staff-scope.js';
import type { VillageIndexSource } from '../../domain/village-index.js';
import type { WorkingCalendar } from '../../domain/working-days.js';
import type { Translator } from '../../i18n.js';
import type { Logger } from '../../logger.js';
import type { Perform } from '../../runtime/perform.js';

/** Dependencies of the admin web (see `mountAdminWeb`). */
export interface WebDeps {
  db: Db;
  translator: Translator;
  villages: VillageIndexSource;
  /** Runs a chat action as the signed-in person: report moves, role decisions. */
  perform: Perform;
  clock: Clock;
  logger: Logger;
  /** The question banks, for village scores. */
  registry: BankRegistry;
  /** Working days and thresholds, for what is overdue. */
  calendar: WorkingCalendar;
  sla: ReportSlaConfig;
  /** The stored bytes of a photo (JPEG), or undefined when gone. */
  readMedia(mediaId: string): Promise<Buffer | undefined>;
  /** Mark the session cookie `Secure` (the web is served over https). */
  secureCookies: boolean;
}

/** The signed-in person of a request. */
export interface Viewer {
  contact: Contact;
  scope: Exclude<StaffScope, { type: 'none' }>;
  session: WebSessionRow;
  /** Words in the person's language; a plain string (a stored value) is shown as it is. */
  tr(text: Text | string): string;
  language: string;
}

/** Hono environment of the admin web's routes. */
export interface WebEnv {
  Variables: { logger: Logger; viewer: Viewer };
}
