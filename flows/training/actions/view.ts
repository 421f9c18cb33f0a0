/** How a session reads in a list, its detail, and what a person may do with it. */
import { type Text, t } from '../../../src/core/messages.js';
import type { Contact } from '../../../src/db/queries/contacts.js';
import type { SessionViewer, TrainingSession } from '../../../src/db/queries/training.js';
import type { TrainingRsvp } from '../../../src/db/queries/training-rsvps.js';
import { PILLAR_IDS } from '../../../src/domain/questionnaire/types.js';
import {
  AUDIENCE_ROLES,
  areaCovers,
  invites,
  trainingArea,
} from '../../../src/domain/training/access.js';
import { clockText, whenText } from '../../../src/domain/training/time.js';
import { placeText } from '../../../src/runtime/jobs/training.js';
import type { SessionAct } from '../declarations.js';

/** Who is looking, for the list query: their role, village, and the area they manage. */
export function viewerOf(contact: Contact): SessionViewer {
  const area = trainingArea(contact);
  return {
    role: contact.role,
    villageCode: contact.villageCode,
    manages: area.type === 'everywhere' ? 'everywhere' : area.type === 'area' ? area.code : null,
    contactId: contact.id,
  };
}

/** True when the person may change, cancel and run the check-in of the session. */
export function manages(contact: Contact, session: TrainingSession): boolean {
  return areaCovers(trainingArea(contact), session.regions) || session.createdBy === contact.id;
}

/** True when the person may open the check-in: its managers and its trainer. */
export function runs(contact: Contact, session: TrainingSession): boolean {
  return manages(contact, session) || session.trainerContactId === contact.id;
}

/** True when the session is for the person (their role and village). */
export function isInvited(contact: Contact, session: TrainingSession): boolean {
  return invites(session, contact);
}

/** True while the session can still be answered and changed. */
export function isOpen(session: TrainingSession, now: Date): boolean {
  return session.status !== 'dibatalkan' && session.status !== 'selesai' && session.endsAt > now;
}

/** "sisa 3 kursi", "penuh, ada daftar tunggu" or "kursi tidak dibatasi". */
export function seatsText(session: TrainingSession, going: number): Text {
  if (session.capacity === null) return t('training:seats.open');
  const left = session.capacity - going;
  return left > 0 ? t('training:seats.left', { count: left }) : t('training:seats.full');
}

/** One line of the list: title, when, where, seats. */
export function listLabel(session: TrainingSession, going: number): Text {
  return t('training:list.item', {
    title: session.title,
    when: whenText(session.startsAt, session.timeZone),
    place: session.onlineUrl ? t('training:place.online_short') : (session.venue ?? ''),
    seats: seatsText(session, going),
  });
}

function mineText(rsvp: TrainingRsvp | undefined, position: number): Text {
  if (!rsvp) return t('training:detail.mine.none');
  if (rsvp.status === 'menunggu') return t('training:detail.mine.menunggu', { position });
  return t(rsvp.status === 'ikut' ? 'training:detail.mine.ikut' : 'training:detail.mine.tidak');
}

/** The whole detail of a session, with the person's own answer and the trainer's name. */
export function detailText(
  session: TrainingSession,
  facts: { going: number; rsvp: TrainingRsvp | undefined; position: number; trainer?: string },
): Text {
  const pillar = PILLAR_IDS.find((p) => p === session.pillar);
  const audience = session.audience.flatMap((role) => {
    const known = AUDIENCE_ROLES.find((r) => r === role);
    return known ? [t(`training:roles.${known}`)] : [];
  });
  return t('training:detail.body', {
    title: session.title,
    topic: session.topic,
    pillar: pillar ? t('training:detail.pillar', { name: t(`training:pillars.${pillar}`) }) : '',
    when: whenText(session.startsAt, session.timeZone),
    end: clockText(session.endsAt, session.timeZone),
    place: placeText(session),
    audience,
    seats: seatsText(session, facts.going),
    materials: session.materialsUrl
      ? t('training:detail.materials', { url: session.materialsUrl })
      : '',
    trainer: facts.trainer ? t('training:detail.trainer', { name: facts.trainer }) : '',
    status: session.status === 'diubah' ? t('training:detail.changed') : '',
    mine: mineText(facts.rsvp, facts.position),
  });
}

/** What the detail offers the person. */
export function actsFor(
  contact: Contact,
  session: TrainingSession,
  rsvp: TrainingRsvp | undefined,
  now: Date,
): SessionAct[] {
  const acts: SessionAct[] = [];
  if (isOpen(session, now) && isInvited(contact, session)) {
    const status = rsvp?.status;
    if (status !== 'ikut' && status !== 'menunggu') acts.push('ikut');
    if (status !== 'tidak')
      acts.push(status === 'ikut' || status === 'menunggu' ? 'leave' : 'tidak');
  }
  if (isOpen(session, now)) acts.push('calendar');
  if (manages(contact, session) && isOpen(session, now)) {
    acts.push('change_time', 'change_place', 'cancel_session');
  }
  if (runs(contact, session) && isOpen(session, now)) acts.push('checkin');
  if (runs(contact, session)) acts.push('attendance');
  return acts;
}
