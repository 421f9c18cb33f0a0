import { defineFlow, END, type StepContext } from '../../src/core/flow/types.js';
import { type Json, type Text, t } from '../../src/core/messages.js';
import { roleName } from '../../src/domain/roles.js';
import { type VillagePlace, villageText } from '../../src/domain/village-place.js';
import { PROFILE_TEXT_KEYS } from './profile-text.js';

/** A pending request as the /peran list keeps it; `about` ties it to its person (see erasure). */
export interface ListedRequest {
  id: string;
  about: string;
  name: string;
  role: string;
  date: string;
  village: VillagePlace | null;
}

function listed(ctx: StepContext): ListedRequest[] {
  const list = ctx.answers.list as { requests?: Json } | undefined;
  return Array.isArray(list?.requests) ? (list.requests as unknown as ListedRequest[]) : [];
}

function requestText(request: ListedRequest | undefined): Text {
  if (!request) return t('roles:applied.gone');
  return t('roles:request', {
    name: request.name,
    role: roleName(request.role),
    village: villageText(request.village),
    date: request.date,
    about: request.about,
  });
}

function chosen(ctx: StepContext): ListedRequest | undefined {
  return listed(ctx).find((request) => request.id === ctx.answers.pick);
}

function mineText(ctx: StepContext): Text {
  const list = ctx.answers.list as { role?: string; requested?: string | null } | undefined;
  const role = roleName(list?.role ?? 'warga');
  if (!list?.requested) return t('roles:mine', { role });
  return t('roles:mine_pending', { role, requested: roleName(list.requested) });
}

function appliedText(ctx: StepContext): Text {
  const applied = ctx.answers.apply as Record<string, Json> | undefined;
  const outcome = applied?.outcome;
  if (outcome !== 'confirmed' && outcome !== 'rejected') return t('roles:applied.gone');
  return t(`roles:applied.${outcome}`, {
    name: String(applied?.name ?? ''),
    role: roleName(String(applied?.role ?? 'warga')),
    about: String(applied?.about ?? ''),
  });
}

/**
 * /peran: admins list the roles people asked for and confirm or reject them, one by one;
 * the person is told the outcome. Anyone else sees their own role and request.
 */
export const rolesFlow = defineFlow({
  id: 'roles',
  version: 1,
  commands: ['peran', 'roles'],
  extraKeys: [
    ...PROFILE_TEXT_KEYS,
    'roles:mine',
    'roles:mine_pending',
    'roles:pick',
    'roles:request',
    'roles:decide',
    'roles:done',
    'roles:applied.confirmed',
    'roles:applied.rejected',
    'roles:applied.gone',
    'roles:notify.confirmed',
    'roles:notify.rejected',
  ],
  steps: [
    {
      id: 'list',
      kind: 'call',
      action: 'roles.list',
      next: { not_admin: 'mine', empty: 'empty', '*': 'pick' },
    },
    { id: 'mine', kind: 'say', text: mineText, next: END },
    { id: 'empty', kind: 'say', text: t('roles:empty'), next: END },
    {
      id: 'pick',
      kind: 'choice',
      prompt: (ctx) => t('roles:pick', { count: listed(ctx).length }),
      options: (ctx) => [
        ...listed(ctx).map((request) => ({ value: request.id, label: requestText(request) })),
        { value: 'done', label: t('roles:done') },
      ],
      next: { done: 'bye', '*': 'decide' },
    },
    {
      id: 'decide',
      kind: 'choice',
      prompt: (ctx) => t('roles:decide', { request: requestText(chosen(ctx)) }),
      options: [
        { value: 'confirmed', label: t('roles:options.confirm') },
        { value: 'rejected', label: t('roles:options.reject') },
        { value: 'back', label: t('roles:options.back') },
      ],
      next: { back: 'list', '*': 'apply' },
    },
    {
      id: 'apply',
      kind: 'call',
      action: 'roles.decide',
      input: (ctx) => ({
        requestId: ctx.answers.pick ?? null,
        decision: ctx.answers.decide ?? null,
      }),
    },
    { id: 'applied', kind: 'say', text: appliedText, next: 'list' },
    { id: 'bye', kind: 'say', text: t('roles:bye'), next: END },
  ],
});
