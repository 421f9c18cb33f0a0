/**
 * The training forms' fields as posted, and the chat wizard's limits on them
 * (flows/training/new-session.ts and change-steps.ts), so the web accepts what the chat does.
 */
import {
  PLACE_MAX_CHARS,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
} from '../../../../flows/training/change-steps.js';
import {
  CAPACITY_MAX,
  TITLE_MAX_CHARS,
  TOPIC_MAX_CHARS,
} from '../../../../flows/training/new-session.js';
import type { Text } from '../../../core/messages.js';

/** Shortest and longest: the wizard's, for a title, topic and place (characters), a length (minutes) and seats. */
export const LIMITS = {
  title: { min: 5, max: TITLE_MAX_CHARS },
  topic: { min: 3, max: TOPIC_MAX_CHARS },
  venue: { min: 3, max: PLACE_MAX_CHARS },
  minutes: { min: SESSION_MIN_MINUTES, max: SESSION_MAX_MINUTES },
  capacity: { min: 1, max: CAPACITY_MAX },
} as const;

/** True when `n` (a count of characters, minutes or seats) is within `limit`. */
export function within(n: number | undefined, limit: { min: number; max: number }): boolean {
  return n !== undefined && n >= limit.min && n <= limit.max;
}

/** What an action says back: a text to show. */
export type Said = { text: Text };

/** The fields of the session forms, as typed (trimmed); numbers undefined when not numbers. */
export interface SessionFields {
  title: string;
  topic: string;
  pillar: string;
  audience: string[];
  regions: string;
  date: string;
  time: string;
  minutes: number | undefined;
  mode: 'offline' | 'online';
  venue: string;
  url: string;
  capacity: string;
  materials: string;
  trainerIsMe: boolean;
}

type Body = Record<string, string | File | (string | File)[]>;

const one = (value: Body[string] | undefined): string =>
  typeof value === 'string' ? value.trim() : '';
const many = (value: Body[string] | undefined): string[] =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value]).filter(
    (v): v is string => typeof v === 'string',
  );
/** A whole number typed, or undefined. */
export const whole = (text: string): number | undefined =>
  /^\d{1,6}$/.test(text) ? Number(text) : undefined;

/** Reads a posted session form (parsed with `all: true` for the audience's boxes). */
export function readSessionForm(body: Body): SessionFields {
  return {
    title: one(body.title),
    topic: one(body.topic),
    pillar: one(body.pillar),
    audience: many(body.audience ?? body['audience[]']),
    regions: one(body.regions),
    date: one(body.date),
    time: one(body.time),
    minutes: whole(one(body.minutes)),
    mode: one(body.mode) === 'online' ? 'online' : 'offline',
    venue: one(body.venue),
    url: one(body.url),
    capacity: one(body.capacity),
    materials: one(body.materials),
    trainerIsMe: one(body.trainer) === 'me',
  };
}
