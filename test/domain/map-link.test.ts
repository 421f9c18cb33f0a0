import { describe, expect, it } from 'vitest';
import { mapLink, shortMapLink } from '../../src/domain/map-link.js';

describe('Map links', () => {
  it("compute OpenStreetMap's short code locally (the codes its site gives)", () => {
    const aachen = { latitude: 50.671530961990356, longitude: 6.09715461730957 };
    expect(shortMapLink(aachen, 16)).toBe('https://osm.org/go/0GAjIv8h?m');
    expect(shortMapLink({ latitude: 0, longitude: 0 }, 3)).toBe('https://osm.org/go/wAAA--?m');
    expect(shortMapLink({ latitude: 0, longitude: 0 }, 4)).toBe('https://osm.org/go/wAAA?m');
  });

  it('are short for a pin at street zoom, and the full address stays for the web', () => {
    const pin = { latitude: -6.9123, longitude: 107.1234 };
    expect(shortMapLink(pin).length).toBeLessThanOrEqual(34);
    expect(mapLink(pin)).toBe(
      'https://www.openstreetmap.org/?mlat=-6.912300&mlon=107.123400#map=18/-6.912300/107.123400',
    );
  });
});
