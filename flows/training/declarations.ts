/**
 * The training capability's actions, as its flows call them (implemented in actions/):
 * the schedule and RSVPs (/jadwal), the new-session wizard (/pelatihanbaru), changes from a
 * session's detail, check-in (HADIR) and feedback (/ulasan).
 */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';
import type { Attachment, Text } from '../../src/core/messages.js';
import { AUDIENCE_ROLES } from '../../src/domain/training/access.js';

/** What a session's detail offers: RSVP, the calendar file, and for its managers more. */
export const SESSION_ACTS = [
  'ikut',
  'tidak',
  'leave',
  'calendar',
  'change_time',
  'change_place',
  'cancel_session',
  'checkin',
  'attendance',
] as const;
/** One thing a session's detail offers. */
export type SessionAct = (typeof SESSION_ACTS)[number];

/** The three Indonesian zones. */
export const ZONES = ['WIB', 'WITA', 'WIT'] as const;
/** A session is in a room, or online. */
export const MODES = ['offline', 'online'] as const;

/** A wall time as the flow keeps it (read by `training.check_start`). */
const wall = z.object({
  year: z.number().int(),
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  hour: z.number().int().min(0).max(23),
  minute: z.number().int().min(0).max(59),
});
/** A wall time the flow keeps. */
export type Wall = z.infer<typeof wall>;

/** A venue's map pin, shared in the wizard. */
const pin = z.object({ latitude: z.number(), longitude: z.number() });

/** What an action says back: a text to show. */
type Said = { text: Text };
const session = z.object({ sessionId: z.string() });

/** Only picks a branch: the flow computes it from its answers. */
export const branch = defineAction('training.branch', {
  input: z.object({ outcome: z.string() }),
  result: returns<{ outcome: string }>(),
});

/** A page of sessions, each with its one-line label (or none at all). */
export type SessionList =
  | { outcome: 'empty' }
  | {
      outcome: 'listed';
      page: number;
      items: { id: string; label: Text }[];
      from: number;
      to: number;
      total: number;
      more: boolean;
    };

/** A page of the sessions for the person, soonest first. */
export const listSessions = defineAction('training.list', {
  input: z.object({ page: z.number().int().min(0) }),
  result: returns<SessionList>(),
});

/** One session, with what the person may do. */
export const openSession = defineAction('training.open', {
  input: session,
  result: returns<
    | { outcome: 'gone'; text: Text }
    | {
        outcome: 'shown';
        sessionId: string;
        title: string;
        zone: (typeof ZONES)[number];
        text: Text;
        acts: SessionAct[];
      }
  >(),
});

/** Ikut, Tidak bisa, or cancelling one's place (which promotes the first waiting). */
export const answerSession = defineAction('training.rsvp', {
  input: z.object({ sessionId: z.string(), answer: z.enum(['ikut', 'tidak', 'leave']) }),
  result: returns<Said & { outcome: string }>(),
});

/** The `.ics` file of a session, as a document where the channel can send one. */
export const calendarFile = defineAction('training.calendar', {
  input: session,
  result: returns<Said & { attachments: Attachment[] }>(),
});

/** Whether the person may create sessions, and the areas offered to them. */
export const beginSession = defineAction('training.begin', {
  input: z.null(),
  result: returns<
    | { outcome: 'not_allowed' }
    | { outcome: 'allowed'; presets: { value: string; label: Text }[]; ownZone: string }
  >(),
});

/** The regions chosen (a preset, or typed codes), checked against the person's area. */
export const checkRegions = defineAction('training.regions', {
  input: z.object({ choice: z.string(), typed: z.string().nullable() }),
  result: returns<
    { outcome: 'ok'; codes: string[]; zone: string } | { outcome: 'bad'; text: Text }
  >(),
});

/** A typed link: http(s) only. */
export const checkLink = defineAction('training.link', {
  input: z.object({ url: z.string() }),
  result: returns<{ outcome: 'ok' | 'bad' }>(),
});

/** A typed start, as a wall time in `zone` still to come. */
export const checkStart = defineAction('training.start', {
  input: z.object({ text: z.string(), zone: z.enum(ZONES) }),
  result: returns<{ outcome: 'ok'; wall: Wall } | { outcome: 'bad' | 'past' }>(),
});

/** A new session, as the wizard's summary shows it. */
export const saveSession = defineAction('training.save', {
  input: z.object({
    title: z.string().min(1),
    topic: z.string().min(1),
    pillar: z.string().nullable(),
    audience: z.array(z.enum(AUDIENCE_ROLES)).min(1),
    regions: z.array(z.string()).min(1),
    zone: z.enum(ZONES),
    start: wall,
    minutes: z.number().int().min(1),
    mode: z.enum(MODES),
    venue: z.string().nullable(),
    /** The venue's pin, when shared (optional). */
    pin: pin.nullish(),
    url: z.string().nullable(),
    capacity: z.number().int().min(1).nullable(),
    materials: z.string().nullable(),
    trainerIsMe: z.boolean(),
    /** Another person picked as trainer (a registered person with a staff role); none: nobody. */
    trainerId: z.string().nullish(),
  }),
  result: returns<{ outcome: 'saved' | 'refused'; text: Text }>(),
});

/** People with a staff role whose name contains the typed words, or with the typed number. */
export const findTrainer = defineAction('training.find_trainer', {
  input: z.object({ query: z.string() }),
  result: returns<
    { outcome: 'none' } | { outcome: 'found'; items: { id: string; label: Text }[] }
  >(),
});

/** A new time for a session: everyone going or waiting hears it once; reminders move. */
export const moveSession = defineAction('training.move', {
  input: z.object({ sessionId: z.string(), start: wall, minutes: z.number().int().min(1) }),
  result: returns<Said & { outcome: string }>(),
});

/** A new place (or link) for a session: everyone going or waiting hears it once. */
export const relocateSession = defineAction('training.relocate', {
  input: z.object({
    sessionId: z.string(),
    mode: z.enum(MODES),
    venue: z.string().nullable(),
    /** The new venue's pin, when shared; none clears the old one. */
    pin: pin.nullish(),
    url: z.string().nullable(),
  }),
  result: returns<Said & { outcome: string }>(),
});

/** Cancels a session: everyone going or waiting hears it once; reminders end. */
export const cancelSession = defineAction('training.cancel', {
  input: session,
  result: returns<Said & { outcome: string }>(),
});

/** Opens the check-in of a session during its window: a code and a deep link. */
export const openCheckIn = defineAction('training.open_checkin', {
  input: session,
  result: returns<Said>(),
});

/** The attendance list of a session, for its managers and trainer. */
export const attendanceList = defineAction('training.attendance', {
  input: session,
  result: returns<Said>(),
});

/** `HADIR <kode>` or a deep link's token: the person checks in. */
export const checkInWith = defineAction('training.check_in', {
  input: z.object({ code: z.string() }),
  result: returns<Said & { outcome: 'ok' | 'refused' | 'ask' }>(),
});

/** The session the person was asked to review and has not yet (that one, when named). */
export const feedbackDue = defineAction('training.feedback_due', {
  input: z.object({ sessionId: z.string().nullable() }),
  result: returns<{ outcome: 'none' } | { outcome: 'due'; sessionId: string; title: string }>(),
});

/** Keeps the person's review (once). */
export const saveReview = defineAction('training.review', {
  input: z.object({
    sessionId: z.string(),
    rating: z.number().int().min(1).max(5),
    comment: z.string().nullable(),
  }),
  result: returns<{ outcome: 'saved' | 'already' }>(),
});
