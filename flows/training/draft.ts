/**
 * A session being written in /pelatihanbaru, read from the wizard's answers: what the
 * summary shows and what `training.save` stores. Later answers win (a zone picked from
 * the summary replaces the one the area gave).
 */
import { type CallInput, call, resultOf } from '../../src/core/flow/action.js';
import type { ChoiceOption, StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { PILLAR_IDS } from '../../src/domain/questionnaire/types.js';
import { IANA_ZONES } from '../../src/domain/time-zones.js';
import { AUDIENCE_ROLES } from '../../src/domain/training/access.js';
import { pinOf, sessionPlaceText } from '../../src/domain/training/place.js';
import { instantOf, whenText } from '../../src/domain/training/time.js';
import {
  beginSession,
  checkRegions,
  checkStart,
  findTrainer,
  type saveSession,
  ZONES,
} from './declarations.js';

/** Where /pelatihanbaru starts: may the person create sessions, and which areas are offered. */
export const begin = call('begin', beginSession, {
  next: { not_allowed: 'not_allowed', '*': 'title' },
});

/** The regions picked (a preset) or typed, checked. */
export const regions = call('regions', checkRegions, {
  input: (ctx) => ({
    choice: String(ctx.answers.region ?? ''),
    typed: ctx.answers.region === 'codes' ? String(ctx.answers.region_codes ?? '') : null,
  }),
  next: { ok: 'after_region', '*': 'region_bad' },
});

/** The start typed, read as a wall time in the session's zone. */
export const start = call('check_start', checkStart, {
  input: (ctx) => ({ text: String(ctx.answers.start ?? ''), zone: zoneOf(ctx) }),
  next: { ok: 'minutes', '*': 'start_bad' },
});

/** The people whose name (or number) the manager typed for the trainer. */
export const trainers = call('find_trainer', findTrainer, {
  input: (ctx) => ({ query: String(ctx.answers.trainer_query ?? '') }),
  next: { found: 'trainer_pick', '*': 'trainer_missing' },
});

/** The person picked as trainer from {@link trainers}, with their label; none else. */
export function pickedTrainer(ctx: StepContext): { id: string; label: Text } | undefined {
  if (ctx.answers.trainer !== 'other') return undefined;
  const found = resultOf(ctx, trainers);
  const items = found?.outcome === 'found' ? found.items : [];
  return items.find((item) => item.id === ctx.answers.trainer_pick);
}

/** The pillar options, "none" first. */
export const PILLAR_CHOICES: ChoiceOption[] = [
  { value: 'none', label: t('training:pillars.none') },
  ...PILLAR_IDS.map((value) => ({ value, label: t(`training:pillars.${value}`) })),
];

type Zone = (typeof ZONES)[number];

/**
 * The session's zone: picked from the summary, else the area's (a session in a room) or
 * the creator's (an online one).
 */
export function zoneOf(ctx: StepContext): Zone {
  const picked = ZONES.find((zone) => zone === ctx.answers.zone_pick);
  if (picked) return picked;
  const started = resultOf(ctx, begin);
  const checked = resultOf(ctx, regions);
  const zone =
    ctx.answers.mode === 'online' || checked?.outcome !== 'ok'
      ? started?.outcome === 'allowed'
        ? started.ownZone
        : 'WIB'
      : checked.zone;
  return ZONES.find((known) => known === zone) ?? 'WIB';
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;

/** The draft as the save action takes it. */
export function draftInput(ctx: StepContext): CallInput<typeof saveSession.input> {
  const { answers } = ctx;
  const online = answers.mode === 'online';
  const checked = resultOf(ctx, regions);
  const started = resultOf(ctx, start);
  return {
    title: text(answers.title),
    topic: text(answers.topic),
    pillar: answers.pillar === 'none' ? null : (answers.pillar ?? null),
    audience: Array.isArray(answers.audience) ? answers.audience : [],
    regions: checked?.outcome === 'ok' ? checked.codes : [],
    zone: zoneOf(ctx),
    start: started?.outcome === 'ok' ? started.wall : null,
    minutes: answers.minutes ?? null,
    mode: online ? 'online' : 'offline',
    venue: online ? null : text(answers.venue),
    pin: online ? null : pinOf(answers.venue_pin),
    url: online ? text(answers.link) : null,
    capacity: typeof answers.capacity === 'number' ? answers.capacity : null,
    materials: answers.has_materials === true ? text(answers.materials) : null,
    trainerIsMe: answers.trainer === 'me',
    trainerId: pickedTrainer(ctx)?.id ?? null,
  };
}

/** The summary shown before saving, one line per part. */
export function summaryText(ctx: StepContext): Text {
  const draft = draftInput(ctx);
  const audience = (Array.isArray(draft.audience) ? draft.audience : []).flatMap((role) => {
    const known = AUDIENCE_ROLES.find((r) => r === role);
    return known ? [t(`training:roles.${known}`)] : [];
  });
  const read = resultOf(ctx, start);
  const zone = IANA_ZONES[zoneOf(ctx)];
  const when = read?.outcome === 'ok' ? whenText(instantOf(read.wall, zone), zone) : '';
  const pillar = PILLAR_IDS.find((p) => p === draft.pillar);
  const pin = pinOf(draft.pin);
  return t('training:new.summary', {
    title: String(draft.title ?? ''),
    topic: String(draft.topic ?? ''),
    pillar: pillar ? t('training:detail.pillar', { name: t(`training:pillars.${pillar}`) }) : '',
    audience,
    regions: Array.isArray(draft.regions) ? draft.regions.join(', ') : '',
    when,
    minutes: Number(draft.minutes ?? 0),
    place: sessionPlaceText({
      onlineUrl: draft.url ? String(draft.url) : null,
      venue: String(draft.venue ?? ''),
      latitude: pin?.latitude ?? null,
      longitude: pin?.longitude ?? null,
    }),
    capacity: typeof draft.capacity === 'number' ? draft.capacity : t('training:new.unlimited'),
    materials: draft.materials ? String(draft.materials) : t('training:new.nothing'),
    trainer:
      pickedTrainer(ctx)?.label ??
      t(draft.trainerIsMe ? 'training:new.trainer_me' : 'training:new.trainer_none'),
  });
}
