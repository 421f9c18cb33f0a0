/**
 * The account capability: onboarding with consent, the profile (/ubahdata), language,
 * help, the main menu, the data-protection rights (/privasi, /datasaya,
 * /tarikpersetujuan, /hapusdata, /akun) and roles (/peran).
 */

import { unlinkConsentsOf } from '../../src/db/queries/consents.js';
import { eraseRequestsOf } from '../../src/db/queries/role-requests.js';
import { defineCapability } from '../../src/runtime/capability.js';
import { accountFlow } from './account.js';
import { createAccountActions } from './actions/index.js';
import { accountSections } from './actions/my-data.js';
import { deleteDataFlow } from './delete-data.js';
import { editProfileFlow } from './edit-profile.js';
import { FLOW_IDS } from './flow-ids.js';
import { helpFlow } from './help.js';
import { languageFlow } from './language.js';
import { ACCOUNT_MENU } from './menu.js';
import { myDataFlow } from './my-data.js';
import { onboardingFlow } from './onboarding.js';
import { privacyFlow } from './privacy.js';
import { rolesFlow } from './roles.js';
import { withdrawConsentFlow } from './withdraw-consent.js';

export { entryFlowFor, withConsentGate } from './entry.js';
export { FLOW_IDS } from './flow-ids.js';
export { mainMenuFlow } from './menu.js';

/** The account capability. The main menu itself is built by the registry from every entry. */
export const accountCapability = defineCapability({
  id: 'account',
  flows: [
    helpFlow,
    languageFlow,
    onboardingFlow,
    privacyFlow,
    myDataFlow,
    editProfileFlow,
    withdrawConsentFlow,
    deleteDataFlow,
    rolesFlow,
    accountFlow,
  ],
  actions: createAccountActions,
  menu: ACCOUNT_MENU,
  // Onboarding, and the flows that only read or remove what is stored: the rights hold
  // before consent.
  openBeforeConsent: [
    FLOW_IDS.onboarding,
    FLOW_IDS.help,
    FLOW_IDS.language,
    privacyFlow.id,
    myDataFlow.id,
    withdrawConsentFlow.id,
    deleteDataFlow.id,
  ],
  myData: accountSections,
  async erase(tx, { contactId }) {
    await eraseRequestsOf(tx, { contactId });
    await unlinkConsentsOf(tx, { contactId });
    return {};
  },
  namespaces: [
    'account',
    'delete-data',
    'edit-profile',
    'help',
    'language',
    'menu',
    'my-data',
    'onboarding',
    'privacy',
    'profile',
    'roles',
    'withdraw-consent',
  ],
});
