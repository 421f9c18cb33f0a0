/** Where a training session is, as people read it: the link, or the venue with its map pin. */
import { type Text, t } from '../../core/messages.js';
import { mapLinkParam, type Pin } from '../map-link.js';

/** The place facts of a session (stored, or a draft in the wizard). */
export interface SessionPlace {
  onlineUrl: string | null;
  venue: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** "daring: <link>", "tempat: <venue>", or with a pin "tempat: <venue> (lihat peta)". */
export function sessionPlaceText(place: SessionPlace): Text {
  if (place.onlineUrl) return t('training:place.online', { url: place.onlineUrl });
  const venue = place.venue ?? '';
  if (place.latitude === null || place.longitude === null) {
    return t('training:place.venue', { venue });
  }
  const pin: Pin = { latitude: place.latitude, longitude: place.longitude };
  return t('training:place.venue_pin', { venue, link: mapLinkParam(pin) });
}

/** The pin a location answer holds (`{ latitude, longitude }`), none for anything else. */
export function pinOf(value: unknown): Pin | null {
  if (typeof value !== 'object' || value === null) return null;
  const { latitude, longitude } = value as Record<string, unknown>;
  return typeof latitude === 'number' && typeof longitude === 'number'
    ? { latitude, longitude }
    : null;
}
