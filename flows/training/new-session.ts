import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END, goto, type Step, type StepContext } from '../../src/core/flow/types.js';
import { t } from '../../src/core/messages.js';
import { AUDIENCE_ROLES } from '../../src/domain/training/access.js';
import { PLACE_MAX_CHARS, SESSION_MAX_MINUTES, SESSION_MIN_MINUTES } from './change-steps.js';
import { branch, checkLink, saveSession, ZONES } from './declarations.js';
import {
  begin,
  draftInput,
  PILLAR_CHOICES,
  regions,
  start,
  summaryText,
  trainers,
  zoneOf,
} from './draft.js';

/** Most seats a session may have. */
export const CAPACITY_MAX = 10_000;
/** Longest title, in characters (the admin web checks the same). */
export const TITLE_MAX_CHARS = 120;
/** Longest topic, in characters (the admin web checks the same). */
export const TOPIC_MAX_CHARS = 300;
const TRAINER_QUERY_MAX_CHARS = 60;

/** The person came back from the summary to change one thing. */
const editing = (ctx: StepContext): boolean => ctx.answers.summary !== undefined;

/** Back to the summary when editing, else on to `target`. */
function onward(id: string, target: string): Step {
  return call(id, branch, {
    input: (ctx) => ({ outcome: editing(ctx) ? 'summary' : 'next' }),
    next: { summary: 'summary', next: target },
  });
}

const materialsLink = call('check_materials', checkLink, {
  input: (ctx) => ({ url: String(ctx.answers.materials ?? '') }),
  next: { ok: 'trainer', '*': 'materials_bad' },
});
const placeLink = call('check_link', checkLink, {
  input: (ctx) => ({ url: String(ctx.answers.link ?? '') }),
  next: { ok: 'after_place', '*': 'link_bad' },
});
const save = call('save', saveSession, { input: draftInput });

const SUMMARY_OPTIONS = [
  'save',
  'title',
  'topic',
  'audience',
  'region',
  'place',
  'time',
  'zone',
  'capacity',
  'cancel',
] as const;

/**
 * /pelatihanbaru: a new training session, asked one thing at a time, then a summary where
 * any part can be changed before it is saved. For admins, a duta digital (their
 * kabupaten) and a pendamping desa (their kecamatan).
 */
