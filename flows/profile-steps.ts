/**
 * Question groups shared by onboarding and /ubahdata: the name, the role and the village
 * (typed, searched, picked from at most 8 hits). Each group ends in a call that saves the
 * answer and then goes to `after`, or to `edited` when `editing` says the person came from
 * a summary to change one thing.
 */
import type { Step, StepContext } from '../src/core/flow/types.js';
import { type Json, type Text, t } from '../src/core/messages.js';
import { SELECTABLE_ROLES } from '../src/domain/roles.js';
import type { VillagePlace } from '../src/domain/village-place.js';
import { roleName } from './profile-text.js';

/** Shortest name accepted, in characters. */
export const NAME_MIN_CHARS = 2;
/** Longest name accepted, in characters. */
export const NAME_MAX_CHARS = 60;
/** Longest village query accepted, in characters. */
export const VILLAGE_QUERY_MAX_CHARS = 120;

/** Where a group goes once its answer is saved. */
export interface GroupTargets {
  after: string;
  /** Where to go instead when `editing`; defaults to `after`. */
  edited?: string;
  editing?: (ctx: StepContext) => boolean;
}

/** A hit of the `village.search` action. */
export interface VillageOption extends VillagePlace {
  code: string;
}

/** Keys the computed texts of these groups use. */
export const PROFILE_STEP_KEYS = [
  'profile:village.hit',
  'profile:village.again',
  'profile:village.pick',
  'profile:village.pick_more',
  'profile:village.pick_unmatched',
  'profile:village.not_found',
  'profile:village.too_short',
];

const isAdmin = (ctx: StepContext): boolean => ctx.contact.role === 'admin';

function savedNext(targets: GroupTargets, extra: Record<string, string> = {}) {
  return { ...extra, edited: targets.edited ?? targets.after, '*': targets.after };
}

function editingOf(targets: GroupTargets) {
  return (ctx: StepContext): boolean => targets.editing?.(ctx) ?? false;
}

/** The name question (2-60 characters, with a letter in it) and its save. */
export function nameSteps(targets: GroupTargets): Step[] {
  const editing = editingOf(targets);
  return [
    {
      id: 'name',
      kind: 'text',
      prompt: t('profile:name.prompt'),
      help: t('profile:name.help'),
      min: NAME_MIN_CHARS,
      max: NAME_MAX_CHARS,
    },
    {
      id: 'save_name',
      kind: 'call',
      action: 'profile.set_name',
      input: (ctx) => ({ name: ctx.answers.name ?? null, editing: editing(ctx) }),
      next: savedNext(targets, { invalid: 'name_invalid' }),
    },
    { id: 'name_invalid', kind: 'say', text: t('profile:name.invalid'), next: 'name' },
  ];
}

/** The role question and its save; admins are not asked (their role is given, not chosen). */
export function roleSteps(targets: GroupTargets): Step[] {
  const editing = editingOf(targets);
  return [
    {
      id: 'role',
      kind: 'choice',
      prompt: t('profile:role.prompt'),
      help: t('profile:role.help'),
      options: SELECTABLE_ROLES.map((role) => ({ value: role, label: roleName(role) })),
      skipIf: isAdmin,
    },
    {
      id: 'save_role',
      kind: 'call',
      action: 'profile.set_role',
      input: (ctx) => ({ role: ctx.answers.role ?? null, editing: editing(ctx) }),
      skipIf: isAdmin,
      next: savedNext(targets),
    },
  ];
}

/** What another flow changes in the village steps (a report's village is not the person's). */
export interface VillageStepsOptions {
  /** The question; defaults to "where do you live?". */
  prompt?: Text;
  /** The action that saves the pick (input `{ code, editing }`); defaults to the profile's. */
  saveAction?: string;
}

/** The village: a typed name, a search, a pick among the hits (or "cari lagi"), a save. */
export function villageSteps(targets: GroupTargets, options: VillageStepsOptions = {}): Step[] {
  const editing = editingOf(targets);
  return [
    {
      id: 'village_query',
      kind: 'text',
      prompt: options.prompt ?? t('profile:village.prompt'),
      help: t('profile:village.help'),
      max: VILLAGE_QUERY_MAX_CHARS,
    },
    {
      id: 'village_search',
      kind: 'call',
      action: 'village.search',
      input: (ctx) => ({ query: ctx.answers.village_query ?? '' }),
      next: { found: 'village_pick', '*': 'village_retry' },
    },
    {
      id: 'village_retry',
      kind: 'say',
      text: (ctx) => {
        const result = searchOf(ctx);
        if (result.outcome === 'too_short') return t('profile:village.too_short');
        return t('profile:village.not_found', { query: String(result.query ?? '') });
      },
      next: 'village_query',
    },
    {
      id: 'village_pick',
      kind: 'choice',
      prompt: pickPrompt,
      options: (ctx) => [
        ...hitsOf(ctx).map((hit) => ({ value: hit.code, label: hitLabel(hit) })),
        { value: 'again', label: t('profile:village.again') },
      ],
      next: { again: 'village_query', '*': 'save_village' },
    },
    {
      id: 'save_village',
      kind: 'call',
      action: options.saveAction ?? 'profile.set_village',
      input: (ctx) => ({ code: ctx.answers.village_pick ?? null, editing: editing(ctx) }),
      next: savedNext(targets),
    },
  ];
}

function searchOf(ctx: StepContext): Record<string, Json> {
  const value = ctx.answers.village_search;
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : {};
}

function hitsOf(ctx: StepContext): VillageOption[] {
  const hits = searchOf(ctx).hits;
  return Array.isArray(hits) ? (hits as unknown as VillageOption[]) : [];
}

function hitLabel(hit: VillageOption): Text {
  const { name, district, regency, province } = hit;
  return t('profile:village.hit', { name, district, regency, province });
}

function pickPrompt(ctx: StepContext): Text {
  const result = searchOf(ctx);
  const count = hitsOf(ctx).length;
  if (result.narrowing === 'unmatched') return t('profile:village.pick_unmatched', { count });
  const total = Number(result.total ?? count);
  return total > count
    ? t('profile:village.pick_more', { count, total })
    : t('profile:village.pick');
}
