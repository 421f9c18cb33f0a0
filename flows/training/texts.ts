/** The training capability's locale namespace, for the type of text keys (src/core/messages.ts). */
import type training from '../../locales/id/training.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    training: typeof training;
  }
}
