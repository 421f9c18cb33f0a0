/**
 * Question groups shared by onboarding and /ubahdata: the name, the role and the village
 * (typed, searched, picked from at most 8 hits: src/domain/village-picker.ts). Each group
 * ends in a call that saves the answer and then goes to `after`, or to `edited` when
 * `editing` says the person came from a summary to change one thing.
 */
import { call, resultOf } from '../../src/core/flow/action.js';
import type { Step, StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { roleName, SELECTABLE_ROLES } from '../../src/domain/roles.js';
import { villagePickerSteps } from '../../src/domain/village-picker.js';
import { checkVillageMove, searchVillage, setName, setRole, setVillage } from './declarations.js';

/** Shortest name accepted, in characters. */
export const NAME_MIN_CHARS = 2;
/** Longest name accepted, in characters. */
export const NAME_MAX_CHARS = 60;

/** Where a group goes once its answer is saved. */
export interface GroupTargets {
  after: string;
  /** Where to go instead when `editing`; defaults to `after`. */
  edited?: string;
  editing?: (ctx: StepContext) => boolean;
  /** Where to go when the person keeps things as they were; defaults to `edited`. */
  unchanged?: string;
}

const isAdmin = (ctx: StepContext): boolean => ctx.contact.role === 'admin';

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
    call('save_name', setName, {
      input: (ctx) => ({ name: ctx.answers.name ?? null, editing: editing(ctx) }),
      next: {
        invalid: 'name_invalid',
        edited: targets.edited ?? targets.after,
        '*': targets.after,
      },
    }),
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
    call('save_role', setRole, {
      input: (ctx) => ({ role: ctx.answers.role ?? null, editing: editing(ctx) }),
      skipIf: isAdmin,
      next: { edited: targets.edited ?? targets.after, '*': targets.after },
    }),
  ];
}

/**
 * Before a person's own village changes: when the move ends a role tied to the old area,
 * they are told so and choose to move anyway or keep their village.
 */
const villageCheck = call('village_check', checkVillageMove, {
  input: (ctx) => ({ code: ctx.answers.village_pick ?? null }),
  next: { ends: 'village_confirm', '*': 'save_village' },
});

/** The role the picked village ends, as the check said; nothing when none. */
function endingOf(ctx: StepContext): { role: string; requested: string | null } | undefined {
  const check = resultOf(ctx, villageCheck);
  return check?.outcome === 'ends' ? check : undefined;
}

/** "Your role as X ends", with "your request to be Y goes to an admin" when there is one. */
function roleEndText(
  key: 'profile:village.role_ends' | 'profile:village.role_ended',
  ending: { role: string; requested: string | null } | undefined,
): Text {
  const requested = ending?.requested
    ? t('profile:village.role_ends_requested', { requested: roleName(ending.requested) })
    : '';
  return t(key, { role: roleName(ending?.role ?? 'warga'), requested });
}

/**
 * The person's own village: the picker (src/domain/village-picker.ts), then a save. A move
 * that ends a role tied to the old area is said before (to confirm) and after.
 */
export function villageSteps(targets: GroupTargets): Step[] {
  const editing = editingOf(targets);
  const save = call('save_village', setVillage, {
    input: (ctx) => ({
      code: ctx.answers.village_pick ?? null,
      editing: editing(ctx),
      ending: endingOf(ctx)?.role ?? null,
    }),
    next: {
      role_ended: 'village_role_ended',
      changed: 'village_check',
      edited: targets.edited ?? targets.after,
      '*': targets.after,
    },
  });
  return [
    ...villagePickerSteps({ search: searchVillage, picked: 'village_check' }),
    villageCheck,
    {
      id: 'village_confirm',
      kind: 'choice',
      prompt: (ctx) => roleEndText('profile:village.role_ends', endingOf(ctx)),
      options: [
        { value: 'move', label: t('profile:village.move') },
        { value: 'stay', label: t('profile:village.stay') },
      ],
      next: { move: 'save_village', stay: 'village_kept' },
    },
    {
      id: 'village_kept',
      kind: 'say',
      text: t('profile:village.kept'),
      next: targets.unchanged ?? targets.edited ?? targets.after,
    },
    save,
    {
      id: 'village_role_ended',
      kind: 'say',
      text: (ctx) => {
        const saved = resultOf(ctx, save);
        return roleEndText(
          'profile:village.role_ended',
          saved?.outcome === 'role_ended' ? saved : undefined,
        );
      },
      next: targets.edited ?? targets.after,
    },
  ];
}
