import { type Text, t } from '../../src/core/messages.js';
import { roleName } from '../../src/domain/roles.js';
import { villageText } from '../../src/domain/village-place.js';
import type { ProfileSummary } from './declarations.js';

/** The role held, with the one waiting for an admin if any. */
export function roleText(role: string, requested: string | null): Text {
  if (!requested) return roleName(role);
  return t('profile:role.pending', { role: roleName(role), requested: roleName(requested) });
}

/** A profile as a short list: name, role, village, language. */
export function profileText(summary: ProfileSummary | undefined, language: string): Text {
  return t('profile:summary', {
    name: summary?.name ?? t('profile:name.none'),
    role: roleText(summary?.role ?? 'warga', summary?.requested ?? null),
    village: villageText(summary?.village ?? null),
    language: t(`language:options.${language === 'en' ? 'en' : 'id'}`),
  });
}
