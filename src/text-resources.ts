/**
 * The shared locale namespaces, for the type of text keys (see TextResources in
 * src/core/messages.ts): `common` (the engine's words) and the channels' own.
 * Each capability declares its own namespaces in its `texts.ts`.
 */
import type common from '../locales/id/common.json';
import type telegram from '../locales/id/telegram.json';
import type whatsapp from '../locales/id/whatsapp.json';

declare module './core/messages.js' {
  interface TextResources {
    common: typeof common;
    telegram: typeof telegram;
    whatsapp: typeof whatsapp;
  }
}

/** The namespaces no capability owns. */
export const SHARED_NAMESPACES = ['common', 'telegram', 'whatsapp'] as const;
