/**
 * The web capability: /web sends staff a one-time link to the admin web (src/http/web/),
 * and /hapusdata clears their sessions and redacts them in the audit log.
 */
import { defineCapability } from '../../src/runtime/capability.js';
import { createWebActions, eraseWebData } from './actions/index.js';
import { webFlow } from './web.js';

/** The web capability. */
export const webCapability = defineCapability({
  id: 'web',
  flows: [webFlow],
  actions: (services) => createWebActions(services),
  async erase(tx, { contactId }) {
    await eraseWebData(tx, { contactId });
    return {};
  },
  namespaces: ['web'],
});
