/**
 * /pelatihanbaru and the changes from a session's detail: who may, which areas, the checks
 * of typed codes, links and times, saving, moving, relocating and cancelling. Everyone
 * going or waiting hears of a change once, through the bulk lane, in the transaction of
 * the change; the session's jobs are planned again for its new time.
 */
import { type Outbound, t } from '../../../src/core/messages.js';
import type { Db } from '../../../src/db/client.js';
import {
  insertSession,
  lockSession,
  type NewTrainingSession,
  type TrainingSession,
  updateSession,
} from '../../../src/db/queries/training.js';
import { moveCheckIn } from '../../../src/db/queries/training-checkins.js';
import { rsvpContacts } from '../../../src/db/queries/training-rsvps.js';
import { trainerById } from '../../../src/db/queries/training-trainers.js';
import { IANA_ZONES, zoneOfVillage } from '../../../src/domain/time-zones.js';
import { areaCovers, trainingArea } from '../../../src/domain/training/access.js';
import { instantOf, parseWallTime, whenText } from '../../../src/domain/training/time.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { placeText, type TrainingTimers } from '../../../src/runtime/jobs/training.js';
import { startBulkSend } from '../../../src/runtime/scheduler-bulk.js';
import {
  beginSession,
  branch,
  cancelSession,
  checkLink,
  checkRegions,
  checkStart,
  moveSession,
  relocateSession,
  saveSession,
} from '../declarations.js';
import { regionPresets, regionProblem } from './regions.js';
import { isOpen, manages } from './view.js';

const MINUTE_MS = 60_000;
const LINK = /^https?:\/\/\S+\.\S+$/i;

/** Tells everyone going or waiting, once, through the bulk lane. */
async function tellEveryone(
  tx: Db,
  params: { session: TrainingSession; message: Outbound; id: string; now: Date },
): Promise<void> {
  const recipients = await rsvpContacts(tx, {
    sessionId: params.session.id,
    statuses: ['ikut', 'menunggu'],
  });
  if (recipients.length === 0) return;
  await startBulkSend(tx, {
    id: params.id,
    kind: 'training_change',
    message: params.message,
    recipients,
    now: params.now,
  });
}

type Change = { outcome: 'done' | 'refused'; text: ReturnType<typeof t> };

/** Locks a session its manager changes; a refusal when they may not, or it ended. */
async function sessionToChange(
  tx: Db,
  contact: Parameters<typeof manages>[0],
  sessionId: string,
  now: Date,
): Promise<TrainingSession | Change> {
  const session = await lockSession(tx, { id: sessionId });
  if (!session || !manages(contact, session)) {
    return { outcome: 'refused', text: t('training:manage.not_allowed') };
  }
  if (!isOpen(session, now)) return { outcome: 'refused', text: t('training:manage.ended') };
  return session;
}

