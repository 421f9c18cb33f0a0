/** /peran: the pending role requests for admins, and their decisions. */
import { t } from '../../../src/core/messages.js';
import { getContact } from '../../../src/db/queries/contacts.js';
import { enqueueForContact } from '../../../src/db/queries/outbox.js';
import {
  decideRoleRequest as decide,
  listPendingRequests,
  pendingRequestOf,
} from '../../../src/db/queries/role-requests.js';
import { formatDate } from '../../../src/domain/dates.js';
import { roleName } from '../../../src/domain/roles.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { placeOf } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import { decideRoleRequest, listRoleRequests } from '../declarations.js';

function listRequests(villages: VillageIndexSource): ActionImplementation {
  return implement(listRoleRequests, async ({ tx, contact }) => {
    if (contact.role !== 'admin') {
      const pending = await pendingRequestOf(tx, { contactId: contact.id });
      return { outcome: 'not_admin', role: contact.role, requested: pending?.role ?? null };
    }
    const rows = await listPendingRequests(tx);
    if (rows.length === 0) return { outcome: 'empty' };
    const { directory } = await villages();
    const requests = rows.map((row) => {
      const village = row.villageCode ? directory.get(row.villageCode) : undefined;
      return {
        id: row.id,
        about: row.contactId,
        name: row.displayName ?? '?',
        role: row.role,
        date: formatDate(row.createdAt),
        village: village ? placeOf(village) : null,
      };
    });
    return { outcome: 'listed', requests };
  });
}

/** Confirms or rejects a request and queues the notice to the person, in this transaction. */
const decideRequest = implement(
  decideRoleRequest,
  async ({ tx, contact, clock }, { requestId, decision }) => {
    if (contact.role !== 'admin') return { outcome: 'gone' };
    const now = clock.now();
    const result = await decide(tx, { id: requestId, decision, deciderId: contact.id, now });
    if (result.type === 'gone') return { outcome: 'gone' };
    const { request } = result;
    const person = await getContact(tx, { contactId: request.contactId });
    const role = roleName(request.role);
    const text =
      decision === 'confirmed'
        ? t('roles:notify.confirmed', { role })
        : t('roles:notify.rejected', { role, current: roleName(person?.role ?? 'warga') });
    const messages = [{ texts: [text] }];
    await enqueueForContact(tx, { contactId: request.contactId, messages, now });
    const name = person?.displayName ?? '?';
    return { outcome: decision, name, role: request.role, about: request.contactId };
  },
);

/** Actions of /peran; village names come from the index for the admin's list. */
export function createRoleActions(deps: { villages: VillageIndexSource }): ActionImplementation[] {
  return [listRequests(deps.villages), decideRequest];
}
