import { t } from '../../../src/core/messages.js';
import type { Db } from '../../../src/db/client.js';
import { eraseAuditOf } from '../../../src/db/queries/audit.js';
import { deleteWebAccessOf, insertLoginToken } from '../../../src/db/queries/web-auth.js';
import { staffScope } from '../../../src/domain/staff-scope.js';
import { hashSecret, newSecret, WEB_LINK_VALID_MS } from '../../../src/domain/web-access.js';
import { type ActionImplementation, implement } from '../../../src/runtime/action.js';
import type { CapabilityServices } from '../../../src/runtime/capability.js';
import { webLink } from '../declarations.js';

/** The path of the sign-in page a link opens. */
export const SIGN_IN_PATH = '/web/masuk';

/** The web capability's actions: /web's link. */
export function createWebActions(services: CapabilityServices): ActionImplementation[] {
  return [
    implement(webLink, async ({ tx, contact, clock, logger }) => {
      // Staff without a known area act nowhere: they have nothing to see on the web either.
      if (staffScope(contact).type === 'none') return { outcome: 'not_staff' };
      const token = newSecret();
      const now = clock.now();
      const expiresAt = new Date(now.getTime() + WEB_LINK_VALID_MS);
      await insertLoginToken(tx, {
        tokenHash: hashSecret(token),
        contactId: contact.id,
        now,
        expiresAt,
      });
      logger.info({ contactId: contact.id }, 'admin web link made');
      const url = `${services.adminWebUrl()}${SIGN_IN_PATH}?t=${token}`;
      return {
        outcome: 'link',
        text: t('web:link.sent', { url, minutes: WEB_LINK_VALID_MS / 60_000 }),
      };
    }),
  ];
}

/** /hapusdata: their links and sessions end; audit entries keep, without their personal values. */
export async function eraseWebData(tx: Db, params: { contactId: string }): Promise<void> {
  await deleteWebAccessOf(tx, params);
  await eraseAuditOf(tx, params);
}