/** The wizard's and the changes' actions. */
export function createManageActions(
  services: CapabilityServices,
  timers: TrainingTimers,
): ActionImplementation[] {
  return [
    implement(branch, async (_ctx, { outcome }) => ({ outcome })),

    implement(beginSession, async ({ contact }) => {
      if (trainingArea(contact).type === 'none') return { outcome: 'not_allowed' };
      const { directory } = await services.villages();
      return {
        outcome: 'allowed',
        presets: regionPresets(contact, directory),
        ownZone: zoneOfVillage(contact.villageCode),
      };
    }),

    implement(checkRegions, async ({ contact }, { choice, typed }) => {
      const { directory } = await services.villages();
      const codes = (typed ?? choice).split(/[\s,;]+/).filter((code) => code.length > 0);
      const problem = regionProblem(codes, trainingArea(contact), directory);
      if (problem) return { outcome: 'bad', text: problem };
      const unique = [...new Set(codes)];
      return { outcome: 'ok', codes: unique, zone: zoneOfVillage(unique[0]) };
    }),

    implement(checkLink, async (_ctx, { url }) => ({
      outcome: LINK.test(url.trim()) ? 'ok' : 'bad',
    })),

    implement(checkStart, async ({ clock }, { text, zone }) => {
      const wall = parseWallTime(text);
      if (!wall) return { outcome: 'bad' };
      if (instantOf(wall, IANA_ZONES[zone]) <= clock.now()) return { outcome: 'past' };
      return { outcome: 'ok', wall };
    }),

    implement(saveSession, async ({ tx, contact, clock, ids }, draft) => {
      const now = clock.now();
      if (!areaCovers(trainingArea(contact), draft.regions)) {
        return { outcome: 'refused', text: t('training:new.refused') };
      }
      const timeZone = IANA_ZONES[draft.zone];
      const startsAt = instantOf(draft.start, timeZone);
      // Picked from a list a while ago: still a registered person with a staff role?
      const other = draft.trainerId
        ? await trainerById(tx, { contactId: draft.trainerId })
        : undefined;
      const row: NewTrainingSession = {
        id: ids.next(),
        title: draft.title,
        topic: draft.topic,
        pillar: draft.pillar,
        audience: draft.audience,
        regions: draft.regions,
        startsAt,
        endsAt: new Date(startsAt.getTime() + draft.minutes * MINUTE_MS),
        timeZone,
        venue: draft.mode === 'offline' ? draft.venue : null,
        latitude: draft.mode === 'offline' ? (draft.pin?.latitude ?? null) : null,
        longitude: draft.mode === 'offline' ? (draft.pin?.longitude ?? null) : null,
        onlineUrl: draft.mode === 'online' ? draft.url : null,
        capacity: draft.capacity,
        trainerContactId: draft.trainerIsMe ? contact.id : (other?.id ?? null),
        materialsUrl: draft.materials,
        status: 'terjadwal',
        createdBy: contact.id,
        createdAt: now,
        updatedAt: now,
      };
      const stored = await insertSession(tx, row);
      await timers.planned(tx, stored, now);
      return { outcome: 'saved', text: t('training:new.saved', { title: draft.title }) };
    }),

    implement(moveSession, async ({ tx, contact, clock, ids }, { sessionId, start, minutes }) => {
      const now = clock.now();
      const session = await sessionToChange(tx, contact, sessionId, now);
      if (!('id' in session)) return session;
      const startsAt = instantOf(start, session.timeZone);
      const endsAt = new Date(startsAt.getTime() + minutes * MINUTE_MS);
      const changes = { startsAt, endsAt, status: 'diubah' } as const;
      await updateSession(tx, { id: sessionId, changes, now });
      // A check-in already open stays valid until the new end, not the old one.
      await moveCheckIn(tx, { sessionId, expiresAt: endsAt });
      const moved = { ...session, ...changes };
      await timers.planned(tx, moved, now);
      await tellEveryone(tx, {
        session,
        message: changedMessage(session, moved),
        id: `training-change:${sessionId}:${ids.next()}`,
        now,
      });
      return { outcome: 'done', text: t('training:manage.moved') };
    }),

    implement(relocateSession, async ({ tx, contact, clock, ids }, params) => {
      const now = clock.now();
      const session = await sessionToChange(tx, contact, params.sessionId, now);
      if (!('id' in session)) return session;
      const online = params.mode === 'online';
      const changes = {
        venue: online ? null : params.venue,
        onlineUrl: online ? params.url : null,
        latitude: online ? null : (params.pin?.latitude ?? null),
        longitude: online ? null : (params.pin?.longitude ?? null),
        status: 'diubah',
      } as const;
      await updateSession(tx, { id: session.id, changes, now });
      await tellEveryone(tx, {
        session,
        message: changedMessage(session, { ...session, ...changes }),
        id: `training-change:${session.id}:${ids.next()}`,
        now,
      });
      return { outcome: 'done', text: t('training:manage.relocated') };
    }),

    implement(cancelSession, async ({ tx, contact, clock, ids }, { sessionId }) => {
      const now = clock.now();
      const session = await sessionToChange(tx, contact, sessionId, now);
      if (!('id' in session)) return session;
      await updateSession(tx, { id: sessionId, changes: { status: 'dibatalkan' }, now });
      const when = whenText(session.startsAt, session.timeZone);
      await tellEveryone(tx, {
        session,
        message: { texts: [t('training:notice.cancelled', { title: session.title, when })] },
        id: `training-cancel:${sessionId}:${ids.next()}`,
        now,
      });
      return { outcome: 'done', text: t('training:manage.cancelled') };
    }),
  ];
}

/** "Sebelumnya: … Sekarang: …", the old and the new time and place. */
function changedMessage(before: TrainingSession, after: TrainingSession): Outbound {
  return {
    texts: [
      t('training:notice.changed', {
        title: before.title,
        old_when: whenText(before.startsAt, before.timeZone),
        old_place: placeText(before),
        new_when: whenText(after.startsAt, after.timeZone),
        new_place: placeText(after),
      }),
    ],
  };
}
