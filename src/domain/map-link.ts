/**
 * Links that open a map pin in any chat app (reports' locations, training venues).
 * Plain functions, no network: the links are computed from the coordinates alone.
 */
import { type Link, link, t } from '../core/messages.js';

/** A map pin. */
export type Pin = {
  latitude: number;
  longitude: number;
};

/** Zoom of the map link shown for a pin: a street and its houses. */
const MAP_ZOOM = 18;

/** The 64 characters of an OpenStreetMap short code, 6 bits each. */
const SHORT_CODE_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_~';

/** A link that opens the pin on a map, in any chat app (the full address, for the web). */
export function mapLink(pin: Pin): string {
  const lat = pin.latitude.toFixed(6);
  const lon = pin.longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${MAP_ZOOM}/${lat}/${lon}`;
}

/**
 * The same place as a short link, `https://osm.org/go/<code>?m` (`m`: with a marker),
 * short enough to read in a chat: OpenStreetMap's short-link code, computed here as its
 * site does (lib/short_link.rb): the longitude and latitude as 32-bit integers, their bits
 * interleaved, read 6 bits a character, one character per 3 zoom levels, and a `-` for each
 * zoom level left over.
 */
export function shortMapLink(pin: Pin, zoom = MAP_ZOOM): string {
  const x = BigInt(Math.floor(((pin.longitude + 180) * 2 ** 32) / 360));
  const y = BigInt(Math.floor(((pin.latitude + 90) * 2 ** 32) / 180));
  let code = 0n;
  for (let bit = 31n; bit >= 0n; bit--) {
    code = (code << 2n) | (((x >> bit) & 1n) << 1n) | ((y >> bit) & 1n);
  }
  let text = '';
  for (let i = 0; i < Math.ceil((zoom + 8) / 3); i++) {
    text += SHORT_CODE_CHARS[Number((code >> BigInt(58 - 6 * i)) & 0x3fn)];
  }
  return `https://osm.org/go/${text}${'-'.repeat((zoom + 8) % 3)}?m`;
}

/** "lihat peta", linked to the pin's {@link shortMapLink}: a parameter of a text. */
export function mapLinkParam(pin: Pin): Link {
  return link(shortMapLink(pin), t('common:map_link'));
}
