import { call, resultOf } from '../../src/core/flow/action.js';
import { defineFlow, END, type StepContext } from '../../src/core/flow/types.js';
import { type Text, t } from '../../src/core/messages.js';
import { roleName } from '../../src/domain/roles.js';
import { villageText } from '../../src/domain/village-place.js';
import { decideRoleRequest, type ListedRequest, listRoleRequests } from './declarations.js';

const list = call('list', listRoleRequests, {
  next: { not_admin: 'mine', empty: 'empty', '*': 'pick' },
});

const apply = call('apply', decideRoleRequest, {
  input: (ctx) => ({ requestId: ctx.answers.pick ?? null, decision: ctx.answers.decide ?? null }),
});

function listed(ctx: StepContext): ListedRequest[] {
  const found = resultOf(ctx, list);
  return found?.outcome === 'listed' ? found.requests : [];
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
  const found = resultOf(ctx, list);
  const mine = found?.outcome === 'not_admin' ? found : undefined;
  const role = roleName(mine?.role ?? 'warga');
  if (!mine?.requested) return t('roles:mine', { role });
  return t('roles:mine_pending', { role, requested: roleName(mine.requested) });
}

function appliedText(ctx: StepContext): Text {
  const applied = resultOf(ctx, apply);
  if (!applied || applied.outcome === 'gone') return t('roles:applied.gone');
  return t(`roles:applied.${applied.outcome}`, {
    name: applied.name,
    role: roleName(applied.role),
    about: applied.about,
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
  steps: [
    list,
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
    apply,
    { id: 'applied', kind: 'say', text: appliedText, next: 'list' },
    { id: 'bye', kind: 'say', text: t('roles:bye'), next: END },
  ],
});
