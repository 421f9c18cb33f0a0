/**
 * Links that open a map pin in any chat app (reports' locations, training venues).
 * Plain functions, no network: the link is computed from the coordinates alone.
 */

/** A map pin. */
export type Pin = {
  latitude: number;
  longitude: number;
};

/** Zoom of the map link shown for a pin: a street and its houses. */
const MAP_ZOOM = 18;

/** A link that opens the pin on a map, in any chat app. */
export function mapLink(pin: Pin): string {
  const lat = pin.latitude.toFixed(6);
  const lon = pin.longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=${MAP_ZOOM}/${lat}/${lon}`;
}
