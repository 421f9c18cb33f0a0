/** The areas offered in /pelatihanbaru, and the checks of typed Kemendagri codes. */
import { type Text, t } from '../../../src/core/messages.js';
import type { Contact } from '../../../src/db/queries/contacts.js';
import {
  REGION_CODE,
  regionWithin,
  type TrainingArea,
  trainingArea,
} from '../../../src/domain/training/access.js';
import { shortRegency } from '../../../src/domain/village-place.js';
import { displayName, type VillageDirectory } from '../../../src/domain/villages.js';

/** Characters of a village code naming its kecamatan, and its kabupaten/kota. */
const DISTRICT_LENGTH = 8;
const REGENCY_LENGTH = 5;

/** The person's kecamatan and (for a duta or an admin) kabupaten, named. */
export function regionPresets(
  contact: Contact,
  directory: VillageDirectory,
): { value: string; label: Text }[] {
  const village = contact.villageCode ? directory.get(contact.villageCode) : undefined;
  if (!village) return [];
  const area = trainingArea(contact);
  const district = {
    value: village.code.slice(0, DISTRICT_LENGTH),
    label: t('training:regions.own_district', { name: displayName(village.district.name) }),
  };
  const regency = {
    value: village.code.slice(0, REGENCY_LENGTH),
    label: t('training:regions.own_regency', {
      name: shortRegency(displayName(village.regency.name)),
    }),
  };
  return area.type === 'area' && area.level === 'district' ? [district] : [district, regency];
}

/** True when some village lies in the region (so the code names a real area). */
function exists(code: string, directory: VillageDirectory): boolean {
  const [from, to] = directory.range(code);
  return from < to;
}

/** Why the codes cannot be the session's regions, or undefined when they can. */
export function regionProblem(
  codes: string[],
  area: TrainingArea,
  directory: VillageDirectory,
): Text | undefined {
  if (codes.length === 0) return t('training:new.region_codes');
  for (const code of codes) {
    if (!REGION_CODE.test(code) || !exists(code, directory)) {
      return t('training:new.region_bad', { code });
    }
    const inside =
      area.type === 'everywhere' || (area.type === 'area' && regionWithin(code, area.code));
    if (!inside) return t('training:new.region_outside', { code });
  }
  return undefined;
}
