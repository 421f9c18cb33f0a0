/**
 * Changing a session from its detail (in /jadwal): a new time (the start typed in the
 * session's zone, and how long), or a new place or link. The actions tell everyone going
 * or waiting, once, with the old and the new.
 */
import { call, resultOf } from '../../src/core/flow/action.js';
import type { Step, StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { pinOf } from '../../src/domain/training/place.js';
import { checkLink, checkStart, moveSession, relocateSession } from './declarations.js';
import { opened, sessionIdOf } from './schedule-state.js';

/** Shortest and longest session, in minutes. */
export const SESSION_MIN_MINUTES = 15;
export const SESSION_MAX_MINUTES = 24 * 60;
/** Longest typed place, link or title, in characters. */
export const PLACE_MAX_CHARS = 300;

const checkNewStart = call('check_new_start', checkStart, {
  input: (ctx) => ({ text: String(ctx.answers.new_start ?? ''), zone: opened(ctx)?.zone ?? null }),
  next: { ok: 'new_minutes', '*': 'new_start_bad' },
});

const move = call('move', moveSession, {
  input: (ctx) => {
    const checked = resultOf(ctx, checkNewStart);
    return {
      sessionId: sessionIdOf(ctx),
      start: checked?.outcome === 'ok' ? checked.wall : null,
      minutes: ctx.answers.new_minutes ?? null,
    };
  },
});

const checkNewLink = call('check_new_link', checkLink, {
  input: (ctx) => ({ url: String(ctx.answers.new_link ?? '') }),
  next: { ok: 'relocate', '*': 'new_link_bad' },
});

const relocate = call('relocate', relocateSession, {
  input: (ctx) => {
    const online = ctx.answers.new_mode === 'online';
    return {
      sessionId: sessionIdOf(ctx),
      mode: online ? 'online' : 'offline',
      venue: online ? null : (ctx.answers.new_venue ?? null),
      pin: online ? null : pinOf(ctx.answers.new_venue_pin),
      url: online ? (ctx.answers.new_link ?? null) : null,
    };
  },
});

function resultText(step: { id: string }) {
  return (ctx: StepContext): Text => {
    const result = ctx.answers[step.id];
    return typeof result === 'object' && result !== null && 'text' in result
      ? (result.text as Text)
      : t('training:detail.gone');
  };
}

/** The steps of a change, entered at `new_start` or `new_mode`; each ends at `open`. */
export const changeSteps: Step[] = [
  {
    id: 'new_start',
    kind: 'text',
    prompt: (ctx) => t('training:new.start', { zone: opened(ctx)?.zone ?? 'WIB' }),
    max: 60,
  },
  checkNewStart,
  {
    id: 'new_start_bad',
    kind: 'say',
    text: (ctx) =>
      resultOf(ctx, checkNewStart)?.outcome === 'past'
        ? t('training:new.start_past')
        : t('training:new.start_bad'),
    next: 'new_start',
  },
  {
    id: 'new_minutes',
    kind: 'number',
    prompt: t('training:new.duration'),
    min: SESSION_MIN_MINUTES,
    max: SESSION_MAX_MINUTES,
    unit: 'minutes',
  },
  move,
  { id: 'move_said', kind: 'say', text: resultText(move), next: 'open' },
  {
    id: 'new_mode',
    kind: 'choice',
    prompt: t('training:new.mode'),
    options: [
      { value: 'offline', label: t('training:modes.offline') },
      { value: 'online', label: t('training:modes.online') },
    ],
    next: { offline: 'new_venue', online: 'new_link' },
  },
  {
    id: 'new_venue',
    kind: 'text',
    prompt: t('training:new.venue'),
    min: 3,
    max: PLACE_MAX_CHARS,
  },
  {
    id: 'new_venue_pin',
    kind: 'location',
    prompt: t('training:new.venue_pin'),
    optional: true,
    next: 'relocate',
  },
  { id: 'new_link', kind: 'text', prompt: t('training:new.link'), min: 8, max: PLACE_MAX_CHARS },
  checkNewLink,
  { id: 'new_link_bad', kind: 'say', text: t('training:new.link_bad'), next: 'new_link' },
  relocate,
  { id: 'relocate_said', kind: 'say', text: resultText(relocate), next: 'open' },
];
