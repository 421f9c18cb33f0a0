/**
 * Words of the report flows: names of types, categories, statuses and reasons, places
 * and locations, each a {@link Text} resolved in the reader's language at send time.
 */
import { type Json, type Text, t } from '../../src/core/messages.js';
import { REPORT_CATEGORY_IDS, REPORT_TYPES } from '../../src/domain/report/categories.js';
import { REJECT_REASONS, REPORT_STATUSES } from '../../src/domain/report/status.js';
import type { VillagePlace } from '../../src/domain/village-place.js';

/** A map pin. */
export interface Pin {
  latitude: number;
  longitude: number;
}

/** Zoom of the map link shown for a pin: a street and its houses. */
const MAP_ZOOM = 18;

/** Keys the texts of this module build; flows list them in `extraKeys`. */
export const REPORT_TEXT_KEYS = [
  ...REPORT_TYPES.map((type) => `report:type_names.${type}`),
  ...REPORT_CATEGORY_IDS.map((category) => `report:categories.${category}`),
  ...REPORT_STATUSES.map((status) => `report:statuses.${status}`),
  ...REJECT_REASONS.map((reason) => `report:reasons.${reason}`),
  'report:place',
  'report:place_unknown',
  'report:location.none',
  'report:location.pin',
  'report:location.landmark',
  'report:location.both',
];

/** The short name of a report type. */
export function typeName(type: string): Text {
  return t(`report:type_names.${type}`);
}

/** The name of a category. */
export function categoryName(category: string): Text {
  return t(`report:categories.${category}`);
}

/** The name of a status, as people read it ("Perlu informasi"). */
export function statusName(status: string): Text {
  return t(`report:statuses.${status}`);
}

/** The name of a reason of rejection. */
export function reasonName(reason: string): Text {
  return t(`report:reasons.${reason}`);
}

/** "Sukamaju, Kec. Cibeber, Kab. Cianjur"; the code when the directory does not know it. */
export function placeText(place: VillagePlace | null | undefined, code: string): Text {
  if (!place) return t('report:place_unknown', { code });
  return t('report:place', { name: place.name, district: place.district, regency: place.regency });
}

/** A link that opens the pin on a map, in any chat app. */
export function mapLink(pin: Pin): string {
  const lat = pin.latitude.toFixed(6);
  const lon = pin.longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${MAP_ZOOM}/${lat}/${lon}`;
}

/** Where the problem is: a pin (as a map link), a landmark, both, or nothing given. */
export function locationText(pin: Pin | null, landmark: string | null): Text {
  if (pin && landmark) return t('report:location.both', { link: mapLink(pin), landmark });
  if (pin) return t('report:location.pin', { link: mapLink(pin) });
  if (landmark) return t('report:location.landmark', { landmark });
  return t('report:location.none');
}

/** An answer or action result as an object to read fields from; `{}` when it is not one. */
export function record(value: Json | undefined): Record<string, Json> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}
