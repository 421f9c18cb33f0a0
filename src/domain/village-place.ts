import { type Text, t } from '../core/messages.js';
import { displayName, type Village } from './villages.js';

/** A village's name and the areas it lies in, ready to show: "Sukamaju, Kec. Cibeber, Kab. Cianjur". */
export type VillagePlace = {
  name: string;
  district: string;
  regency: string;
  province: string;
};

/** "Kabupaten Cianjur" → "Kab. Cianjur"; "Kota Bandung" stays. Keeps list rows short. */
export function shortRegency(name: string): string {
  return name.replace(/^Kabupaten\s+/u, 'Kab. ');
}

/** The names to show for a village of the directory, or for a search hit. */
export function placeOf(
  village: Pick<Village, 'name'> & {
    district: string | { name: string };
    regency: string | { name: string };
    province: string | { name: string };
  },
): VillagePlace {
  const nameOf = (area: string | { name: string }) => (typeof area === 'string' ? area : area.name);
  return {
    name: displayName(village.name),
    district: displayName(nameOf(village.district)),
    regency: shortRegency(displayName(nameOf(village.regency))),
    province: displayName(nameOf(village.province)),
  };
}

/** "Sukamaju, Kec. Cibeber, Kab. Cianjur, Jawa Barat", or "not set yet". */
export function villageText(village: VillagePlace | null): Text {
  return village ? t('profile:village.place', { ...village }) : t('profile:village.none');
}
