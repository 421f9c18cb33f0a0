/** The wizard's trainer: another person with a staff role, found by name or number. */

import { parseIndonesianMobile } from '../../../src/core/flow/phrases.js';
import { t } from '../../../src/core/messages.js';
import { findTrainerCandidates } from '../../../src/db/queries/training-trainers.js';
import { roleName } from '../../../src/domain/roles.js';
import { displayName } from '../../../src/domain/villages.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { findTrainer } from '../declarations.js';

/** People offered at once: one page of a choice, with "search again" after them. */
export const TRAINER_CHOICES = 8;

/** The trainer search of /pelatihanbaru. */
export function createTrainerActions(services: CapabilityServices): ActionImplementation[] {
  return [
    implement(findTrainer, async ({ tx }, { query }) => {
      const name = query.trim().replace(/\s+/g, ' ');
      const phone = parseIndonesianMobile(name);
      const found = await findTrainerCandidates(tx, { name, phone, limit: TRAINER_CHOICES });
      if (found.length === 0) return { outcome: 'none' };
      const { directory } = await services.villages();
      const items = found.map((person) => {
        const village = person.villageCode ? directory.get(person.villageCode) : undefined;
        return {
          id: person.id,
          label: t('training:new.trainer_item', {
            name: person.name,
            role: roleName(person.role),
            village: village
              ? t('training:new.trainer_village', { name: displayName(village.name) })
              : '',
          }),
        };
      });
      return { outcome: 'found', items };
    }),
  ];
}
