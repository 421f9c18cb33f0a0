/** The account capability's locale namespaces, for the type of text keys (src/core/messages.ts). */
import type account from '../../locales/id/account.json';
import type deleteData from '../../locales/id/delete-data.json';
import type editProfile from '../../locales/id/edit-profile.json';
import type help from '../../locales/id/help.json';
import type language from '../../locales/id/language.json';
import type menu from '../../locales/id/menu.json';
import type myData from '../../locales/id/my-data.json';
import type onboarding from '../../locales/id/onboarding.json';
import type privacy from '../../locales/id/privacy.json';
import type profile from '../../locales/id/profile.json';
import type roles from '../../locales/id/roles.json';
import type withdrawConsent from '../../locales/id/withdraw-consent.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    account: typeof account;
    'delete-data': typeof deleteData;
    'edit-profile': typeof editProfile;
    help: typeof help;
    language: typeof language;
    menu: typeof menu;
    'my-data': typeof myData;
    onboarding: typeof onboarding;
    privacy: typeof privacy;
    profile: typeof profile;
    roles: typeof roles;
    'withdraw-consent': typeof withdrawConsent;
  }
}
