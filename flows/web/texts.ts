/** The web capability's locale namespace, for the type of text keys (src/core/messages.ts). */
import type web from '../../locales/id/web.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    web: typeof web;
  }
}
