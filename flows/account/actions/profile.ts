/**
 * The profile questions: save the name, the role (a request when above warga), the
 * village (ending a role tied to the old area); search villages; summarise the profile;
 * mark onboarding complete.
 */
import { t } from '../../../src/core/messages.js';
import {
  getContact,
  lockContact,
  markRegistered,
  setRole as saveRole,
  setDisplayName,
} from '../../../src/db/queries/contacts.js';
import { notifyContact } from '../../../src/db/queries/notifications.js';
import { escalationStaff } from '../../../src/db/queries/report-lists.js';
import {
  cancelPendingRequests,
  moveToVillage,
  pendingRequestOf,
  previewVillageMove,
  requestRole,
} from '../../../src/db/queries/role-requests.js';
import { PRIVACY_NOTICE_VERSION } from '../../../src/domain/privacy.js';
import { roleName } from '../../../src/domain/roles.js';
import type { VillageIndexSource } from '../../../src/domain/village-index.js';
import { searchVillages } from '../../../src/domain/village-picker.js';
import { placeOf } from '../../../src/domain/village-place.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { ActionContext } from '../../../src/runtime/types.js';
import {
  checkVillageMove,
  completeProfile,
  searchVillage,
  setName,
  setRole,
  setVillage,
  summariseProfile,
} from '../declarations.js';

/** A name must hold at least one letter: "123" or "..." is no name. */
const HAS_LETTER = /\p{L}/u;

function saved(editing: boolean) {
  return { outcome: editing ? ('edited' as const) : ('saved' as const) };
}

const saveName = implement(setName, async ({ tx, contact, clock }, { name, editing }) => {
  if (!HAS_LETTER.test(name)) return { outcome: 'invalid' };
  await setDisplayName(tx, { contactId: contact.id, name, now: clock.now() });
  return saved(editing);
});

/**
 * Tells the admins (who decide, under /peran) and the duta digital of the person's
 * kabupaten (for their information) that a role request is waiting; who asked is read
 * under /peran.
 */
async function tellOfRequest(ctx: ActionContext, contactId: string): Promise<void> {
  const { tx, clock } = ctx;
  const person = await getContact(tx, { contactId });
  const pending = await pendingRequestOf(tx, { contactId });
  if (!person || !pending) return;
  const told = await escalationStaff(tx, {
    villageCode: person.villageCode ?? '',
    level: 2,
    consentVersion: PRIVACY_NOTICE_VERSION,
  });
  // No name in the notice: it stays in the outbox after the person may have deleted their data.
  const params = { role: roleName(pending.role) };
  for (const id of told.filter((id) => id !== contactId)) {
    const staff = await getContact(tx, { contactId: id });
    const key =
      staff?.role === 'admin' ? 'roles:notify.request_admin' : 'roles:notify.request_duta';
    await notifyContact(tx, {
      contactId: id,
      messages: [{ texts: [t(key, params)] }],
      now: clock.now(),
    });
  }
}

/** Warga (or the role already held) is set at once; any other role becomes a request. */
const chooseRole = implement(setRole, async (ctx, { role, editing }) => {
  const { tx, contact, clock, ids } = ctx;
  const now = clock.now();
  await lockContact(tx, { contactId: contact.id });
  if (role === contact.role || role === 'warga') {
    await cancelPendingRequests(tx, { contactId: contact.id, now });
    if (role !== contact.role) await saveRole(tx, { contactId: contact.id, role, now });
    return saved(editing);
  }
  const made = await requestRole(tx, { id: ids.next(), contactId: contact.id, role, now });
  // During onboarding the village is not known yet: the request is told of once registered.
  if (made === 'requested' && contact.registeredAt) await tellOfRequest(ctx, contact.id);
  return saved(editing);
});

const complete = implement(completeProfile, async (ctx) => {
  const { tx, contact, clock } = ctx;
  await markRegistered(tx, { contactId: contact.id, now: clock.now() });
  const pending = await pendingRequestOf(tx, { contactId: contact.id });
  if (pending && !contact.registeredAt) await tellOfRequest(ctx, contact.id);
  return pending ? { outcome: 'requested', role: pending.role } : { outcome: 'registered' };
});

/**
 * What moving to the picked village does to the person's role, asked before the move:
 * `ends` (with the role that ends and the one then waiting for an admin) or `keeps`.
 */
const checkVillage = implement(checkVillageMove, async ({ tx, contact }, { code }) => {
  const plan = await previewVillageMove(tx, { contactId: contact.id, villageCode: code });
  if (!plan?.endedRole) return { outcome: 'keeps' };
  return { outcome: 'ends', role: plan.endedRole, requested: plan.requested };
});

/**
 * Saves the village. A role tied to the old village's area ends with the move and goes back
 * to an admin as a request (src/db/queries/role-requests.ts). When that is not what the
 * person was told before (`ending`: their role changed meanwhile), nothing is saved and
 * the flow asks again (`changed`).
 */
function saveVillage(villages: VillageIndexSource): ActionImplementation {
  return implement(setVillage, async ({ tx, contact, clock, ids }, input) => {
    const { directory } = await villages();
    if (!directory.get(input.code)) throw new Error(`unknown village code ${input.code}`);
    const moved = await moveToVillage(tx, {
      contactId: contact.id,
      villageCode: input.code,
      expectedEnd: input.ending,
      requestId: ids.next(),
      now: clock.now(),
    });
    if (moved.type === 'gone') throw new Error('the contact of this message is gone');
    if (moved.type === 'changed') return { outcome: 'changed' };
    const { endedRole, requested } = moved.plan;
    if (!endedRole) return saved(input.editing);
    return { outcome: 'role_ended', role: endedRole, requested };
  });
}

function summarise(villages: VillageIndexSource): ActionImplementation {
  return implement(summariseProfile, async ({ tx, contact }) => {
    const { directory } = await villages();
    const village = contact.villageCode ? directory.get(contact.villageCode) : undefined;
    const pending = await pendingRequestOf(tx, { contactId: contact.id });
    return {
      outcome: 'ok',
      name: contact.displayName,
      role: contact.role,
      requested: pending?.role ?? null,
      village: village ? placeOf(village) : null,
    };
  });
}

/** The profile actions, over the village index. */
export function createProfileActions(deps: {
  villages: VillageIndexSource;
}): ActionImplementation[] {
  return [
    saveName,
    chooseRole,
    checkVillage,
    saveVillage(deps.villages),
    implement(searchVillage, async (_ctx, { query }) => searchVillages(deps.villages, query)),
    summarise(deps.villages),
    complete,
  ];
}
