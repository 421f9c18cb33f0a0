/** The broadcasts capability's locale namespace, for the type of text keys (src/core/messages.ts). */
import type broadcasts from '../../locales/id/broadcasts.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    broadcasts: typeof broadcasts;
  }
}
