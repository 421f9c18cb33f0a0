import { z } from 'zod';
import type { Json } from '../../../src/core/messages.js';
import {
  lockContact,
  markRegistered,
  setDisplayName,
  setRole,
} from '../../../src/db/queries/contacts.js';
import {
  cancelPendingRequests,
  moveToVillage,
  pendingRequestOf,
  previewVillageMove,
  requestRole,
} from '../../../src/db/queries/role-requests.js';
import { isSelectableRole } from '../../../src/domain/roles.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { searchVillages } from '../../../src/domain/village-picker.js';
import { placeOf } from '../../../src/domain/village-place.js';
import type { ActionHandler } from '../../../src/runtime/types.js';
import type { ProfileSummary } from '../profile-text.js';

const nameInput = z.object({ name: z.string(), editing: z.boolean() });
const roleInput = z.object({ role: z.string().refine(isSelectableRole), editing: z.boolean() });
const villageInput = z.object({
  code: z.string(),
  editing: z.boolean(),
  /** The role the person was told the move ends (see `profile.village_check`), if any. */
  ending: z.string().nullable().default(null),
});
const checkInput = z.object({ code: z.string() });
const searchInput = z.object({ query: z.string() });

/** A name must hold at least one letter: "123" or "..." is no name. */
const HAS_LETTER = /\p{L}/u;

function saved(editing: boolean): Json {
  return { outcome: editing ? 'edited' : 'saved' };
}

const setName: ActionHandler = async ({ tx, contact, input, clock }) => {
  const { name, editing } = nameInput.parse(input);
  if (!HAS_LETTER.test(name)) return { outcome: 'invalid' };
  await setDisplayName(tx, { contactId: contact.id, name, now: clock.now() });
  return saved(editing);
};

/** Warga (or the role already held) is set at once; any other role becomes a request. */
const chooseRole: ActionHandler = async ({ tx, contact, input, clock, ids }) => {
  const { role, editing } = roleInput.parse(input);
  const now = clock.now();
  await lockContact(tx, { contactId: contact.id });
  if (role === contact.role || role === 'warga') {
    await cancelPendingRequests(tx, { contactId: contact.id, now });
    if (role !== contact.role) await setRole(tx, { contactId: contact.id, role, now });
    return saved(editing);
  }
  await requestRole(tx, { id: ids.next(), contactId: contact.id, role, now });
  return saved(editing);
};

const complete: ActionHandler = async ({ tx, contact, clock }): Promise<Json> => {
  await markRegistered(tx, { contactId: contact.id, now: clock.now() });
  const pending = await pendingRequestOf(tx, { contactId: contact.id });
  return pending ? { outcome: 'requested', role: pending.role } : { outcome: 'registered' };
};

/**
 * What moving to the picked village does to the person's role, asked before the move:
 * `ends` (with the role that ends and the one then waiting for an admin) or `keeps`.
 */
const checkVillage: ActionHandler = async ({ tx, contact, input }): Promise<Json> => {
  const { code } = checkInput.parse(input);
  const plan = await previewVillageMove(tx, { contactId: contact.id, villageCode: code });
  if (!plan?.endedRole) return { outcome: 'keeps' };
  return { outcome: 'ends', role: plan.endedRole, requested: plan.requested };
};

/**
 * Saves the village. A role tied to the old village's area ends with the move and goes back
 * to an admin as a request (src/db/queries/role-requests.ts). When that is not what the
 * person was told before (`ending`: their role changed meanwhile), nothing is saved and
 * the flow asks again (`changed`).
 */
function setVillage(villages: VillageIndexSource): ActionHandler {
  return async ({ tx, contact, input, clock, ids }) => {
    const { code, editing, ending } = villageInput.parse(input);
    const { directory } = await villages();
    if (!directory.get(code)) throw new Error(`unknown village code ${code}`);
    const moved = await moveToVillage(tx, {
      contactId: contact.id,
      villageCode: code,
      expectedEnd: ending,
      requestId: ids.next(),
      now: clock.now(),
    });
    if (moved.type === 'gone') throw new Error('the contact of this message is gone');
    if (moved.type === 'changed') return { outcome: 'changed' };
    const { endedRole, requested } = moved.plan;
    if (!endedRole) return saved(editing);
    return { outcome: 'role_ended', role: endedRole, requested };
  };
}

function villageSearch(villages: VillageIndexSource): ActionHandler {
  return async ({ input }) =>
    (await searchVillages(villages, searchInput.parse(input).query)) as unknown as Json;
}

function summarise(villages: VillageIndexSource): ActionHandler {
  return async ({ tx, contact }) => {
    const { directory } = await villages();
    const village = contact.villageCode ? directory.get(contact.villageCode) : undefined;
    const pending = await pendingRequestOf(tx, { contactId: contact.id });
    const summary: ProfileSummary = {
      outcome: 'ok',
      name: contact.displayName,
      role: contact.role,
      requested: pending?.role ?? null,
      village: village ? placeOf(village) : null,
    };
    return { ...summary, village: summary.village ? { ...summary.village } : null };
  };
}

/**
 * Actions of the profile questions: save the name, the role (a request when above warga),
 * the village (ending a role tied to the old area); search villages; summarise the
 * profile; mark onboarding complete.
 */
export function createProfileActions(deps: {
  villages: VillageIndexSource;
}): Record<string, ActionHandler> {
  return {
    'profile.set_name': setName,
    'profile.set_role': chooseRole,
    'profile.village_check': checkVillage,
    'profile.set_village': setVillage(deps.villages),
    'village.search': villageSearch(deps.villages),
    'profile.summary': summarise(deps.villages),
    'profile.complete': complete,
  };
}
