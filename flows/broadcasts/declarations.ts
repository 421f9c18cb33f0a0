/**
 * The broadcasts capability's actions, as its flows call them (implemented in actions/):
 * composing and sending /siaran, managing scheduled and running ones, and the opt-out.
 */
import { z } from 'zod';
import { defineAction, returns } from '../../src/core/flow/action.js';
import type { Attachment, Text } from '../../src/core/messages.js';
import { BROADCAST_LANGUAGES } from '../../src/domain/broadcast-message.js';
import { ROLES } from '../../src/domain/roles.js';
import { VILLAGE_SEARCH_INPUT, type VillageSearchAnswer } from '../../src/domain/village-picker.js';

/** An option an action hands to a choice step. */
export type PickOption = { value: string; label: Text };

/** Who a broadcast is for, as the flow asks it; `regionCode` null: the sender's whole area. */
export const AUDIENCE_INPUT = z.object({
  roles: z.array(z.enum(ROLES)).nullable(),
  regionCode: z.string().nullable(),
  language: z.enum(BROADCAST_LANGUAGES).nullable(),
  channel: z.string().nullable(),
});

/** Who may send, and the broadcasts they see. */
export const beginBroadcasts = defineAction('broadcast.begin', {
  input: z.null(),
  result: returns<
    | { outcome: 'refused' }
    | {
        outcome: 'ok';
        admin: boolean;
        /** The sender's whole area: "Indonesia" for admins, their kabupaten for a duta. */
        area: Text;
        list: Text;
        open: PickOption[];
        zone: string;
      }
  >(),
});

/** One scheduled or running broadcast, to change, cancel or stop. */
export const openBroadcast = defineAction('broadcast.open', {
  input: z.object({ id: z.string() }),
  result: returns<
    | { outcome: 'gone' }
    | {
        outcome: 'scheduled' | 'running';
        id: string;
        number: number;
        text: Text;
        /** The zone its time is shown in. */
        zone: string;
        /** What a scheduled one says and to whom, for changing it before it starts. */
        draft?: BroadcastDraft;
      }
  >(),
});

/** A scheduled broadcast's text, audience and urgency, as the changing steps start from. */
export type BroadcastDraft = {
  main: string;
  second: string | null;
  mainLanguage: 'id' | 'en';
  photo: string | null;
  audience: z.infer<typeof AUDIENCE_INPUT>;
  urgent: boolean;
};

/** Changes a scheduled broadcast's text or audience; refused once it started. */
export const changeBroadcast = defineAction('broadcast.change', {
  input: z.object({
    id: z.string(),
    main: z.string().min(1),
    second: z.string().nullable(),
    audience: AUDIENCE_INPUT,
    urgent: z.boolean(),
  }),
  result: returns<{
    outcome: 'changed' | 'too_late' | 'gone' | 'refused';
    number: number;
    at?: string;
  }>(),
});

/** Cancels a scheduled broadcast that has not started. */
export const cancelBroadcast = defineAction('broadcast.cancel', {
  input: z.object({ id: z.string() }),
  result: returns<{ outcome: 'cancelled' | 'too_late' | 'gone'; number: number }>(),
});

/** Stops a running broadcast: the rest is not sent. */
export const stopBroadcast = defineAction('broadcast.stop', {
  input: z.object({ id: z.string() }),
  result: returns<{ outcome: 'stopped' | 'gone'; number: number }>(),
});

/** Moves a scheduled broadcast to another local time. */
export const rescheduleBroadcast = defineAction('broadcast.reschedule', {
  input: z.object({ id: z.string(), when: z.string() }),
  result: returns<
    | { outcome: 'rescheduled'; number: number; at: string }
    | { outcome: 'invalid' }
    | { outcome: 'too_late' | 'gone'; number: number }
  >(),
});

/** Searches the villages for the audience's area. */
export const searchBroadcastVillage = defineAction('broadcast.village_search', {
  input: VILLAGE_SEARCH_INPUT,
  result: returns<VillageSearchAnswer>(),
});

/** The areas around a picked village the sender may address: village up to province. */
export const regionLevels = defineAction('broadcast.levels', {
  input: z.object({ code: z.string() }),
  result: returns<{ outcome: 'outside' } | { outcome: 'levels'; options: PickOption[] }>(),
});

/** Counts the audience: by channel, and those left out by reason. */
export const countBroadcast = defineAction('broadcast.count', {
  input: z.object({ audience: AUDIENCE_INPUT }),
  result: returns<
    | { outcome: 'refused' }
    | { outcome: 'empty'; summary: Text }
    | { outcome: 'counted'; recipients: number; channels: PickOption[]; summary: Text }
  >(),
});

/** Reads a local time in the sender's zone ("14:30", "besok 08:00", "5/12 07:30"). */
export const readWhen = defineAction('broadcast.when', {
  input: z.object({ text: z.string() }),
  result: returns<{ outcome: 'ok'; at: string; label: string } | { outcome: 'invalid' }>(),
});

/** What the sender confirmed. */
export const SUBMIT_INPUT = z.object({
  main: z.string().min(1),
  second: z.string().nullable(),
  photo: z.string().nullable(),
  audience: AUDIENCE_INPUT,
  urgent: z.boolean(),
  /** ISO time to start at; null: now. */
  at: z.string().nullable(),
});

/** Records the broadcast and starts it now, or at its time. */
export const submitBroadcast = defineAction('broadcast.submit', {
  input: SUBMIT_INPUT,
  result: returns<
    | { outcome: 'refused' | 'empty' }
    | { outcome: 'started'; number: number; count: number }
    | { outcome: 'scheduled'; number: number; at: string }
  >(),
});

/** BERHENTI: no more announcements. */
export const optOut = defineAction('broadcast.opt_out', {
  input: z.null(),
  result: returns<{ outcome: 'stopped' }>(),
});

/** LANJUT: announcements again. */
export const optIn = defineAction('broadcast.opt_in', {
  input: z.null(),
  result: returns<{ outcome: 'resumed' }>(),
});

/** The preview's photo, as an attachment (none without one). */
export function photoAttachments(photo: unknown): Attachment[] {
  return typeof photo === 'string' ? [{ type: 'photo', mediaId: photo }] : [];
}
