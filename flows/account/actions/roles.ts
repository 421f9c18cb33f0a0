import { z } from 'zod';
import type { Json } from '../../../src/core/messages.js';
import { t } from '../../../src/core/messages.js';
import { getContact } from '../../../src/db/queries/contacts.js';
import { enqueueForContact } from '../../../src/db/queries/outbox.js';
import {
  decideRoleRequest,
  listPendingRequests,
  pendingRequestOf,
} from '../../../src/db/queries/role-requests.js';
import { formatDate } from '../../../src/domain/dates.js';
import { roleName } from '../../../src/domain/roles.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { placeOf } from '../../../src/domain/village-place.js';
import type { ActionHandler } from '../../../src/runtime/types.js';

const decideInput = z.object({
  requestId: z.string(),
  decision: z.enum(['confirmed', 'rejected']),
});

function listRequests(villages: VillageIndexSource): ActionHandler {
  return async ({ tx, contact }): Promise<Json> => {
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
        village: village ? { ...placeOf(village) } : null,
      };
    });
    return { outcome: 'listed', requests };
  };
}

/** Confirms or rejects a request and queues the notice to the person, in this transaction. */
const decide: ActionHandler = async ({ tx, contact, input, clock }): Promise<Json> => {
  if (contact.role !== 'admin') return { outcome: 'gone' };
  const { requestId, decision } = decideInput.parse(input);
  const now = clock.now();
  const result = await decideRoleRequest(tx, {
    id: requestId,
    decision,
    deciderId: contact.id,
    now,
  });
  if (result.type === 'gone') return { outcome: 'gone' };
  const { request } = result;
  const person = await getContact(tx, { contactId: request.contactId });
  const role = roleName(request.role);
  const text =
    decision === 'confirmed'
      ? t('roles:notify.confirmed', { role })
      : t('roles:notify.rejected', { role, current: roleName(person?.role ?? 'warga') });
  await enqueueForContact(tx, { contactId: request.contactId, messages: [{ texts: [text] }], now });
  const name = person?.displayName ?? '?';
  return { outcome: decision, name, role: request.role, about: request.contactId };
};

/** Actions of /peran; village names come from the index for the admin's list. */
export function createRoleActions(deps: {
  villages: VillageIndexSource;
}): Record<string, ActionHandler> {
  return { 'roles.list': listRequests(deps.villages), 'roles.decide': decide };
}