export const newSessionFlow = defineFlow({
  id: 'training-new',
  version: 2,
  commands: ['pelatihanbaru', 'newtraining'],
  steps: [
    begin,
    { id: 'not_allowed', kind: 'say', text: t('training:new.not_allowed'), next: END },
    { id: 'title', kind: 'text', prompt: t('training:new.title'), min: 5, max: TITLE_MAX_CHARS },
    onward('after_title', 'topic'),
    { id: 'topic', kind: 'text', prompt: t('training:new.topic'), min: 3, max: TOPIC_MAX_CHARS },
    onward('after_topic', 'pillar'),
    { id: 'pillar', kind: 'choice', prompt: t('training:new.pillar'), options: PILLAR_CHOICES },
    {
      id: 'audience',
      kind: 'multi',
      prompt: t('training:new.audience'),
      options: AUDIENCE_ROLES.map((value) => ({ value, label: t(`training:roles.${value}`) })),
    },
    onward('after_audience', 'region'),
    {
      id: 'region',
      kind: 'choice',
      prompt: t('training:new.region'),
      options: (ctx) => {
        const started = resultOf(ctx, begin);
        return [
          ...(started?.outcome === 'allowed' ? started.presets : []),
          { value: 'codes', label: t('training:regions.codes') },
        ];
      },
      next: { codes: 'region_codes', '*': 'regions' },
    },
    { id: 'region_codes', kind: 'text', prompt: t('training:new.region_codes'), max: 300 },
    regions,
    {
      id: 'region_bad',
      kind: 'say',
      text: (ctx) => {
        const checked = resultOf(ctx, regions);
        return checked?.outcome === 'bad' ? checked.text : t('training:new.region_codes');
      },
      next: 'region_codes',
    },
    onward('after_region', 'mode'),
    {
      id: 'mode',
      kind: 'choice',
      prompt: t('training:new.mode'),
      options: [
        { value: 'offline', label: t('training:modes.offline') },
        { value: 'online', label: t('training:modes.online') },
      ],
      next: { offline: 'venue', online: 'link' },
    },
    {
      id: 'venue',
      kind: 'text',
      prompt: t('training:new.venue'),
      min: 3,
      max: PLACE_MAX_CHARS,
    },
    {
      id: 'venue_pin',
      kind: 'location',
      prompt: t('training:new.venue_pin'),
      optional: true,
      next: 'after_place',
    },
    { id: 'link', kind: 'text', prompt: t('training:new.link'), min: 8, max: PLACE_MAX_CHARS },
    placeLink,
    { id: 'link_bad', kind: 'say', text: t('training:new.link_bad'), next: 'link' },
    onward('after_place', 'start'),
    {
      id: 'start',
      kind: 'text',
      prompt: (ctx) => t('training:new.start', { zone: zoneOf(ctx) }),
      max: 60,
    },
    start,
    {
      id: 'start_bad',
      kind: 'say',
      text: (ctx) =>
        resultOf(ctx, start)?.outcome === 'past'
          ? t('training:new.start_past')
          : t('training:new.start_bad'),
      next: 'start',
    },
    {
      id: 'minutes',
      kind: 'number',
      prompt: t('training:new.duration'),
      min: SESSION_MIN_MINUTES,
      max: SESSION_MAX_MINUTES,
      unit: 'minutes',
    },
    onward('after_time', 'capacity'),
    {
      id: 'capacity',
      kind: 'number',
      prompt: t('training:new.capacity'),
      min: 1,
      max: CAPACITY_MAX,
      alternatives: [{ value: 'none', label: t('training:new.no_limit') }],
    },
    onward('after_capacity', 'has_materials'),
    {
      id: 'has_materials',
      kind: 'yesno',
      prompt: t('training:new.has_materials'),
      next: { yes: 'materials', no: 'trainer' },
    },
    {
      id: 'materials',
      kind: 'text',
      prompt: t('training:new.materials'),
      min: 8,
      max: PLACE_MAX_CHARS,
    },
    materialsLink,
    { id: 'materials_bad', kind: 'say', text: t('training:new.link_bad'), next: 'materials' },
    {
      id: 'trainer',
      kind: 'choice',
      prompt: t('training:new.trainer'),
      options: [
        { value: 'me', label: t('training:new.trainer_me') },
        { value: 'other', label: t('training:new.trainer_other') },
        { value: 'none', label: t('training:new.trainer_none') },
      ],
      next: { other: 'trainer_query', '*': 'summary' },
    },
    {
      id: 'trainer_query',
      kind: 'text',
      prompt: t('training:new.trainer_query'),
      min: 2,
      max: TRAINER_QUERY_MAX_CHARS,
    },
    trainers,
    {
      id: 'trainer_missing',
      kind: 'say',
      text: (ctx) =>
        t('training:new.trainer_missing', { query: String(ctx.answers.trainer_query ?? '') }),
      next: 'trainer_query',
    },
    {
      id: 'trainer_pick',
      kind: 'choice',
      prompt: t('training:new.trainer_pick'),
      options: (ctx) => {
        const found = resultOf(ctx, trainers);
        const people = found?.outcome === 'found' ? found.items : [];
        return [
          ...people.map((person) => ({ value: person.id, label: person.label })),
          { value: 'again', label: t('training:new.trainer_again') },
        ];
      },
      next: { again: 'trainer_query', '*': 'summary' },
    },
    {
      id: 'zone_pick',
      kind: 'choice',
      prompt: t('training:new.zone'),
      options: ZONES.map((zone) => ({ value: zone, label: t(`training:zones.${zone}`) })),
      next: 'summary',
    },
    {
      id: 'summary',
      kind: 'choice',
      prompt: summaryText,
      options: SUMMARY_OPTIONS.map((value) => ({
        value,
        label: t(`training:new.options.${value}`),
        ...(value === 'save' ? { means: 'yes' as const } : {}),
      })),
      next: {
        save: 'save',
        title: 'title',
        topic: 'topic',
        audience: 'audience',
        region: 'region',
        place: 'mode',
        time: 'start',
        zone: 'zone_pick',
        capacity: 'capacity',
        cancel: 'cancelled',
      },
    },
    save,
    {
      id: 'saved',
      kind: 'say',
      text: (ctx) => resultOf(ctx, save)?.text ?? t('training:new.cancelled'),
      next: goto('menu'),
    },
    { id: 'cancelled', kind: 'say', text: t('training:new.cancelled'), next: goto('menu') },
  ],
});
