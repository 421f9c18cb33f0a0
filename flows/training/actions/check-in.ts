/**
 * Check-in: its trainer or a manager opens it during the session window and gets a short
 * code (and a Telegram deep link); a participant sends `HADIR <kode>` or opens the link,
 * once. The attendance list for its managers and trainer.
 */
import { randomBytes } from 'node:crypto';
import { type Text, t } from '../../../src/core/messages.js';
import { joinTexts } from '../../../src/core/text-lines.js';
import { getSession } from '../../../src/db/queries/training.js';
import {
  findCheckIn,
  openCheckIn as storeCheckIn,
} from '../../../src/db/queries/training-checkins.js';
import { attendanceOf, checkIn, findRsvp } from '../../../src/db/queries/training-rsvps.js';
import {
  CHECK_IN_ALPHABET,
  CHECK_IN_CODE_LENGTH,
  newCheckInCode,
  normaliseCheckInCode,
} from '../../../src/domain/training/access.js';
import { clockText } from '../../../src/domain/training/time.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import type { TrainingTimers } from '../../../src/runtime/jobs/training.js';
import { attendanceList, checkInWith, openCheckIn } from '../declarations.js';
import { isInvited, isOpen, runs } from './view.js';

/** How early before the start the check-in may be opened, in minutes. */
export const CHECK_IN_EARLY_MINUTES = 30;
/** Codes drawn before giving up on a free one (a clash is one in hundreds of millions). */
const CODE_ATTEMPTS = 5;
const MINUTE_MS = 60_000;
const TOKEN_PREFIX = 'token:';
const VALID_CODE = new RegExp(`^[${CHECK_IN_ALPHABET}]{${CHECK_IN_CODE_LENGTH}}$`);

/** The check-in and attendance actions. */
export function createCheckInActions(
  services: CapabilityServices,
  timers: TrainingTimers,
): ActionImplementation[] {
  const bot = timers.config.telegramBot;
  return [
    implement(openCheckIn, async ({ tx, contact, clock }, { sessionId }) => {
      const now = clock.now();
      const session = await getSession(tx, { id: sessionId });
      if (!session || !runs(contact, session)) return { text: t('training:manage.not_allowed') };
      const opensAt = session.startsAt.getTime() - CHECK_IN_EARLY_MINUTES * MINUTE_MS;
      if (!isOpen(session, now) || now.getTime() < opensAt) {
        return { text: t('training:checkin.not_now') };
      }
      const token = randomBytes(9).toString('base64url');
      for (let attempt = 0; attempt < CODE_ATTEMPTS; attempt += 1) {
        const code = newCheckInCode(services.random);
        const params = { sessionId, code, token, openedBy: contact.id, now };
        if (!(await storeCheckIn(tx, { ...params, expiresAt: session.endsAt }))) continue;
        const link = bot
          ? t('training:checkin.link', { url: `https://t.me/${bot}?start=hadir_${token}` })
          : '';
        const until = clockText(session.endsAt, session.timeZone);
        return { text: t('training:checkin.opened', { code, until, link }) };
      }
      throw new Error('no free check-in code');
    }),

    implement(checkInWith, async ({ tx, contact, clock, ids }, { code }) => {
      const typed = code.trim();
      if (typed.length === 0) return { outcome: 'ask', text: t('training:checkin.ask') };
      const byToken = typed.startsWith(TOKEN_PREFIX);
      const normalised = normaliseCheckInCode(typed);
      const found = byToken
        ? await findCheckIn(tx, { token: typed.slice(TOKEN_PREFIX.length) })
        : VALID_CODE.test(normalised)
          ? await findCheckIn(tx, { code: normalised })
          : undefined;
      const refused = (text: Text) => ({ outcome: 'refused' as const, text });
      if (!found) {
        return refused(
          byToken
            ? t('training:checkin.wrong_link')
            : t('training:checkin.wrong', { code: normalised }),
        );
      }
      const session = await getSession(tx, { id: found.sessionId });
      const title = session?.title ?? '';
      const now = clock.now();
      if (!session || now >= found.expiresAt || !isOpen(session, now)) {
        return refused(t('training:checkin.expired', { title }));
      }
      const rsvp = await findRsvp(tx, { sessionId: session.id, contactId: contact.id });
      if (!rsvp && !isInvited(contact, session)) {
        return refused(t('training:checkin.not_invited', { title }));
      }
      const first = await checkIn(tx, {
        id: ids.next(),
        sessionId: session.id,
        contactId: contact.id,
        now,
      });
      return first
        ? { outcome: 'ok', text: t('training:checkin.ok', { title }) }
        : refused(t('training:checkin.twice', { title }));
    }),

    implement(attendanceList, async ({ tx, contact }, { sessionId }) => {
      const session = await getSession(tx, { id: sessionId });
      if (!session || !runs(contact, session)) return { text: t('training:manage.not_allowed') };
      const rows = await attendanceOf(tx, { sessionId });
      const count = (test: (row: (typeof rows)[number]) => boolean) => rows.filter(test).length;
      const lines = rows.map((row) =>
        t('training:attendance.line', {
          name: row.name ?? t('training:attendance.anonymous'),
          status: t(
            `training:attendance.status.${row.attendance === 'hadir' || row.attendance === 'absen' ? row.attendance : row.status === 'menunggu' || row.status === 'tidak' ? row.status : 'ikut'}`,
          ),
        }),
      );
      const title = t('training:attendance.title', {
        title: session.title,
        going: count((row) => row.status === 'ikut'),
        waiting: count((row) => row.status === 'menunggu'),
        present: count((row) => row.attendance === 'hadir'),
        absent: count((row) => row.attendance === 'absen'),
      });
      return {
        text: t('training:attendance.body', {
          title,
          lines: joinTexts(lines, t('training:attendance.none')),
        }),
      };
    }),
  ];
}
