/** The feedback capability's locale namespace, for the type of text keys (src/core/messages.ts). */
import type feedback from '../../locales/id/feedback.json';

declare module '../../src/core/messages.js' {
  interface TextResources {
    feedback: typeof feedback;
  }
}
