/**
 * Words of the report flows: names of types, categories, statuses and reasons, places
 * and locations, each a {@link Text} resolved in the reader's language at send time.
 */
import { type KeysUnder, type Text, t } from '../../src/core/messages.js';
import { mapLinkParam, type Pin } from '../../src/domain/map-link.js';
import {
  REPORT_CATEGORY_IDS,
  REPORT_TYPES,
  type ReportCategory,
  type ReportType,
} from '../../src/domain/report/categories.js';
import {
  AUTO_CLOSE_REASON,
  REJECT_REASONS,
  REPORT_STATUSES,
  type RejectReason,
  type ReportStatus,
} from '../../src/domain/report/status.js';
import type { VillagePlace } from '../../src/domain/village-place.js';

/** One of `known`, or undefined for a value another version stored. */
function known<T extends string>(values: readonly T[], value: string): T | undefined {
  return values.find((item) => item === value);
}

/** The short name of a report type (the stored word for an unknown one). */
export function typeName(type: ReportType): Text;
export function typeName(type: string): Text | string;
export function typeName(type: string): Text | string {
  const found = known(REPORT_TYPES, type);
  return found ? t(`report:type_names.${found}`) : type;
}

/** The name of a category. */
export function categoryName(category: ReportCategory): Text;
export function categoryName(category: string): Text | string;
export function categoryName(category: string): Text | string {
  const found = known(REPORT_CATEGORY_IDS, category);
  return found ? t(`report:categories.${found}`) : category;
}

/** The name of a status, as people read it ("Perlu informasi"). */
export function statusName(status: ReportStatus): Text;
export function statusName(status: string): Text | string;
export function statusName(status: string): Text | string {
  const found = known(REPORT_STATUSES, status);
  return found ? t(`report:statuses.${found}`) : status;
}

/**
 * The reasons a history row may carry: of a rejection, and `otomatis`, of the scheduler's
 * closing of a report its reporter left unanswered (src/runtime/jobs/report-sla.ts).
 */
const HISTORY_REASONS = [
  ...REJECT_REASONS,
  AUTO_CLOSE_REASON,
] as const satisfies readonly KeysUnder<'report:reasons.'>[];

/** The name of a reason of rejection (or of an automatic closing). */
export function reasonName(reason: RejectReason): Text;
export function reasonName(reason: string): Text | string;
export function reasonName(reason: string): Text | string {
  const found = known(HISTORY_REASONS, reason);
  return found ? t(`report:reasons.${found}`) : reason;
}

/** "Sukamaju, Kec. Cibeber, Kab. Cianjur"; the code when the directory does not know it. */
export function placeText(place: VillagePlace | null | undefined, code: string): Text {
  if (!place) return t('report:place_unknown', { code });
  return t('report:place', { name: place.name, district: place.district, regency: place.regency });
}

/** Where the problem is: a pin (as a short "lihat peta" link), a landmark, both, or nothing given. */
export function locationText(pin: Pin | null, landmark: string | null): Text {
  if (pin && landmark) return t('report:location.both', { link: mapLinkParam(pin), landmark });
  if (pin) return t('report:location.pin', { link: mapLinkParam(pin) });
  if (landmark) return t('report:location.landmark', { landmark });
  return t('report:location.none');
}
