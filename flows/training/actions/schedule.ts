/**
 * /jadwal: the list, a session's detail and the RSVP. A seat freed (someone cancels) goes
 * to the first on the waitlist in the same transaction, and they are told.
 */
import { t } from '../../../src/core/messages.js';
import type { Db } from '../../../src/db/client.js';
import { notifyContact } from '../../../src/db/queries/notifications.js';
import {
  getSession,
  listSessionsFor,
  lockSession,
  type TrainingSession,
} from '../../../src/db/queries/training.js';
import {
  countGoing,
  findRsvp,
  firstWaiting,
  goingBySession,
  promote,
  setRsvp,
  waitlistPosition,
} from '../../../src/db/queries/training-rsvps.js';
import { trainerById } from '../../../src/db/queries/training-trainers.js';
import { whenText, zoneOfIana } from '../../../src/domain/training/time.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { TrainingTimers } from '../../../src/runtime/jobs/training.js';
import { answerSession, listSessions, openSession } from '../declarations.js';
import { actsFor, detailText, isInvited, isOpen, listLabel, viewerOf } from './view.js';

/** Sessions per page of /jadwal. */
export const SESSION_PAGE_SIZE = 5;
const MINUTE_MS = 60_000;

/** Gives the first waiting person the seat that freed up, and tells them. */
async function promoteFirst(tx: Db, session: TrainingSession, now: Date): Promise<void> {
  const next = await firstWaiting(tx, { sessionId: session.id });
  if (!next?.contactId) return;
  await promote(tx, { rsvpId: next.id, now });
  await notifyContact(tx, {
    contactId: next.contactId,
    messages: [
      {
        texts: [
          t('training:promoted', {
            title: session.title,
            when: whenText(session.startsAt, session.timeZone),
          }),
        ],
      },
    ],
    now,
  });
}

/** The /jadwal actions. */
export function createScheduleActions(timers: TrainingTimers): ActionImplementation[] {
  return [
    implement(listSessions, async ({ tx, contact, clock }, { page }) => {
      const { rows, total } = await listSessionsFor(tx, {
        viewer: viewerOf(contact),
        now: clock.now(),
        offset: page * SESSION_PAGE_SIZE,
        limit: SESSION_PAGE_SIZE,
      });
      if (total === 0) return { outcome: 'empty' };
      if (rows.length === 0 && page > 0) {
        const first = await listSessionsFor(tx, {
          viewer: viewerOf(contact),
          now: clock.now(),
          offset: 0,
          limit: SESSION_PAGE_SIZE,
        });
        rows.push(...first.rows);
        page = 0;
      }
      const going = await goingBySession(tx, { sessionIds: rows.map((row) => row.id) });
      const from = page * SESSION_PAGE_SIZE + 1;
      return {
        outcome: 'listed',
        page,
        items: rows.map((row) => ({ id: row.id, label: listLabel(row, going.get(row.id) ?? 0) })),
        from,
        to: from + rows.length - 1,
        total,
        more: from + rows.length - 1 < total,
      };
    }),

    implement(openSession, async ({ tx, contact, clock }, { sessionId }) => {
      const session = await getSession(tx, { id: sessionId });
      const now = clock.now();
      const acts = session ? actsFor(contact, session, undefined, now) : [];
      if (!session || (!isInvited(contact, session) && acts.length === 0)) {
        return { outcome: 'gone', text: t('training:detail.gone') };
      }
      const rsvp = await findRsvp(tx, { sessionId, contactId: contact.id });
      const going = await countGoing(tx, { sessionId });
      const position = await waitlistPosition(tx, { sessionId, contactId: contact.id });
      const trainer = session.trainerContactId
        ? await trainerById(tx, { contactId: session.trainerContactId })
        : undefined;
      return {
        outcome: 'shown',
        sessionId,
        title: session.title,
        zone: zoneOfIana(session.timeZone),
        text: detailText(session, { going, rsvp, position, trainer: trainer?.name }),
        acts: actsFor(contact, session, rsvp, now),
      };
    }),

    implement(answerSession, async ({ tx, contact, clock, ids }, { sessionId, answer }) => {
      const now = clock.now();
      const session = await lockSession(tx, { id: sessionId });
      const title = session?.title ?? '';
      if (!session || !isOpen(session, now)) {
        return { outcome: 'closed', text: t('training:rsvp.closed') };
      }
      if (!isInvited(contact, session)) {
        return { outcome: 'not_invited', text: t('training:rsvp.not_invited') };
      }
      const mine = await findRsvp(tx, { sessionId, contactId: contact.id });
      const write = (status: 'ikut' | 'tidak' | 'menunggu') =>
        setRsvp(tx, { id: ids.next(), sessionId, contactId: contact.id, status, now });
      if (answer === 'ikut') {
        if (mine?.status === 'ikut' || mine?.status === 'menunggu') {
          return { outcome: 'same', text: t('training:rsvp.same') };
        }
        const going = await countGoing(tx, { sessionId });
        if (session.capacity === null || going < session.capacity) {
          await write('ikut');
          return { outcome: 'joined', text: t('training:rsvp.joined', { title }) };
        }
        await write('menunggu');
        const position = await waitlistPosition(tx, { sessionId, contactId: contact.id });
        return { outcome: 'waitlisted', text: t('training:rsvp.waitlisted', { position }) };
      }
      const wasGoing = mine?.status === 'ikut';
      const cutoff = session.startsAt.getTime() - timers.config.cancelCutoffMinutes * MINUTE_MS;
      if (wasGoing && now.getTime() >= cutoff) {
        const minutes = timers.config.cancelCutoffMinutes;
        return { outcome: 'too_late', text: t('training:rsvp.too_late', { minutes }) };
      }
      if (mine?.status === 'tidak') return { outcome: 'same', text: t('training:rsvp.same') };
      await write('tidak');
      if (wasGoing) await promoteFirst(tx, session, now);
      const left = answer === 'leave' && mine !== undefined;
      return left
        ? { outcome: 'left', text: t('training:rsvp.left', { title }) }
        : { outcome: 'declined', text: t('training:rsvp.declined', { title }) };
    }),
  ];
}
