/** Every action of the broadcasts capability, bound to the start-up services. */
import type { ActionImplementation } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { composeActions } from './compose.js';
import { manageActions } from './manage.js';
import { optOutActions } from './opt-out.js';

/** The broadcasts capability's actions. */
export function createBroadcastActions(services: CapabilityServices): ActionImplementation[] {
  return [
    ...composeActions(services.villages),
    ...manageActions(services.villages),
    ...optOutActions,
  ];
}
